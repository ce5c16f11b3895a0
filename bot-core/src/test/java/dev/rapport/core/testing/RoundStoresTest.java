package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Match;
import dev.rapport.core.domain.PastGroup;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.Round;
import dev.rapport.core.domain.RoundChannel;
import dev.rapport.core.domain.RoundDm;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.RoundOutbox;
import dev.rapport.core.port.RoundStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores of pairing rounds, on the store of the module that runs the suite. */
@StorageSuite
class RoundStoresTest {
    static final ChannelKey CHANNEL = new ChannelKey("slack", "T1", "C1");
    static final Instant TEN = Instant.parse("2026-11-25T10:00:00Z");
    static final Lease LEASE = new Lease("one", TEN.plusSeconds(120));

    @TempDir
    Path folder;

    OpenStorage store;
    Stores stores;

    /** The round stores under the names this suite uses. */
    record Stores(RoundStore rounds, RoundOutbox outbox) {}

    @BeforeEach
    void open() {
        store = TestStorage.open(folder);
        stores = new Stores(store.storage().rounds(), store.storage().roundOutbox());
    }

    @AfterEach
    void close() {
        store.close();
    }

    Match matchIn(Round round, int group, String id) {
        return stores.rounds().addMatch(round, group, new Person(id, id.toLowerCase()));
    }

    @Test
    void schedulingTheSameMessageTwiceKeepsOneRow() {
        RoundChannel channel = stores.rounds().ensureChannel(CHANNEL);
        Match match = matchIn(stores.rounds().addRound(channel.id(), TEN), 0, "UA");

        stores.outbox().schedule(match.id(), RoundDm.Kind.PAIRING, TEN);
        stores.outbox().schedule(match.id(), RoundDm.Kind.PAIRING, TEN.plusSeconds(60));

        assertThat(stores.outbox().due(TEN.plusSeconds(3600), LEASE, 10))
                .singleElement()
                .satisfies(dm -> {
                    assertThat(dm.dueAt()).isEqualTo(TEN);
                });
    }

    @Test
    void dueTimesCompareAsTimesEvenWithFractionsOfASecond() {
        // "10:00:00.500Z" sorts before "10:00:00Z" as plain ISO text; stored times must not.
        RoundChannel channel = stores.rounds().ensureChannel(CHANNEL);
        Match match = matchIn(stores.rounds().addRound(channel.id(), TEN), 0, "UA");
        stores.outbox().schedule(match.id(), RoundDm.Kind.CHECK_IN, TEN.plusMillis(500));

        assertThat(stores.outbox().due(TEN, LEASE, 10)).isEmpty();
        assertThat(stores.outbox().due(TEN.plusMillis(500), LEASE, 10)).hasSize(1);
    }

    @Test
    void aSentMessageIsNoLongerDueAndARetriedOneIsDueLater() {
        RoundChannel channel = stores.rounds().ensureChannel(CHANNEL);
        Round round = stores.rounds().addRound(channel.id(), TEN);
        stores.outbox().schedule(matchIn(round, 0, "UA").id(), RoundDm.Kind.PAIRING, TEN);
        stores.outbox().schedule(matchIn(round, 0, "UB").id(), RoundDm.Kind.PAIRING, TEN);
        List<RoundDm> due = stores.outbox().due(TEN, LEASE, 10);

        stores.outbox().sent(due.get(0).claim(), TEN);
        stores.outbox().retryAt(due.get(1).claim(), TEN.plusSeconds(120), "rate limited");

        assertThat(stores.outbox().due(TEN.plusSeconds(119), LEASE, 10)).isEmpty();
        assertThat(stores.outbox().due(TEN.plusSeconds(120), LEASE, 10))
                .singleElement()
                .satisfies(dm -> assertThat(dm.attempts()).isEqualTo(1));
    }

    @Test
    void historyCountsRoundsBackFromTheNewestAndKnowsWhoMet() {
        RoundChannel channel = stores.rounds().ensureChannel(CHANNEL);
        Round first = stores.rounds().addRound(channel.id(), TEN);
        Match a = matchIn(first, 0, "UA");
        matchIn(first, 0, "UB");
        Round second = stores.rounds().addRound(channel.id(), TEN.plusSeconds(86_400 * 14));
        matchIn(second, 0, "UA");
        matchIn(second, 0, "UC");
        matchIn(second, 0, "UB");
        stores.rounds().answer(a.id(), Match.Answer.MET, TEN);

        assertThat(stores.rounds().history(channel.id(), 26))
                .containsExactly(
                        new PastGroup(1, List.of("UA", "UC", "UB"), false),
                        new PastGroup(2, List.of("UA", "UB"), true));
        assertThat(stores.rounds().history(channel.id(), 1)).hasSize(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(stores.rounds().stats(channel.id())).satisfies(stats -> {
            assertThat(stats.rounds()).isEqualTo(2);
            assertThat(stats.groups()).isEqualTo(2);
            assertThat(stats.groupsMet()).isEqualTo(1);
            assertThat(stats.lastRoundGroups()).isEqualTo(1);
        });
    }

    @Test
    void channelsAreDueOnlyOnceTheirNextRoundTimeHasCome() {
        RoundChannel channel = stores.rounds().ensureChannel(CHANNEL);
        assertThat(stores.rounds().ensureChannel(CHANNEL).id()).isEqualTo(channel.id());
        stores.rounds().update(new RoundChannel(channel.id(), CHANNEL, true, 2, false, Optional.of(TEN)));

        assertThat(stores.rounds().dueBy(TEN.minusMillis(1))).isEmpty();
        assertThat(stores.rounds().dueBy(TEN)).extracting(RoundChannel::id).containsExactly(channel.id());
    }
}
