package dev.rapport.store.sqlite;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Rapport database in another process, as a running bot holds it: {@link #main} opens the file, writes contacts and
 * notes, says "ready", and holds the file open until its input ends (or it is killed, as a crash would).
 */
final class HeldDatabase implements AutoCloseable {
    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private final Process process;

    private HeldDatabase(Process process) {
        this.process = process;
    }

    /** Starts the other process on the file and returns once it holds it, with {@code contacts} more contacts. */
    static HeldDatabase start(Path file, int contacts) throws IOException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HeldDatabase.class.getName(),
                        file.toString(),
                        Integer.toString(contacts))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.equals("ready"));
        if (line == null) {
            throw new IllegalStateException("The process holding " + file + " ended before it was ready");
        }
        return new HeldDatabase(process);
    }

    /** Ends the process as a crash or kill -9 would: no close, so its -wal and -shm stay as they were. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Lets the process close the database and end. */
    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Adds {@code contacts} contacts with two notes each for one user of the database. */
    static void fill(Database db, String user, int contacts) {
        Storage storage = SqliteStorage.over(db);
        User owner = storage.users()
                .findOrCreate(
                        new UserKey("console", "local", user), user, Settings.defaults(ZoneId.of("UTC"), true), AT);
        for (int i = 0; i < contacts; i++) {
            Contact contact = storage.contacts()
                    .create(Contact.newContact(
                            owner.id(), user + " friend " + i, Optional.empty(), Optional.empty(), AT));
            storage.notes().add(owner.id(), contact.id(), NoteKind.NOTE, "first note " + i, List.of(), AT);
            storage.notes().add(owner.id(), contact.id(), NoteKind.NOTE, "second note " + i, List.of(), AT);
        }
    }

    public static void main(String[] args) throws IOException {
        try (Database db = Database.open(Path.of(args[0]))) {
            fill(db, "held", Integer.parseInt(args[1]));
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the database until its input ends
            }
        }
    }
}
