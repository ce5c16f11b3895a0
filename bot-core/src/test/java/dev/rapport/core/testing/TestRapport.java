package dev.rapport.core.testing;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.port.Storage;
import dev.rapport.core.reply.Reply;
import java.nio.file.Path;
import java.time.ZoneId;

/** Core on a real store (the one whose module runs the test) and a hand-moved clock, for tests. */
public final class TestRapport implements AutoCloseable {
    public final MutableClock clock;
    public final OpenStorage store;
    public final Storage storage;
    public final CoreAssembly core;
    public final Rapport rapport;

    public TestRapport(Path folder, MutableClock clock) {
        this.clock = clock;
        this.store = TestStorage.open(folder);
        this.storage = store.storage();
        this.core = CoreAssembly.over(clock, storage);
        this.rapport = core.rapport();
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
        store.close();
    }
}
