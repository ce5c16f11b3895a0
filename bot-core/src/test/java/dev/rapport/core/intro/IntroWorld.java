package dev.rapport.core.intro;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.ChannelRights;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Core with intros on a real store, a hand-moved clock, a fake Slack messenger and a channel's members. */
final class IntroWorld implements AutoCloseable {
    static final String CHANNEL = "C1";

    final MutableClock clock;
    OpenStorage store;
    Storage storage;
    CoreAssembly core;
    Rapport rapport;
    final FakeMessenger messenger = new FakeMessenger();
    final Map<String, List<ChannelMembers.Member>> members = new HashMap<>();

    IntroWorld(Path folder) {
        this.clock = MutableClock.at("2026-11-25T10:00:00Z");
        this.store = TestStorage.open(folder);
        wire();
    }

    private void wire() {
        storage = store.storage();
        core = CoreAssembly.over(clock, storage);
        rapport = core.rapport();
    }

    /** Closes the store and opens it again, as after a restart. */
    void restart() {
        store = store.reopen();
        wire();
    }

    static Requester slack(String id, String name) {
        return Requester.of("slack", "T1", id, name).withZone(ZoneId.of("UTC"));
    }

    IntroRounds engine(long seed) {
        return engineOf(core, seed);
    }

    /** The rounds of another instance on the same store and platform, under another name. */
    IntroRounds engineOf(String instance, long seed) {
        return engineOf(CoreAssembly.over(clock, storage, instance), seed);
    }

    private IntroRounds engineOf(CoreAssembly assembly, long seed) {
        ChannelMembers port = (platform, workspace, channelId) -> members.getOrDefault(channelId, List.of());
        return assembly.rounds(assembly.delivery(List.of(messenger)), port, new Random(seed));
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
        return command(who, Place.teamChannel(CHANNEL), line, false, names);
    }

    Reply asManager(Requester who, String line) {
        return command(who, Place.teamChannel(CHANNEL), line, true);
    }

    Reply inDm(Requester who, String line, Requester... names) {
        return command(who, Place.directMessage("D1"), line, false, names);
    }

    private Reply command(Requester who, Place place, String line, boolean manager, Requester... names) {
        Map<String, Mentioned> mentions = new HashMap<>();
        for (Requester person : names) {
            mentions.put(person.key().platformUserId(), Mentioned.person(person.displayName()));
        }
        String trimmed = line.strip().replaceFirst("^/", "");
        String[] parts = trimmed.split("\\s+", 2);
        return rapport.handle(CommandRequest.of(who, parts[0], parts.length > 1 ? parts[1] : "")
                .in(place)
                .withMentions(mentions)
                .withRights(ChannelRights.of(manager)));
    }

    Reply press(Requester who, String actionId) {
        return rapport.act(ActionRequest.of(who, actionId).in(Place.teamChannel(CHANNEL)));
    }

    Reply submit(Requester who, String actionId, String input) {
        return rapport.act(ActionRequest.withInput(who, actionId, input).in(Place.teamChannel(CHANNEL)));
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
        store.close();
    }

    /** A messenger that keeps what it was asked to send, and fails for the people told to. */
    static final class FakeMessenger implements DirectMessenger {
        final List<Message> sent = new ArrayList<>();
        final Map<String, Delivery> failures = new HashMap<>();
        boolean dyingAfterTheNextDelivery;

        /** Stands for kill -9 right after a message reached its person: not an exception Rapport handles. */
        static final class Crash extends Error {
            Crash() {
                super("process killed", null, false, false);
            }
        }

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
            if (dyingAfterTheNextDelivery) {
                dyingAfterTheNextDelivery = false;
                throw new Crash();
            }
            return new Sent();
        }

        /** Like a platform that keeps its messages: a message with this key reached this person. */
        @Override
        public boolean alreadySent(UserKey to, String dedupeKey) {
            return sent.stream()
                    .anyMatch(m -> m.to().equals(to) && m.dedupeKey().equals(dedupeKey));
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
