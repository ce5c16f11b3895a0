package dev.rapport.core.intro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.api.Requester;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Span;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing rounds in a channel, end to end through core with a hand-moved clock. Starts Wed 25 Nov 2026, 10:00. */
@StorageSuite
class RoundsFlowTest {
    @TempDir
    Path folder;

    IntroWorld world;
    Requester dana = IntroWorld.slack("UD", "Dana");
    Requester ana = IntroWorld.slack("UA", "Ana");
    Requester marc = IntroWorld.slack("UM", "Marc");
    Requester zoe = IntroWorld.slack("UZ", "Zoë");
    Requester lee = IntroWorld.slack("UL", "Lee");
    List<Requester> everyone = List.of(ana, marc, zoe, lee);

    @BeforeEach
    void start() {
        world = new IntroWorld(folder);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    Requester byId(String id) {
        return everyone.stream()
                .filter(r -> r.key().platformUserId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Who each person was told to meet, from the mentions in their pairing message. */
    Map<String, Set<String>> partnersIn(List<IntroWorld.FakeMessenger.Message> messages) {
        return messages.stream()
                .collect(Collectors.toMap(
                        m -> m.to().platformUserId(),
                        m -> m.reply().sections().stream()
                                .flatMap(s -> s.body().spans().stream())
                                .filter(Span.Mention.class::isInstance)
                                .map(span -> ((Span.Mention) span).platformUserId())
                                .collect(Collectors.toSet())));
    }

    @Test
    void aRoundPairsTheChannelThenAsksAWeekLaterAndWeMetSavesANote() {
        // GIVEN four people in the channel, Ana with "ask me about" topics, and rounds turned on by a manager
        world.channelHas(ana, marc, zoe, lee);
        world.inDm(ana, "/settings about sailing, moving to Lisbon");
        Reply on = world.asManager(dana, "/intro rounds on every 2 weeks");
        assertThat(on.visibility()).isEqualTo(Reply.Visibility.CHANNEL);
        assertThat(on.plainText()).contains("every 2 weeks", "first round starts in a moment");
        IntroRounds rounds = world.engine(1);

        // WHEN the scheduler ticks
        IntroRounds.Tick tick = rounds.tick(world.clock.instant());

        // THEN everyone gets one DM naming their partner, and only Ana's partner learns her topics
        assertThat(tick.roundsStarted()).isEqualTo(1);
        assertThat(world.messenger.sent).hasSize(4);
        Map<String, Set<String>> partners = partnersIn(world.messenger.sent);
        assertThat(partners.keySet()).containsExactlyInAnyOrder("UA", "UM", "UZ", "UL");
        partners.forEach((person, mine) -> {
            assertThat(mine).hasSize(1);
            assertThat(partners.get(mine.iterator().next())).containsExactly(person);
        });
        String anasPartner = partners.get("UA").iterator().next();
        for (IntroWorld.FakeMessenger.Message message : world.messenger.sent) {
            boolean toAnasPartner = message.to().platformUserId().equals(anasPartner);
            assertThat(message.text().contains("Ask Ana about: sailing, moving to Lisbon"))
                    .isEqualTo(toAnasPartner);
        }
        assertThat(world.messenger.to(ana).get(0).text())
                .doesNotContain("Tip: /settings about")
                .contains("Your pairing this round");
        assertThat(world.messenger.to(marc).get(0).text()).contains("Tip: /settings about");
        assertThat(world.messenger.sent).allMatch(m -> m.reply().visibility() == Reply.Visibility.PRIVATE);
        assertThat(world.messenger.sent)
                .extracting(IntroWorld.FakeMessenger.Message::dedupeKey)
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("round:\\d+:U[A-Z]:pair"));

        // AND ticking again, or six days later, sends nothing more
        assertThat(rounds.tick(world.clock.instant()).sent()).isZero();
        world.advanceDays(6);
        assertThat(rounds.tick(world.clock.instant()).sent()).isZero();

        // WHEN a week has passed
        world.advanceDays(1);
        rounds.tick(world.clock.instant());

        // THEN each gets "Did you meet?" with We met, Not yet and Skip
        List<IntroWorld.FakeMessenger.Message> checkIns = world.messenger.startingWith("round:");
        checkIns = checkIns.subList(4, checkIns.size());
        assertThat(checkIns).hasSize(4).allMatch(m -> m.text().contains("Did you meet"));
        Requester partner = byId(anasPartner);
        List<Button> buttons = world.messenger.to(partner).get(1).reply().allButtons();
        assertThat(buttons).extracting(Button::label).containsExactly("We met", "Not yet", "Skip");
        assertThat(buttons.get(0).prompt().orElseThrow().label()).isEqualTo("What did you learn about Ana?");
        assertThat(buttons.get(0).prompt().orElseThrow().optional()).isTrue();

        // WHEN Ana's partner says they met and what they learned
        Reply saved = world.submit(partner, buttons.get(0).actionId(), "Ana is training for a marathon #running");

        // THEN it is a note about Ana in the partner's own list, and the status counts it
        assertThat(saved.plainText()).contains("Saved what you learned", "1 thing about Ana");
        assertThat(world.inDm(partner, "/contact ana").plainText())
                .contains("Ana is training for a marathon #running", "How you met: paired in a channel's intro round")
                .contains("Last contact: today")
                .doesNotContain("reached out");
        assertThat(world.contactsOf(ana)).as("nothing lands in Ana's list").isEmpty();
        Reply status = world.inChannel(zoe, "/intro rounds status");
        assertThat(status.plainText())
                .contains(
                        "Rounds: on, every 2 weeks",
                        "Rounds run: 1",
                        "Pairs: 2",
                        "Met: 1 of 2",
                        "Next round: Wed 9 Dec");
    }

    @Test
    void aRestartSendsNothingTwiceAndLosesNothing() {
        // GIVEN a round whose pairing DMs went out, then a restart
        world.channelHas(ana, marc, zoe, lee);
        world.asManager(dana, "/intro rounds on");
        world.engine(1).tick(world.clock.instant());
        world.restart();
        IntroRounds afterRestart = world.engine(2);

        // WHEN the new engine ticks now, and again a week later
        afterRestart.tick(world.clock.instant());
        world.advanceDays(7);
        afterRestart.tick(world.clock.instant());
        world.restart();
        world.engine(3).tick(world.clock.instant());

        // THEN every message went out exactly once
        assertThat(world.messenger.sent)
                .extracting(IntroWorld.FakeMessenger.Message::dedupeKey)
                .hasSize(8)
                .doesNotHaveDuplicates();
    }

    @Test
    void anInstanceKilledMidSendLeavesItsRoundMessagesToAnotherAfterTheLeaseAndNoneIsSentTwice() {
        // GIVEN the first instance started a round, handed one pairing DM to the platform and was killed before
        // marking it
        world.channelHas(ana, marc, zoe, lee);
        world.asManager(dana, "/intro rounds on");
        world.messenger.dyingAfterTheNextDelivery = true;
        assertThatThrownBy(() -> world.engine(1).tick(world.clock.instant()))
                .isInstanceOf(IntroWorld.FakeMessenger.Crash.class);
        assertThat(world.messenger.sent).hasSize(1);
        IntroRounds other = world.engineOf("second", 2);

        // WHEN another instance ticks while the dead one's lease still runs, and again once it has run out
        IntroRounds.Tick during = other.tick(world.clock.instant());
        world.clock.advance(OutboxDelivery.LEASE.plusSeconds(1));
        IntroRounds.Tick after = other.tick(world.clock.instant());

        // THEN it started no second round and left the leased messages alone, then took them over: the one that had
        // arrived was found on the platform and not sent again, and everyone has one pairing DM
        assertThat(during.roundsStarted()).isZero();
        assertThat(during.sent()).isZero();
        assertThat(after.roundsStarted()).isZero();
        assertThat(after.sent()).isEqualTo(4);
        assertThat(world.messenger.sent)
                .extracting(IntroWorld.FakeMessenger.Message::dedupeKey)
                .hasSize(4)
                .doesNotHaveDuplicates();
    }

    @Test
    void theNextRoundAvoidsLastRoundsPairsAndComesOnTheRhythm() {
        world.channelHas(ana, marc, zoe, lee);
        world.asManager(dana, "/intro rounds on every 2 weeks");
        IntroRounds rounds = world.engine(5);
        rounds.tick(world.clock.instant());
        Map<String, Set<String>> first = partnersIn(world.messenger.sent);

        world.advanceDays(13);
        assertThat(rounds.tick(world.clock.instant()).roundsStarted()).isZero();
        world.advanceDays(1);
        assertThat(rounds.tick(world.clock.instant()).roundsStarted()).isEqualTo(1);

        Map<String, Set<String>> second = partnersIn(world.messenger.startingWith("round:2:"));
        assertThat(second).hasSize(4);
        second.forEach((person, mine) -> assertThat(mine).doesNotContainAnyElementsOf(first.get(person)));
    }

    @Test
    void anOddCountMakesOneTrioAndTheTrioSeesBothPartners() {
        world.channelHas(ana, marc, zoe);
        world.asManager(dana, "/intro rounds on");

        world.engine(1).tick(world.clock.instant());

        assertThat(partnersIn(world.messenger.sent).values()).allMatch(partners -> partners.size() == 2);
        assertThat(world.messenger.to(ana).get(0).text()).contains(" and ");
    }

    @Test
    void whereMembersCannotBeListedTheyJoinAndLeavingOrSkippingLeavesThemOut() {
        // GIVEN a platform that cannot list the channel: people join themselves
        world.asManager(dana, "/intro rounds on");
        for (Requester person : everyone) {
            assertThat(world.inChannel(person, "/intro rounds join").plainText())
                    .contains("You're in");
        }
        world.inChannel(zoe, "/intro rounds join"); // twice is fine
        world.inChannel(lee, "/intro rounds leave");
        assertThat(world.inChannel(marc, "/intro rounds skip").plainText()).contains("sit out the next round");

        // WHEN the round runs
        world.engine(1).tick(world.clock.instant());

        // THEN only Ana and Zoë are paired; Marc is back for the round after, Lee is not
        assertThat(partnersIn(world.messenger.sent))
                .containsOnlyKeys("UA", "UZ")
                .containsEntry("UA", Set.of("UZ"));
        assertThat(world.inChannel(marc, "/intro rounds status").plainText()).contains("You: taking part");
        assertThat(world.inChannel(lee, "/intro rounds status").plainText()).contains("You: left the rounds");
    }

    @Test
    void roundsOnOffAndNowNeedChannelManagerRights() {
        List<Reply> refused = List.of(
                world.inChannel(ana, "/intro rounds on every 2 weeks"),
                world.inChannel(ana, "/intro rounds off"),
                world.inChannel(ana, "/intro rounds now"));

        assertThat(refused).allMatch(Reply::isError);
        assertThat(refused).allMatch(r -> r.plainText().contains("Only people who can manage this channel"));
        assertThat(world.inChannel(ana, "/intro rounds status").plainText()).contains("No pairing rounds");
        world.channelHas(ana, marc);
        assertThat(world.engine(1).tick(world.clock.instant()).roundsStarted()).isZero();
    }

    @Test
    void offStopsTheRoundsAndNowRunsOneAtOnce() {
        world.channelHas(ana, marc, zoe, lee);
        world.asManager(dana, "/intro rounds on every 3 weeks revisit");
        IntroRounds rounds = world.engine(1);
        rounds.tick(world.clock.instant());
        assertThat(world.inChannel(ana, "/intro rounds status").plainText())
                .contains("every 3 weeks, revisiting past partners");

        assertThat(world.asManager(dana, "/intro rounds off").visibility()).isEqualTo(Reply.Visibility.CHANNEL);
        world.advanceDays(30);
        assertThat(rounds.tick(world.clock.instant()).roundsStarted()).isZero();

        world.asManager(dana, "/intro rounds now");
        assertThat(rounds.tick(world.clock.instant()).roundsStarted()).isEqualTo(1);
        assertThat(world.inChannel(ana, "/intro rounds status").plainText())
                .contains("Rounds: off", "Rounds run: 2", "Next round: none planned");
    }

    @Test
    void badRoundsCommandsAreExplained() {
        assertThat(world.inDm(ana, "/intro rounds status").plainText()).contains("team channel");
        assertThat(world.asManager(dana, "/intro rounds on every 40 weeks").plainText())
                .contains("1 to 12 weeks");
        assertThat(world.asManager(dana, "/intro rounds on sometimes").isError())
                .isTrue();
        assertThat(world.inChannel(ana, "/intro rounds dance").plainText()).contains("on, off, status");
    }

    @Test
    void notYetAndSkipAreRecordedAndOnlyTheRecipientCanAnswer() {
        world.channelHas(ana, marc);
        world.asManager(dana, "/intro rounds on");
        IntroRounds rounds = world.engine(1);
        rounds.tick(world.clock.instant());
        world.advanceDays(7);
        rounds.tick(world.clock.instant());
        List<Button> anas = world.messenger.to(ana).get(1).reply().allButtons();
        List<Button> marcs = world.messenger.to(marc).get(1).reply().allButtons();

        assertThat(world.press(marc, anas.get(0).actionId()).isError()).isTrue();
        assertThat(world.press(ana, anas.get(1).actionId()).plainText()).contains("No rush");
        assertThat(world.press(marc, marcs.get(2).actionId()).plainText()).contains("Skipped");
        assertThat(world.inChannel(ana, "/intro rounds status").plainText()).contains("Met: 0 of 1");

        // "We met" without words still counts, and offers to keep a note
        Reply met = world.press(ana, anas.get(0).actionId());
        assertThat(met.plainText()).contains("Glad you met Marc");
        assertThat(met.allButtons())
                .singleElement()
                .satisfies(b -> assertThat(b.prompt()).isPresent());
        assertThat(world.inChannel(ana, "/intro rounds status").plainText()).contains("Met: 1 of 1");
        assertThat(world.contactsOf(ana))
                .extracting(c -> c.platformUserId().orElseThrow())
                .containsExactly("UM");
    }

    @Test
    void aFailedDmIsRetriedAndAnUnreachablePersonIsNotAskedAgain() {
        world.channelHas(ana, marc, zoe, lee);
        world.asManager(dana, "/intro rounds on");
        // A server error for one person (a rate limit would pause the whole platform, as it does for digests).
        world.messenger.failures.put("UA", new DirectMessenger.RetryLater(Duration.ofMinutes(2), "slack http 503"));
        world.messenger.failures.put("UZ", new DirectMessenger.Unreachable("DMs closed"));
        IntroRounds rounds = world.engine(1);

        IntroRounds.Tick first = rounds.tick(world.clock.instant());
        assertThat(first.sent()).isEqualTo(2);
        assertThat(first.retrying()).isEqualTo(1);
        assertThat(first.unreachable()).isEqualTo(1);

        world.messenger.failures.clear();
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(rounds.tick(world.clock.instant()).sent()).isZero();
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(rounds.tick(world.clock.instant()).sent()).isEqualTo(1);
        assertThat(world.messenger.to(ana)).hasSize(1);
        assertThat(world.messenger.to(zoe)).isEmpty();
    }
}
