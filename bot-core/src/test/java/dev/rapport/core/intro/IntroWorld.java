package dev.rapport.core.intro;

import dev.rapport.core.command.ActionRequest;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Requester;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.IntroStorage;
import dev.rapport.core.port.Storage;
import dev.rapport.core.storage.Database;
import dev.rapport.core.storage.SqliteIntroStorage;
import dev.rapport.core.storage.SqliteStorage;
import dev.rapport.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Core with intros on a real SQLite file, a hand-moved clock, a fake Slack messenger and a channel's members. */
final class IntroWorld implements AutoCloseable {
    static final String CHANNEL = "C1";

    final MutableClock clock;
    final Path file;
    Database db;
    Storage storage;
    IntroStorage intros;
    Rapport rapport;
    final FakeMessenger messenger = new FakeMessenger();
    final Map<String, List<ChannelMembers.Member>> members = new HashMap<>();

    IntroWorld(Path folder) {
        this.clock = MutableClock.at("2026-11-25T10:00:00Z");
        this.file = folder.resolve("rapport.db");
        open();
    }

    private void open() {
        db = Database.open(file);
        storage = SqliteStorage.over(db);
        intros = SqliteIntroStorage.over(db);
        rapport = Rapport.standard(clock, storage, intros);
    }

    /** Closes the database and opens it again, as after a restart. */
    void restart() {
        db.close();
        open();
    }

    static Requester slack(String id, String name) {
        return Requester.of("slack", "T1", id, name).withZone(ZoneId.of("UTC"));
    }

    IntroRounds engine(long seed) {
        ChannelMembers port = (platform, workspace, channelId) -> members.getOrDefault(channelId, List.of());
        return new IntroRounds(storage, intros, port, List.of(messenger), new Random(seed));
    }

    void channelHas(Requester... people) {
        List<ChannelMembers.Member> list = new ArrayList<>();
        for (Requester person : people) {
            list.add(new ChannelMembers.Member(person.key().platformUserId(), person.displayName()));
        }
        members.put(CHANNEL, list);
    }

    /** A command typed in the channel; {@code <@ID>} mentions get their display names from {@code names}. */
    Reply inChannel(Requester who, String line, Requester... names) {
        return command(who, Optional.of(CHANNEL), line, false, names);
    }

    Reply asManager(Requester who, String line) {
        return command(who, Optional.of(CHANNEL), line, true);
    }

    Reply inDm(Requester who, String line, Requester... names) {
        return command(who, Optional.empty(), line, false, names);
    }

    private Reply command(Requester who, Optional<String> channel, String line, boolean manager, Requester... names) {
        Map<String, String> mentionNames = new HashMap<>();
        for (Requester person : names) {
            mentionNames.put(person.key().platformUserId(), person.displayName());
        }
        String trimmed = line.strip().replaceFirst("^/", "");
        String[] parts = trimmed.split("\\s+", 2);
        return rapport.handle(
                new CommandRequest(who, channel, parts[0], parts.length > 1 ? parts[1] : "", mentionNames, manager));
    }

    Reply press(Requester who, String actionId) {
        return rapport.act(new ActionRequest(who, Optional.of(CHANNEL), actionId, Optional.empty()));
    }

    Reply submit(Requester who, String actionId, String input) {
        return rapport.act(new ActionRequest(who, Optional.of(CHANNEL), actionId, Optional.of(input)));
    }

    List<Contact> contactsOf(Requester who) {
        return storage.users()
                .find(who.key())
                .map(user -> storage.contacts().all(user.id()))
                .orElse(List.of());
    }

    void advanceDays(int days) {
        clock.advance(Duration.ofDays(days));
    }

    @Override
    public void close() {
        db.close();
    }

    /** A messenger that keeps what it was asked to send, and fails for the people told to. */
    static final class FakeMessenger implements DirectMessenger {
        final List<Message> sent = new ArrayList<>();
        final Map<String, Delivery> failures = new HashMap<>();

        record Message(UserKey to, Reply reply, String dedupeKey) {
            String text() {
                return reply.plainText();
            }
        }

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public Delivery send(UserKey to, Reply message, String dedupeKey) {
            Delivery failure = failures.get(to.platformUserId());
            if (failure != null) {
                return failure;
            }
            sent.add(new Message(to, message, dedupeKey));
            return new Sent();
        }

        List<Message> to(Requester who) {
            return sent.stream().filter(m -> m.to().equals(who.key())).toList();
        }

        List<Message> startingWith(String dedupePrefix) {
            return sent.stream()
                    .filter(m -> m.dedupeKey().startsWith(dedupePrefix))
                    .toList();
        }
    }
}
