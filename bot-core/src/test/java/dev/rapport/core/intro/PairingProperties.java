package dev.rapport.core.intro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.rapport.core.domain.PastGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pairing of a round: everyone placed once, no recent repeats when avoidable, revisit goes back to partners. */
class PairingProperties {
    /** jqwik's default number of tries, which these properties used. */
    private static final int TRIES = 1000;

    @Test
    void everyEligibleMemberIsInExactlyOnePairOrTheOneTrio() {
        qt().withExamples(TRIES)
                .forAll(integers().between(0, 60), booleans().all(), longs().all())
                .checkAssert((size, revisit, seed) -> {
                    // GIVEN members and any history at all
                    Random random = new Random(seed);
                    List<String> members = members(size);
                    List<PastGroup> history = new ArrayList<>();
                    for (int ago = 1; ago <= 6; ago++) {
                        history.addAll(randomRound(members, ago, random, Set.of()));
                    }

                    // WHEN they are paired
                    List<List<String>> groups = Pairing.pair(members, history, revisit, new Random(seed));

                    // THEN each is in exactly one group of two, and one group of three only when the count is odd
                    List<String> placed = groups.stream().flatMap(List::stream).toList();
                    if (size < 2) {
                        assertThat(groups).isEmpty();
                        return;
                    }
                    assertThat(placed).hasSize(size).containsExactlyInAnyOrderElementsOf(members);
                    long trios = groups.stream().filter(g -> g.size() == 3).count();
                    assertThat(groups).allMatch(g -> g.size() == 2 || g.size() == 3);
                    assertThat(trios).isEqualTo(size % 2 == 1 ? 1 : 0);
                });
    }

    @Test
    void noPairRepeatsWithinTheLastThreeRoundsWhenARepeatFreePairingExists() {
        qt().withExamples(TRIES)
                .forAll(integers().between(2, 16), longs().all())
                .checkAssert((size, seed) -> {
                    // GIVEN a history whose recent rounds never paired the people of some hidden pairing
                    Random random = new Random(seed);
                    List<String> members = members(size);
                    Set<Set<String>> hidden = pairsOf(randomGroups(members, random));
                    List<PastGroup> history = new ArrayList<>();
                    for (int ago = 1; ago <= Pairing.RECENT_ROUNDS; ago++) {
                        history.addAll(randomRound(members, ago, random, hidden));
                        history.addAll(randomRound(members, ago, random, hidden));
                    }
                    for (int ago = Pairing.RECENT_ROUNDS + 1; ago <= 6; ago++) {
                        history.addAll(randomRound(members, ago, random, Set.of()));
                    }

                    // WHEN they are paired
                    List<List<String>> groups = Pairing.pair(members, history, false, random);

                    // THEN no group holds two people who were together in the last three rounds
                    Set<Set<String>> recent = pairsOf(history.stream()
                            .filter(g -> g.roundsAgo() <= Pairing.RECENT_ROUNDS)
                            .map(PastGroup::members)
                            .toList());
                    assertThat(pairsOf(groups)).noneMatch(recent::contains);
                });
    }

    @Test
    void revisitModePairsOnlyPastPartnersWhenItCan() {
        qt().withExamples(TRIES)
                .forAll(integers().between(2, 16), longs().all())
                .checkAssert((size, seed) -> {
                    // GIVEN a history in which the people of some pairing were all partners before, among other groups
                    Random random = new Random(seed);
                    List<String> members = members(size);
                    List<List<String>> hidden = randomGroups(members, random);
                    List<PastGroup> history = new ArrayList<>();
                    for (List<String> group : hidden) {
                        history.add(new PastGroup(1 + random.nextInt(6), group, random.nextBoolean()));
                    }
                    history.addAll(randomRound(members, 1 + random.nextInt(6), random, Set.of()));

                    // WHEN they are paired in revisit mode
                    List<List<String>> groups = Pairing.pair(members, history, true, random);

                    // THEN every pair in the round had met before
                    Set<Set<String>> past =
                            pairsOf(history.stream().map(PastGroup::members).toList());
                    assertThat(pairsOf(groups)).allMatch(past::contains);
                });
    }

    @Test
    void theSameSeedGivesTheSamePairing() {
        qt().withExamples(TRIES)
                .forAll(integers().between(0, 40), booleans().all(), longs().all())
                .checkAssert((size, revisit, seed) -> {
                    Random random = new Random(seed);
                    List<String> members = members(size);
                    List<PastGroup> history = randomRound(members, 1, random, Set.of());

                    assertThat(Pairing.pair(members, history, revisit, new Random(seed)))
                            .isEqualTo(Pairing.pair(members, history, revisit, new Random(seed)));
                });
    }

    @Test
    void aRepeatThatCannotBeAvoidedIsStillARound() {
        // GIVEN two people who were paired last round
        List<PastGroup> history = List.of(new PastGroup(1, List.of("a", "b"), true));

        // WHEN they are the only members
        List<List<String>> groups = Pairing.pair(List.of("a", "b"), history, false, new Random(1));

        // THEN they are paired again rather than left out
        assertThat(groups).containsExactly(List.of("a", "b"));
    }

    @Test
    void whenRepeatsAreUnavoidableTheOldestOneIsChosen() {
        // GIVEN four people: every pairing repeats someone, but a-b and c-d met longest ago
        List<PastGroup> history = List.of(
                new PastGroup(1, List.of("a", "c"), false),
                new PastGroup(1, List.of("b", "d"), false),
                new PastGroup(2, List.of("a", "d"), false),
                new PastGroup(2, List.of("b", "c"), false),
                new PastGroup(3, List.of("a", "b"), false),
                new PastGroup(3, List.of("c", "d"), false));

        List<List<String>> groups = Pairing.pair(List.of("a", "b", "c", "d"), history, false, new Random(7));

        assertThat(groups).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void aFewHundredMembersWithAFullHistoryArePairedWithoutRepeats() {
        // GIVEN 301 members who have had three full rounds already
        Random random = new Random(42);
        List<String> members = members(301);
        List<PastGroup> history = new ArrayList<>();
        for (int ago = 1; ago <= 3; ago++) {
            history.addAll(randomRound(members, ago, random, Set.of()));
        }

        List<List<String>> groups = Pairing.pair(members, history, false, random);

        assertThat(groups).hasSize(150);
        Set<Set<String>> past = pairsOf(history.stream().map(PastGroup::members).toList());
        assertThat(pairsOf(groups)).noneMatch(past::contains);
    }

    static List<String> members(int size) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add("U" + i);
        }
        return members;
    }

    /** A random split into pairs and, for an odd count, one trio. */
    static List<List<String>> randomGroups(List<String> members, Random random) {
        List<String> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, random);
        List<List<String>> groups = new ArrayList<>();
        int i = 0;
        while (shuffled.size() - i >= 2) {
            int take = shuffled.size() - i == 3 ? 3 : 2;
            groups.add(List.copyOf(shuffled.subList(i, i + take)));
            i += take;
        }
        return groups;
    }

    /** A random round of some of the members, leaving out any group that would pair people in {@code banned}. */
    static List<PastGroup> randomRound(List<String> members, int ago, Random random, Set<Set<String>> banned) {
        List<String> some = members.stream().filter(m -> random.nextInt(5) > 0).toList();
        return randomGroups(some, random).stream()
                .filter(group -> pairsOf(List.of(group)).stream().noneMatch(banned::contains))
                .map(group -> new PastGroup(ago, group, random.nextBoolean()))
                .toList();
    }

    static Set<Set<String>> pairsOf(List<List<String>> groups) {
        Set<Set<String>> pairs = new HashSet<>();
        for (List<String> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    pairs.add(Set.of(group.get(i), group.get(j)));
                }
            }
        }
        return pairs;
    }
}
