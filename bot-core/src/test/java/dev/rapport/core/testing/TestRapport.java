package dev.rapport.core.testing;

import dev.rapport.core.command.ActionRequest;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Requester;
import dev.rapport.core.port.Storage;
import dev.rapport.core.storage.Database;
import dev.rapport.core.storage.SqliteIntroStorage;
import dev.rapport.core.storage.SqliteStorage;
import java.nio.file.Path;
import java.time.ZoneId;

/** Core on a real SQLite file with the real migrations and a hand-moved clock, for tests. */
public final class TestRapport implements AutoCloseable {
    public final MutableClock clock;
    public final Database db;
    public final Storage storage;
    public final Rapport rapport;

    public TestRapport(Path folder, MutableClock clock) {
        this.clock = clock;
        this.db = Database.open(folder.resolve("rapport.db"));
        this.storage = SqliteStorage.over(db);
        this.rapport = Rapport.standard(clock, storage, SqliteIntroStorage.over(db));
    }

    /** Wednesday 25 November 2026, 10:00 UTC. */
    public static TestRapport in(Path folder) {
        return new TestRapport(folder, MutableClock.at("2026-11-25T10:00:00Z"));
    }

    /** A console user in UTC. */
    public static Requester user(String name) {
        return Requester.of("console", "local", name, name).withZone(ZoneId.of("UTC"));
    }

    public Reply run(Requester who, String line) {
        String trimmed = line.strip().replaceFirst("^/", "");
        String[] parts = trimmed.split("\\s+", 2);
        return rapport.handle(CommandRequest.of(who, parts[0], parts.length > 1 ? parts[1] : ""));
    }

    public String text(Requester who, String line) {
        return run(who, line).plainText();
    }

    public Reply press(Requester who, String actionId) {
        return rapport.act(ActionRequest.of(who, actionId));
    }

    public Reply submit(Requester who, String actionId, String input) {
        return rapport.act(ActionRequest.withInput(who, actionId, input));
    }

    @Override
    public void close() {
        db.close();
    }
}
