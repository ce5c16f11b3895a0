package dev.rapport.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.Upload;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.exchange.Fixtures;
import dev.rapport.core.port.Inbox;
import dev.rapport.core.port.Lease;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox port on the store of the module that runs the suite, and the workers that run it through core. */
@StorageSuite
class InboxTest {
    static final Duration SLACK_REPLY = Duration.ofMinutes(30);

    @TempDir
    Path folder;

    TestRapport world;
    Inbox inbox;
    Recording channel;

    @BeforeEach
    void open() {
        world = TestRapport.in(folder);
        inbox = world.storage.inbox();
        channel = new Recording();
    }

    @AfterEach
    void close() {
        world.close();
    }

    static Requester slackUser(String id) {
        return new Requester(new UserKey("slack", "T1", id), id, Optional.of(ZoneId.of("UTC")));
    }

    static CommandRequest command(Requester who, String line) {
        String[] parts = line.split(" ", 2);
        return CommandRequest.of(who, parts[0], parts.length > 1 ? parts[1] : "");
    }

    Inbox.Request request(String key, String user, Instant at) {
        return new Inbox.Request(key, new UserKey("slack", "T1", user), "p", "url-" + key, at.plus(SLACK_REPLY), at);
    }

    InboxWorkers workers(int threads) {
        return world.core.inbox(threads).channel(channel);
    }

    /** Workers of another instance on the same store, under another name. */
    InboxWorkers workersOf(String instance) {
        return CoreAssembly.over(world.clock, world.storage, instance).inbox(1).channel(channel);
    }

    List<Inbox.Row> claim(String holder, Instant now) {
        return inbox.claim(now, new Lease(holder, now.plus(InboxWorkers.LEASE)), 10);
    }

    List<String> contacts(Requester who) {
        return world.storage.contacts().all(world.rapport.user(who).id()).stream()
                .map(Contact::name)
                .toList();
    }

    @Test
    void aKeyIsWrittenOnceWhateverTheReplays() {
        Instant now = world.clock.instant();

        assertThat(inbox.append(request("slack:cmd-1", "U1", now))).isTrue();
        assertThat(inbox.append(request("slack:cmd-1", "U1", now.plusSeconds(1))))
                .isFalse();
        assertThat(inbox.append(request("slack:cmd-2", "U1", now))).isTrue();

        assertThat(inbox.pending()).extracting(Inbox.Row::key).containsExactly("slack:cmd-1", "slack:cmd-2");
        assertThat(inbox.find("slack:cmd-1").orElseThrow().replyTo()).isEqualTo("url-slack:cmd-1");
    }

    @Test
    void aClaimTakesOneRowPerUserOldestFirstAndNeverTwoOfOneUser() {
        Instant now = world.clock.instant();
        inbox.append(request("a1", "alice", now));
        inbox.append(request("a2", "alice", now));
        inbox.append(request("b1", "bob", now));

        List<Inbox.Row> first = claim("A", now);

        assertThat(first).extracting(Inbox.Row::key).containsExactly("a1", "b1");
        assertThat(first).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(1));
        assertThat(first).allSatisfy(row -> assertThat(row.holder()).contains("A"));
        assertThat(claim("A", now)).isEmpty();

        assertThat(inbox.ran(first.get(0), now)).isTrue();
        assertThat(claim("A", now)).as("a1 ran but is still being answered").isEmpty();

        assertThat(inbox.answered(first.get(0), now)).isTrue();
        assertThat(claim("A", now)).extracting(Inbox.Row::key).containsExactly("a2");
    }

    @Test
    void aLeaseRunsOutOrIsReleasedWhenItsOwnInstanceStartsAgain() {
        Instant now = world.clock.instant();
        inbox.append(request("a1", "alice", now));
        claim("A", now);

        assertThat(claim("A", now.plusSeconds(119))).isEmpty();
        assertThat(claim("A", now.plusSeconds(120)))
                .singleElement()
                .satisfies(row -> assertThat(row.attempts()).isEqualTo(2));

        assertThat(inbox.releaseLeases("A")).isEqualTo(1);
        assertThat(claim("A", now.plusSeconds(121))).hasSize(1);
    }

    @Test
    void anotherInstanceStartingLeavesALiveLeaseToItsHolder() {
        // GIVEN instance A holds alice's command
        Requester ann = slackUser("U1");
        workers(1).accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);
        Inbox.Row held = claim("A", world.clock.instant()).get(0);

        // WHEN instance B starts (voiding its own earlier leases) and looks for work within A's lease
        world.clock.advance(InboxWorkers.LEASE.minusSeconds(1));
        int released = inbox.releaseLeases("B");
        int ranByB = workersOf("B").drain();

        // THEN A's lease stands: B ran nothing, and A still finishes the row
        assertThat(released).isZero();
        assertThat(ranByB).isZero();
        assertThat(contacts(ann)).isEmpty();
        assertThat(inbox.find("slack:t-1").orElseThrow().holder()).contains("A");
        assertThat(inbox.ran(held, world.clock.instant())).isTrue();
    }

    @Test
    void anExpiredLeaseIsTakenOverByAnotherInstanceExactlyOnce() throws InterruptedException {
        // GIVEN instance A claimed a row and died
        Instant now = world.clock.instant();
        inbox.append(request("a1", "alice", now));
        claim("A", now);

        // WHEN its lease has run out and four workers of two other instances claim at once
        Instant later = now.plus(InboxWorkers.LEASE);
        CountDownLatch go = new CountDownLatch(1);
        List<Inbox.Row> taken = Collections.synchronizedList(new ArrayList<>());
        List<Thread> claimers = new ArrayList<>();
        for (String holder : List.of("B", "C", "B", "C")) {
            Thread claimer = new Thread(() -> {
                try {
                    go.await();
                    taken.addAll(claim(holder, later));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            claimer.start();
            claimers.add(claimer);
        }
        go.countDown();
        for (Thread claimer : claimers) {
            claimer.join(TimeUnit.SECONDS.toMillis(30));
        }

        // THEN exactly one of them took it over, as its second attempt, and nobody takes it again within that lease
        assertThat(taken).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("a1");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.holder().orElseThrow()).isIn("B", "C");
        });
        assertThat(claim("A", later.plusSeconds(1))).isEmpty();
        assertThat(claim("B", later.plusSeconds(1))).isEmpty();
        assertThat(inbox.find("a1").orElseThrow().holder())
                .isEqualTo(taken.get(0).holder());
    }

    @Test
    void aStaleClaimCannotFinishARowThatWasTakenOver() {
        // GIVEN A's claim ran out and B took the row over
        Instant now = world.clock.instant();
        inbox.append(request("a1", "alice", now));
        Inbox.Row stale = claim("A", now).get(0);
        Instant later = now.plus(InboxWorkers.LEASE);
        Inbox.Row current = claim("B", later).get(0);

        // WHEN A comes back and tries to renew, run, answer or expire the row
        // THEN every mark is refused and the row stays B's, pending
        assertThat(inbox.renew(stale, later.plus(InboxWorkers.LEASE))).isFalse();
        assertThat(inbox.ran(stale, later)).isFalse();
        assertThat(inbox.answered(stale, later)).isFalse();
        assertThat(inbox.expired(stale, later)).isFalse();
        assertThat(inbox.find("a1").orElseThrow())
                .satisfies(row -> assertThat(row.state()).isEqualTo(Inbox.State.PENDING))
                .satisfies(row -> assertThat(row.holder()).contains("B"));

        // AND a worker of the same instance whose own lease ran out is fenced off by the later claim too
        Inbox.Row again = claim("B", later.plus(InboxWorkers.LEASE)).get(0);
        assertThat(inbox.ran(current, later.plus(InboxWorkers.LEASE))).isFalse();
        assertThat(inbox.ran(again, later.plus(InboxWorkers.LEASE))).isTrue();
        assertThat(inbox.answered(again, later.plus(InboxWorkers.LEASE))).isTrue();
        assertThat(inbox.find("a1").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
    }

    @Test
    void aRequestWritesItsRowOnceBetweenClaimAndAnswerInItsOwnCommit() {
        // GIVEN ann's command and a refused one of hers, run by a worker whose inbox counts renewals and marks
        Requester ann = slackUser("U1");
        AtomicInteger renewals = new AtomicInteger();
        AtomicInteger marks = new AtomicInteger();
        Inbox counting = new StallingAfterRenew(inbox, renewals::incrementAndGet) {
            @Override
            public boolean ran(Row claimed, Instant at) {
                marks.incrementAndGet();
                return super.ran(claimed, at);
            }
        };
        InboxWorkers workers =
                new InboxWorkers(world.clock, counting, world.rapport, CoreAssembly.ALONE, 1).channel(channel);
        workers.accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);
        workers.accept("t-2", command(ann, "remember Marc Kelly:"), "url-2", SLACK_REPLY);

        // WHEN the worker runs them, each just claimed
        assertThat(workers.drain()).isEqualTo(2);

        // THEN both were answered (the second with its refusal), the first saved, and each row was marked as run once,
        // in its request's transaction; a claim that young is not renewed
        assertThat(channel.answers).containsOnlyKeys("url-1", "url-2");
        assertThat(channel.answers.get("url-2").isError()).isTrue();
        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(marks).hasValue(2);
        assertThat(renewals).hasValue(0);
        assertThat(inbox.find("slack:t-1").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
        assertThat(inbox.find("slack:t-2").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
    }

    @Test
    void aStaleWorkerRunsNothingOfARowTakenOverBeforeItStarted() {
        // GIVEN A's worker claimed a command and stalled past its lease, and B took the row over
        Requester ann = slackUser("U1");
        InboxWorkers b = workersOf("B");
        b.accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);
        InboxWorkers a = workersOf("A");
        Inbox.Row claimedByA = claim("A", world.clock.instant()).get(0);
        world.clock.advance(InboxWorkers.LEASE);
        Inbox.Row takenByB = claim("B", world.clock.instant()).get(0);

        // WHEN A's worker goes on with the row it once claimed
        a.run(claimedByA);

        // THEN it ran and answered nothing; B runs it, once
        assertThat(contacts(ann)).isEmpty();
        assertThat(channel.answers).isEmpty();
        b.run(takenByB);
        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(channel.answers).containsOnlyKeys("url-1");
        assertThat(inbox.find("slack:t-1").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
    }

    @Test
    void aWorkerWhoseRowIsTakenOverWhileItRunsRollsTheCommandBackAndDoesNotAnswer() {
        // GIVEN A's worker renews its claim, then stalls past its lease while B takes the row over
        Requester ann = slackUser("U1");
        InboxWorkers b = workersOf("B");
        b.accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);
        List<Inbox.Row> takenByB = new ArrayList<>();
        Inbox stalling = new StallingAfterRenew(inbox, () -> {
            world.clock.advance(InboxWorkers.LEASE);
            takenByB.addAll(claim("B", world.clock.instant()));
        });
        InboxWorkers a = new InboxWorkers(world.clock, stalling, world.rapport, "A", 1).channel(channel);
        Inbox.Row claimedByA = claim("A", world.clock.instant()).get(0);

        // WHEN A's worker runs the command to its commit
        a.run(claimedByA);

        // THEN its mark was refused, so the command's writes rolled back and nothing was answered
        assertThat(takenByB).hasSize(1);
        assertThat(contacts(ann)).isEmpty();
        assertThat(channel.answers).isEmpty();
        assertThat(inbox.find("slack:t-1").orElseThrow().state()).isEqualTo(Inbox.State.PENDING);

        // AND B runs it, once
        b.run(takenByB.get(0));
        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(channel.answers).containsOnlyKeys("url-1");
    }

    @Test
    void oneUsersOrderIsKeptAcrossATakeover() {
        // GIVEN alice sent three commands and bob one; A claimed alice's first and died
        Requester alice = slackUser("U1");
        Requester bob = slackUser("U2");
        InboxWorkers b = workersOf("B");
        for (int i = 0; i < 3; i++) {
            b.accept("a-" + i, command(alice, "remember Marc Kelly: note " + i), "U1:" + i, SLACK_REPLY);
        }
        b.accept("b-0", command(bob, "remember Tove: note 0"), "U2:0", SLACK_REPLY);
        Instant now = world.clock.instant();
        assertThat(inbox.claim(now, new Lease("A", now.plus(InboxWorkers.LEASE)), 1))
                .extracting(Inbox.Row::key)
                .containsExactly("slack:a-0");

        // WHEN B works the inbox within A's lease, then after it
        int during = b.drain();
        world.clock.advance(InboxWorkers.LEASE);
        int after = b.drain();

        // THEN within the lease only bob's ran (alice's later ones wait behind the held one), then alice's in order
        assertThat(during).isEqualTo(1);
        assertThat(channel.byUser.get("U2")).containsExactly("U2:0");
        assertThat(after).isEqualTo(3);
        assertThat(channel.byUser.get("U1")).containsExactly("U1:0", "U1:1", "U1:2");
        assertThat(world.storage.notes().counts(world.rapport.user(alice).id()).values())
                .singleElement()
                .satisfies(counts -> assertThat(counts.notes()).isEqualTo(3));
        assertThat(channel.errors).isEmpty();
    }

    @Test
    void expiredAndUnansweredRowsAreToldToTheirOwnUserOnce() {
        Instant now = world.clock.instant();
        inbox.append(request("a1", "alice", now));
        inbox.append(request("a2", "alice", now));
        inbox.append(request("b1", "bob", now));
        List<Inbox.Row> rows = claim("A", now);
        inbox.expired(rows.get(0), now);
        Inbox.Row a2 = claim("A", now).get(0);
        inbox.ran(a2, now);
        UserKey alice = new UserKey("slack", "T1", "alice");

        assertThat(inbox.untold(alice, now)).extracting(Inbox.Row::key).containsExactly("a1");
        assertThat(inbox.untold(alice, now.plus(Duration.ofMinutes(2))))
                .extracting(Inbox.Row::key, Inbox.Row::state)
                .containsExactly(tuple("a1", Inbox.State.EXPIRED), tuple("a2", Inbox.State.RAN));
        assertThat(inbox.untold(new UserKey("slack", "T1", "bob"), now.plus(Duration.ofHours(1))))
                .isEmpty();

        inbox.told(rows.get(0).id(), now);
        assertThat(inbox.untold(alice, now)).isEmpty();
    }

    @Test
    void aRowWithNulCharactersRoundTripsExactly() {
        // GIVEN a request whose key, user, payload and reply channel hold NUL (PostgreSQL text cannot; SQLite can)
        Instant now = world.clock.instant();
        UserKey odd = new UserKey("slack", "T\u00001", "U\u00001");
        Inbox.Request request =
                new Inbox.Request("slack:k\u00001", odd, "p\u0000q\uFFFF0", "url\u0000", now.plus(SLACK_REPLY), now);

        // WHEN it is written, found and claimed
        assertThat(inbox.append(request)).isTrue();
        assertThat(inbox.append(request)).as("and recognised when replayed").isFalse();

        // THEN it reads back exactly, and its user's lane is its own
        assertThat(inbox.find("slack:k\u00001")).get().satisfies(row -> {
            assertThat(row.user()).isEqualTo(odd);
            assertThat(row.payload()).isEqualTo("p\u0000q\uFFFF0");
            assertThat(row.replyTo()).isEqualTo("url\u0000");
        });
        Inbox.Row claimed = claim("A", now).get(0);
        assertThat(claimed.payload()).isEqualTo("p\u0000q\uFFFF0");
        assertThat(inbox.expired(claimed, now)).isTrue();
        assertThat(inbox.untold(odd, now)).extracting(Inbox.Row::key).containsExactly("slack:k\u00001");
        assertThat(inbox.untold(new UserKey("slack", "T", "U"), now)).isEmpty();
    }

    @Test
    void aCommandWithNulCharactersRunsAndKeepsThemInItsNote() {
        Requester ann = slackUser("U1");
        InboxWorkers workers = workers(1);
        workers.accept("t-1", command(ann, "remember Marc Kelly: sails\u0000on sundays"), "url-1", SLACK_REPLY);

        assertThat(workers.drain()).isEqualTo(1);

        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        long owner = world.rapport.user(ann).id();
        long marc = world.storage.contacts().all(owner).get(0).id();
        assertThat(world.storage.notes().forContact(owner, marc))
                .extracting(note -> note.body())
                .containsExactly("sails\u0000on sundays");
    }

    @Test
    void aPayloadRoundTripsThroughCoreEncoding() {
        Requester who = slackUser("U1");
        CommandRequest typed = new CommandRequest(
                who,
                Place.teamChannel("C9"),
                "remember",
                "Zoë & <@U2> = 100% \n\"x\"",
                Map.of("U2", new Mentioned("Ann", false), "B1", new Mentioned("bot", true)),
                () -> true);
        ActionRequest pressed =
                new ActionRequest(who, Place.directMessage("D1"), "note:12", Optional.of("line&one=two"));

        InboxPayload command = InboxPayload.decode(InboxPayload.of(typed).encode());
        InboxPayload action = InboxPayload.decode(InboxPayload.of(pressed).encode());

        CommandRequest back = ((InboxPayload.Command) command).request();
        assertThat(back.from()).isEqualTo(who);
        assertThat(back.place()).isEqualTo(typed.place());
        assertThat(back.text()).isEqualTo(typed.text());
        assertThat(back.mentions()).isEqualTo(typed.mentions());
        assertThat(back.rights().canManageChannel())
                .as("rights are asked again, never stored")
                .isFalse();
        assertThat(((InboxPayload.Action) action).request()).isEqualTo(pressed);
    }

    @Test
    void aReplayedOrRetriedRequestRunsOnce() {
        Requester ann = slackUser("U1");
        InboxWorkers workers = workers(1);

        assertThat(workers.accept("trigger-1", command(ann, "remember Marc Kelly: sails"), "url", SLACK_REPLY))
                .isTrue();
        assertThat(workers.accept("trigger-1", command(ann, "remember Marc Kelly: sails"), "url", SLACK_REPLY))
                .isFalse();
        workers.drain();
        assertThat(workers.accept("trigger-1", command(ann, "remember Marc Kelly: sails"), "url", SLACK_REPLY))
                .as("after it ran, too")
                .isFalse();
        workers.drain();

        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(world.storage.notes().counts(world.rapport.user(ann).id()).values())
                .singleElement()
                .satisfies(counts -> assertThat(counts.notes()).isEqualTo(1));
        assertThat(channel.answers).hasSize(1);
        assertThat(inbox.find("slack:trigger-1").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
    }

    @Test
    void oneUsersCommandsRunInOrderWhileUsersRunInParallel() throws InterruptedException {
        int users = 6;
        int perUser = 12;
        channel.expect(users * perUser);
        InboxWorkers workers = workers(4);
        workers.start();
        try {
            for (int i = 0; i < perUser; i++) {
                for (int u = 0; u < users; u++) {
                    Requester who = slackUser("U" + u);
                    String line = "remember Marc Kelly: note " + i;
                    workers.accept("cmd-" + u + "-" + i, command(who, line), "U" + u + ":" + i, SLACK_REPLY);
                }
            }
            assertThat(channel.all.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            workers.stop(Duration.ofSeconds(5));
        }

        for (int u = 0; u < users; u++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perUser; i++) {
                expected.add("U" + u + ":" + i);
            }
            assertThat(channel.byUser.get("U" + u)).containsExactlyElementsOf(expected);
            assertThat(contacts(slackUser("U" + u))).containsExactly("Marc Kelly");
        }
        assertThat(channel.overlaps.get()).isZero();
        assertThat(channel.errors).isEmpty();
    }

    @Test
    void rowsOfACrashedRunRunAtStartWhileTheirReplyChannelWorks() throws InterruptedException {
        Requester ann = slackUser("U1");
        InboxWorkers crashed = workers(1);
        crashed.accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);
        claim(CoreAssembly.ALONE, world.clock.instant()); // held by a worker of this instance that died

        world.clock.advance(Duration.ofMinutes(29));
        channel.expect(1);
        InboxWorkers restarted = workers(1);
        restarted.start();
        try {
            assertThat(channel.all.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            restarted.stop(Duration.ofSeconds(5));
        }

        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(channel.answers).containsOnlyKeys("url-1");
    }

    @Test
    void aRowWhoseReplyChannelExpiredIsNotRunAndItsUserIsToldWithTheirNextReply() {
        Requester ann = slackUser("U1");
        InboxWorkers workers = workers(1);
        workers.accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);

        world.clock.advance(SLACK_REPLY);
        workers.drain();

        assertThat(contacts(ann)).isEmpty();
        assertThat(channel.answers).isEmpty();
        String next = world.rapport.handle(command(ann, "circle")).plainText();
        assertThat(next).contains("could not finish “/remember Marc Kelly: met at the mixer”");
        assertThat(world.rapport.handle(command(ann, "circle")).plainText())
                .as("told once")
                .doesNotContain("could not finish");
        assertThat(world.rapport.handle(command(slackUser("U2"), "circle")).plainText())
                .doesNotContain("could not finish");
    }

    @Test
    void aCommandThatRanButWasNotAnsweredIsNotRunAgainAndItsUserIsTold() {
        Requester ann = slackUser("U1");
        channel.refuse = true;
        InboxWorkers workers = workers(1);
        workers.accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);
        workers.drain();

        InboxWorkers restarted = workers(1);
        world.storage.inbox().releaseLeases(CoreAssembly.ALONE);
        restarted.drain();

        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(world.rapport.handle(command(ann, "circle")).plainText())
                .contains("I did “/remember Marc Kelly: met at the mixer”")
                .contains("its answer may not have reached you");
    }

    @Test
    void aCrashAfterThePlatformTookTheAnswerTellsTheUserItMayNotHaveReachedThemAndSendsNothingAgain() {
        // GIVEN the platform takes the answer, and the process dies before the row is marked answered
        Requester ann = slackUser("U1");
        channel.dieAfterAnswer = true;
        InboxWorkers workers = workers(1);
        workers.accept("t-1", command(ann, "remember Marc Kelly: met at the mixer"), "url-1", SLACK_REPLY);
        assertThatThrownBy(workers::drain).hasMessageContaining("killed");

        // WHEN it starts again
        channel.dieAfterAnswer = false;
        world.storage.inbox().releaseLeases(CoreAssembly.ALONE);
        workers(1).drain();

        // THEN the command is neither run nor answered a second time
        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(channel.byUser.get("url-1")).hasSize(1);
        // AND her next reply says it was done and that its answer may not have reached her, not that it was lost
        assertThat(world.rapport.handle(command(ann, "circle")).plainText())
                .contains("I did “/remember Marc Kelly: met at the mixer”")
                .contains("its answer may not have reached you. No need to send it again.")
                .doesNotContain("lost");
    }

    @Test
    void anErrorReplyIsAnsweredAndNotRunAgain() {
        Requester ann = slackUser("U1");
        InboxWorkers workers = workers(1);
        workers.accept("t-1", command(ann, "nosuchcommand"), "url-1", SLACK_REPLY);
        workers.accept("t-2", command(ann, "followup"), "url-2", SLACK_REPLY);

        assertThat(workers.drain()).isEqualTo(2);
        assertThat(workers.drain()).isZero();
        assertThat(channel.answers).containsOnlyKeys("url-1", "url-2");
        assertThat(inbox.pending()).isEmpty();
    }

    @Test
    void aCommandWithAFileRunsAsAnUploadOfTheFileItsChannelFetches() {
        Requester ann = slackUser("U1");
        channel.file = Optional.of(new Upload("phone.vcf", Fixtures.bytes("phone.vcf")));
        InboxWorkers workers = workers(1);
        workers.accept("t-1", command(ann, "import"), "url-1", SLACK_REPLY);

        workers.drain();

        assertThat(channel.answers.get("url-1").plainText()).contains("Import preview — phone.vcf (vCard)");
        assertThat(inbox.find("slack:t-1").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
    }

    @Test
    void aFileItsChannelCannotFetchIsAnsweredWithTheReasonAndNothingRuns() {
        Requester ann = slackUser("U1");
        channel.fileUnavailable = true;
        InboxWorkers workers = workers(1);
        workers.accept("t-1", command(ann, "import"), "url-1", SLACK_REPLY);

        workers.drain();

        Reply answer = channel.answers.get("url-1");
        assertThat(answer.isError()).isTrue();
        assertThat(answer.plainText()).contains("couldn't fetch that file, so nothing was changed");
        assertThat(inbox.find("slack:t-1").orElseThrow().state()).isEqualTo(Inbox.State.ANSWERED);
        assertThat(world.rapport.handle(command(ann, "circle")).plainText())
                .as("nothing was lost to tell about")
                .doesNotContain("could not finish")
                .doesNotContain("may not have reached you");
    }

    /** The real inbox, with something happening right after a claim is renewed (a worker stalling, say). */
    static class StallingAfterRenew implements Inbox {
        private final Inbox inbox;
        private final Runnable stall;

        StallingAfterRenew(Inbox inbox, Runnable stall) {
            this.inbox = inbox;
            this.stall = stall;
        }

        @Override
        public boolean renew(Row claimed, Instant until) {
            boolean renewed = inbox.renew(claimed, until);
            stall.run();
            return renewed;
        }

        @Override
        public boolean append(Request request) {
            return inbox.append(request);
        }

        @Override
        public List<Row> claim(Instant now, Lease lease, int limit) {
            return inbox.claim(now, lease, limit);
        }

        @Override
        public boolean ran(Row claimed, Instant at) {
            return inbox.ran(claimed, at);
        }

        @Override
        public boolean answered(Row claimed, Instant at) {
            return inbox.answered(claimed, at);
        }

        @Override
        public boolean expired(Row claimed, Instant at) {
            return inbox.expired(claimed, at);
        }

        @Override
        public int releaseLeases(String holder) {
            return inbox.releaseLeases(holder);
        }

        @Override
        public List<Row> untold(UserKey user, Instant now) {
            return inbox.untold(user, now);
        }

        @Override
        public void told(long id, Instant at) {
            inbox.told(id, at);
        }

        @Override
        public List<Row> pending() {
            return inbox.pending();
        }

        @Override
        public Optional<Row> find(String key) {
            return inbox.find(key);
        }
    }

    /** A platform that records what it was asked to send, per user and in order. */
    static final class Recording implements InboxChannel {
        final Map<String, Reply> answers = new ConcurrentHashMap<>();
        final Map<String, List<String>> byUser = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch all = new CountDownLatch(0);
        volatile boolean refuse;
        volatile Optional<Upload> file = Optional.empty();
        volatile boolean fileUnavailable;
        /** The answer is taken, then the process is killed before the worker marks it answered. */
        volatile boolean dieAfterAnswer;

        void expect(int count) {
            all = new CountDownLatch(count);
        }

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public CommandRequest complete(CommandRequest stored) {
            String user = stored.from().key().platformUserId();
            if (running.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            return stored;
        }

        @Override
        public Optional<Upload> upload(String replyTo) {
            if (fileUnavailable) {
                throw new UncheckedIOException(new IOException("the platform's file store said 404"));
            }
            return file;
        }

        @Override
        public boolean answer(String replyTo, Reply reply) {
            if (refuse) {
                return false;
            }
            String user = replyTo.contains(":") ? replyTo.substring(0, replyTo.indexOf(':')) : replyTo;
            Optional.ofNullable(running.get(user)).ifPresent(AtomicInteger::decrementAndGet);
            if (reply.isError()) {
                errors.add(replyTo + ": " + reply.plainText());
            }
            byUser.computeIfAbsent(user, u -> Collections.synchronizedList(new ArrayList<>()))
                    .add(replyTo);
            answers.put(replyTo, reply);
            all.countDown();
            if (dieAfterAnswer) {
                throw new IllegalStateException("killed after the platform took the answer");
            }
            return true;
        }

        @Override
        public boolean prompt(String replyTo, String actionId, Prompt prompt) {
            return true;
        }
    }
}
