package dev.rapport.core.digest;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Core and the digest scheduler on a real store with its real migrations, wired as Main wires them, with a
 * hand-moved clock and a fake "slack" messenger. {@link #restart()} reopens the same store, as after a crash.
 */
final class DigestFixture implements AutoCloseable {
    static final String PLATFORM = "slack";

    final MutableClock clock;
    final FakeMessenger messenger;
    private final List<DirectMessenger> messengers = new ArrayList<>();
    OpenStorage store;
    Storage storage;
    CoreAssembly core;
    Rapport rapport;
    DigestOutbox outbox;
    OutboxDelivery delivery;
    DigestScheduler scheduler;

    DigestFixture(Path folder, Instant start) {
        this.clock = new MutableClock(start);
        this.messenger = new FakeMessenger(PLATFORM, clock);
        messengers.add(messenger);
        store = TestStorage.open(folder);
        wire();
    }

    private void wire() {
        storage = store.storage();
        core = CoreAssembly.over(clock, storage);
        rapport = core.rapport();
        outbox = storage.digestOutbox();
        delivery = core.delivery(messengers);
        scheduler = core.digests(delivery, 1);
    }

    /** Another platform's messenger, from the next (re)start on. */
    DigestFixture withMessenger(DirectMessenger other) {
        messengers.add(other);
        restart();
        return this;
    }

    /** Closes the database and opens it again with a new scheduler, as a process restart would. */
    void restart() {
        scheduler.close();
        store = store.reopen();
        wire();
    }

    DigestScheduler.Tick tick() {
        return scheduler.tick();
    }

    /** Ticks every {@code step} from now until {@code end} (exclusive), moving the clock. */
    void tickUntil(Instant end, java.time.Duration step) {
        while (clock.instant().isBefore(end)) {
            scheduler.tick();
            clock.advance(step);
        }
    }

    static Requester requester(String id, String zone) {
        return Requester.of(PLATFORM, "T1", id, id).withZone(ZoneId.of(zone));
    }

    /** A user of the fake platform in the zone, with default settings changed by {@code settings}. */
    User user(String id, String zone, UnaryOperator<Settings> settings) {
        User user = rapport.user(requester(id, zone));
        Settings changed = settings.apply(user.settings());
        storage.users().saveSettings(user.id(), changed);
        return user.withSettings(changed);
    }

    User user(String id, String zone) {
        return user(id, zone, s -> s);
    }

    Contact contact(User owner, String name) {
        return storage.contacts()
                .create(Contact.newContact(owner.id(), name, Optional.empty(), Optional.empty(), now()));
    }

    /** A contact with an open follow-up due on the date. */
    Contact followUp(User owner, String name, LocalDate due) {
        Contact contact = contact(owner, name);
        storage.followUps().schedule(owner.id(), contact.id(), due, Optional.empty(), now());
        return contact;
    }

    /** A contact whose rhythm was last due on {@code next} and who was last in touch on {@code last}. */
    Contact rhythm(User owner, String name, Cadence cadence, LocalDate last, LocalDate next) {
        Contact contact = contact(owner, name);
        Contact withRhythm = new Contact(
                contact.id(),
                contact.ownerId(),
                contact.name(),
                contact.platformUserId(),
                contact.howMet(),
                Optional.of(cadence),
                Optional.of(next),
                Optional.of(last),
                Optional.empty(),
                contact.createdAt());
        storage.contacts().update(withRhythm);
        return withRhythm;
    }

    Reply run(User user, String command, String text) {
        return rapport.handle(CommandRequest.of(requester(user), command, text));
    }

    Reply press(User user, String actionId) {
        return rapport.act(ActionRequest.of(requester(user), actionId));
    }

    Reply submit(User user, String actionId, String input) {
        return rapport.act(ActionRequest.withInput(requester(user), actionId, input));
    }

    User reload(User user) {
        return storage.users().byId(user.id()).orElseThrow();
    }

    Optional<DigestOutbox.Entry> entry(User user, LocalDate date) {
        return outbox.find(user.id(), date);
    }

    Instant now() {
        return clock.instant();
    }

    private static Requester requester(User user) {
        return new Requester(
                user.key(), user.displayName(), Optional.of(user.settings().zone()));
    }

    @Override
    public void close() {
        scheduler.close();
        store.close();
    }
}
