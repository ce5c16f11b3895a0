package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.PrivateFiles;
import dev.rapport.store.sqlite.SqliteStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's exports on a real SQLite file: a folder per user, a new file per export, the path in the reply. */
class ConsoleExportsTest {
    private static final Pattern SAVED = Pattern.compile("Saved (\\S+)");

    @TempDir
    Path folder;

    MutableClock clock = MutableClock.at("2026-12-03T08:15:12Z");
    Database db;
    CoreAssembly core;

    @BeforeEach
    void rapport() {
        db = Database.open(folder.resolve("data/rapport.db"));
        core = CoreAssembly.over(clock, SqliteStorage.over(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    Console console(String user) {
        Requester me =
                Requester.of(Console.PLATFORM, Console.WORKSPACE, user, user).withZone(ZoneId.of("UTC"));
        return new Console(
                core.rapport(), me, folder.resolve("data"), clock, new PrintStream(new ByteArrayOutputStream()));
    }

    /** Runs a line and returns the file the reply says it saved. */
    static Path saved(Console console, String line) {
        String reply = Console.render(console.execute(line));
        Matcher matcher = SAVED.matcher(reply);
        assertThat(matcher.find()).as(reply).isTrue();
        return Path.of(matcher.group(1));
    }

    @Test
    void twoUsersExportingInTheSameSecondEachGetTheirOwnFileInTheirOwnFolder() throws Exception {
        // GIVEN alice and bob, each with their own contact
        Console alice = console("alice");
        Console bob = console("bob");
        alice.execute("/remember Marc Kelly: alice's private note");
        bob.execute("/remember Zoe Hart: bob's private note");

        // WHEN both export within the same second
        Path alicesFile = saved(alice, "/export");
        Path bobsFile = saved(bob, "/export");

        // THEN each file is in a folder of its user's own, named without the user's name, and holds only theirs
        assertThat(alicesFile.getParent()).isNotEqualTo(bobsFile.getParent());
        for (Path file : List.of(alicesFile, bobsFile)) {
            assertThat(file.getParent().getParent())
                    .isEqualTo(folder.resolve("data/exports").toAbsolutePath());
            assertThat(file.getParent().getFileName().toString()).matches("console-[0-9a-f]{12}");
            assertThat(file.getFileName().toString()).isEqualTo("rapport-export-2026-12-03-081512.json");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.FILE);
            assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PrivateFiles.FOLDER);
        }
        assertThat(Files.readString(alicesFile))
                .contains("alice's private note")
                .doesNotContain("bob's");
        assertThat(Files.readString(bobsFile)).contains("bob's private note").doesNotContain("alice's");
        assertThat(Files.getPosixFilePermissions(folder.resolve("data/exports")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void oneUserExportingTwiceInTheSameSecondGetsTwoFilesAndTheFirstIsKept() throws Exception {
        Console alice = console("alice");
        alice.execute("/remember Marc Kelly: before the first export");
        Path first = saved(alice, "/export");
        String firstText = Files.readString(first);
        alice.execute("/remember Marc Kelly: after the first export");

        Path second = saved(alice, "/export");
        Path third = saved(alice, "/export csv");

        assertThat(second).isNotEqualTo(first).hasParent(first.getParent());
        assertThat(second.getFileName().toString()).isEqualTo("rapport-export-2026-12-03-081512-2.json");
        assertThat(third.getFileName().toString()).isEqualTo("rapport-contacts-2026-12-03-081512.csv");
        assertThat(Files.readString(first)).isEqualTo(firstText).doesNotContain("after the first export");
        assertThat(Files.readString(second)).contains("after the first export");
    }

    @Test
    void aLaterExportIsNamedWithItsOwnMomentInTheUsersZone() throws Exception {
        Requester tokyo = Requester.of(Console.PLATFORM, Console.WORKSPACE, "kenji", "kenji")
                .withZone(ZoneId.of("Asia/Tokyo"));
        Console kenji = new Console(
                core.rapport(), tokyo, folder.resolve("data"), clock, new PrintStream(new ByteArrayOutputStream()));
        Path file = saved(kenji, "/export");

        assertThat(file.getFileName().toString()).endsWith("-171512.json");
        assertThat(Console.render(kenji.execute("/export"))).contains("Saved " + file.getParent());
    }

    @Test
    void theFolderNameIsTheHashTheLogsCarryNotTheUserId() {
        ConsoleExports exports = new ConsoleExports(folder, clock);
        Requester alice = Requester.of("console", "local", "alice", "alice");
        Requester aliceElsewhere = Requester.of("console", "other", "alice", "alice");

        assertThat(exports.folderOf(alice)).isEqualTo(exports.folderOf(alice));
        assertThat(exports.folderOf(alice)).isNotEqualTo(exports.folderOf(aliceElsewhere));
        assertThat(exports.folderOf(alice).getFileName().toString())
                .doesNotContain("alice")
                .isEqualTo("console-" + dev.rapport.core.api.LogContext.hashed(alice.key()));
    }
}
