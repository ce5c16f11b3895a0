package dev.rapport.core.digest;

import dev.rapport.core.command.ActionRequest;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Requester;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.Storage;
import dev.rapport.core.storage.Database;
import dev.rapport.core.storage.SqliteDigestOutbox;
import dev.rapport.core.storage.SqliteDigestReads;
import dev.rapport.core.storage.SqliteStorage;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.core.time.Cadence;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Core and the digest scheduler on a real SQLite file with the real migrations, wired as Main wires them, with a
 * hand-moved clock and a fake "slack" messenger. {@link #restart()} reopens the same file, as after a crash.
 */
final class DigestFixture implements AutoCloseable {
    static final String PLATFORM = "slack";

    final MutableClock clock;
    final FakeMessenger messenger;
    private final Path file;
    private final List<DirectMessenger> messengers = new ArrayList<>();
    Database db;
    Storage storage;
    Rapport rapport;
    DigestOutbox outbox;
    DigestScheduler scheduler;

    DigestFixture(Path folder, Instant start) {
        this.file = folder.resolve("rapport.db");
        this.clock = new MutableClock(start);
        this.messenger = new FakeMessenger(PLATFORM, clock);
        messengers.add(messenger);
        open();
    }

    private void open() {
        db = Database.open(file);
        storage = SqliteStorage.over(db);
        rapport = Rapport.standard(clock, storage);
        outbox = new SqliteDigestOutbox(db);
        scheduler = new DigestScheduler(clock, outbox, storage.users(), db, new SqliteDigestReads(db), messengers);
    }

    /** Another platform's messenger, from the next (re)start on. */
    DigestFixture withMessenger(DirectMessenger other) {
        messengers.add(other);
        restart();
        return this;
    }

    /** Closes the database and opens it again with a new scheduler, as a process restart would. */
    void restart() {
        db.close();
        open();
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
        db.close();
    }
}
