package dev.rapport.bench;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.Upload;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.exchange.ContactFile;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * /import of 10,000 vCards (each with an e-mail, a birthday and a note): preview and confirm through core on a fresh
 * SQLite file, against two floors measured in the same run: only parsing the file, and bare JDBC inserting the same
 * rows (contact, e-mail, note, yearly date) in one transaction.
 */
final class ImportBench {
    private static final int CARDS = 10_000;
    private static final int RUNS = 5;

    private final Path folder;

    ImportBench(Path folder) {
        this.folder = folder;
    }

    void run() throws Exception {
        byte[] file = cards(CARDS).getBytes(StandardCharsets.UTF_8);
        System.out.printf("file: %d cards, %.1f MB%n", CARDS, file.length / 1e6);
        long[] parse = new long[RUNS];
        long[] preview = new long[RUNS];
        long[] confirm = new long[RUNS];
        long[] jdbc = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            int read =
                    ContactFile.read("big.vcf", ContactFile.text(file)).people().size();
            parse[run] = System.nanoTime() - start;
            if (read != CARDS) {
                throw new IllegalStateException("read " + read);
            }
            Path db = folder.resolve("import-" + run + ".db");
            Files.deleteIfExists(db);
            try (Database database = Database.open(db)) {
                Rapport rapport = CoreAssembly.over(Clock.systemUTC(), SqliteStorage.over(database))
                        .rapport();
                Requester me =
                        Requester.of("console", "local", "bench", "bench").withZone(ZoneId.of("UTC"));
                start = System.nanoTime();
                Reply shown = rapport.upload(CommandRequest.of(me, "import", ""), new Upload("big.vcf", file));
                preview[run] = System.nanoTime() - start;
                String id = shown.allButtons().stream()
                        .map(Button::actionId)
                        .filter(a -> Action.parse(a)
                                .filter(Action.ConfirmImport.class::isInstance)
                                .isPresent())
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(shown.plainText()));
                start = System.nanoTime();
                Reply done = rapport.act(ActionRequest.of(me, id));
                confirm[run] = System.nanoTime() - start;
                if (!done.plainText().contains("Imported 10000 people")) {
                    throw new IllegalStateException(done.plainText());
                }
            }
            jdbc[run] = bareJdbc(folder.resolve("import-floor-" + run + ".db"));
        }
        System.out.printf("floor: parse only         median %6.0f ms%n", median(parse));
        System.out.printf("floor: bare JDBC inserts  median %6.0f ms (40,000 rows, one transaction)%n", median(jdbc));
        System.out.printf("/import preview           median %6.0f ms%n", median(preview));
        System.out.printf("/import confirm           median %6.0f ms%n", median(confirm));
    }

    private static long bareJdbc(Path file) throws Exception {
        Files.deleteIfExists(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, owner_id INTEGER, name TEXT, name_key TEXT,"
                        + " created_at TEXT)");
                s.execute("CREATE UNIQUE INDEX contacts_name ON contacts (owner_id, name_key)");
                s.execute("CREATE TABLE contact_emails (owner_id INTEGER, contact_id INTEGER, email TEXT,"
                        + " PRIMARY KEY (owner_id, contact_id, email))");
                s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, owner_id INTEGER, contact_id INTEGER,"
                        + " kind TEXT, body TEXT, created_at TEXT)");
                s.execute("CREATE TABLE yearly_dates (id INTEGER PRIMARY KEY, owner_id INTEGER, contact_id INTEGER,"
                        + " label TEXT, month INTEGER, day INTEGER, year INTEGER)");
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement contact = c.prepareStatement(
                            "INSERT INTO contacts (owner_id, name, name_key, created_at) VALUES (1, ?, ?, ?)");
                    PreparedStatement email = c.prepareStatement("INSERT INTO contact_emails VALUES (1, ?, ?)");
                    PreparedStatement note = c.prepareStatement(
                            "INSERT INTO notes (owner_id, contact_id, kind, body, created_at) VALUES (1, ?, 'NOTE', ?, ?)");
                    PreparedStatement date = c.prepareStatement(
                            "INSERT INTO yearly_dates (owner_id, contact_id, label, month, day) VALUES (1, ?, 'birthday', ?, ?)")) {
                for (int i = 0; i < CARDS; i++) {
                    long id = i + 1;
                    contact.setString(1, "Person " + i);
                    contact.setString(2, "person " + i);
                    contact.setString(3, "2026-12-02T00:00:00Z");
                    contact.executeUpdate();
                    email.setLong(1, id);
                    email.setString(2, "p" + i + "@example.com");
                    email.executeUpdate();
                    note.setLong(1, id);
                    note.setString(2, "note " + i);
                    note.setString(3, "2026-12-02T00:00:00Z");
                    note.executeUpdate();
                    date.setLong(1, id);
                    date.setInt(2, 1 + i % 9);
                    date.setInt(3, 10 + i % 2);
                    date.executeUpdate();
                }
            }
            c.commit();
            return System.nanoTime() - start;
        }
    }

    static String cards(int count) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count; i++) {
            file.append("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person ")
                    .append(i)
                    .append("\r\nEMAIL:p")
                    .append(i)
                    .append("@example.com\r\nBDAY:--0")
                    .append(1 + i % 9)
                    .append('1')
                    .append(i % 2)
                    .append("\r\nNOTE:note ")
                    .append(i)
                    .append("\r\nEND:VCARD\r\n");
        }
        return file.toString();
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
