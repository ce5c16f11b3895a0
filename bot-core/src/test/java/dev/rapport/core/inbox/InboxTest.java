package dev.rapport.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.Upload;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.exchange.Fixtures;
import dev.rapport.core.port.Inbox;
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

        List<Inbox.Row> first = inbox.claim(now, Duration.ofMinutes(2), 10);

        assertThat(first).extracting(Inbox.Row::key).containsExactly("a1", "b1");
        assertThat(first).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(1));
        assertThat(inbox.claim(now, Duration.ofMinutes(2), 10)).isEmpty();

        inbox.ran(first.get(0).id(), now);
        assertThat(inbox.claim(now, Duration.ofMinutes(2), 10))
                .as("a1 ran but is still being answered")
                .isEmpty();

        inbox.answered(first.get(0).id(), now);
        assertThat(inbox.claim(now, Duration.ofMinutes(2), 10))
                .extracting(Inbox.Row::key)
                .containsExactly("a2");
    }

    @Test
    void aLeaseRunsOutOrIsReleasedAtStart() {
        Instant now = world.clock.instant();
        inbox.append(request("a1", "alice", now));
        inbox.claim(now, Duration.ofMinutes(2), 10);

        assertThat(inbox.claim(now.plusSeconds(119), Duration.ofMinutes(2), 10)).isEmpty();
        assertThat(inbox.claim(now.plusSeconds(120), Duration.ofMinutes(2), 10))
                .singleElement()
                .satisfies(row -> assertThat(row.attempts()).isEqualTo(2));

        assertThat(inbox.releaseLeases()).isEqualTo(1);
        assertThat(inbox.claim(now.plusSeconds(121), Duration.ofMinutes(2), 10)).hasSize(1);
    }

    @Test
    void expiredAndUnansweredRowsAreToldToTheirOwnUserOnce() {
        Instant now = world.clock.instant();
        inbox.append(request("a1", "alice", now));
        inbox.append(request("a2", "alice", now));
        inbox.append(request("b1", "bob", now));
        List<Inbox.Row> rows = inbox.claim(now, Duration.ofMinutes(2), 10);
        inbox.expired(rows.get(0).id(), now);
        Inbox.Row a2 = inbox.claim(now, Duration.ofMinutes(2), 10).get(0);
        inbox.ran(a2.id(), now);
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
        inbox.claim(world.clock.instant(), Duration.ofMinutes(2), 1); // held by a worker that died

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
        world.storage.inbox().releaseLeases();
        restarted.drain();

        assertThat(contacts(ann)).containsExactly("Marc Kelly");
        assertThat(world.rapport.handle(command(ann, "circle")).plainText())
                .contains("I did “/remember Marc Kelly: met at the mixer”")
                .contains("answer was lost");
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
                .doesNotContain("answer was lost");
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
            return true;
        }

        @Override
        public boolean prompt(String replyTo, String actionId, Prompt prompt) {
            return true;
        }
    }
}
