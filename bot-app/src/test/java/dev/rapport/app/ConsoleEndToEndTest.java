package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipes the README's example session into a real Rapport process, as a newcomer would, and reads the replies. */
class ConsoleEndToEndTest {
    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {}

    static String readmeSession() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("./rapport <<'SESSION'");
        int end = readme.subList(start, readme.size()).indexOf("SESSION") + start;
        assertThat(start).as("README has the example session").isGreaterThanOrEqualTo(0);
        return String.join("\n", readme.subList(start + 1, end)) + "\n";
    }

    /** A real Rapport process on the folder's database, with the logging configuration the jar ships. */
    Process start(String user) throws IOException {
        return start(user, Map.of());
    }

    /** The same with more settings in the environment (RAPPORT_LOG_LEVEL, say). */
    Process start(String user, Map<String, String> settings) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // A short-lived process: the quick compiler alone starts it in about half the CPU.
                        "-XX:TieredStopAtLevel=1",
                        "-Dlogback.configurationFile="
                                + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName())
                .directory(folder.toFile());
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("SLACK_") || key.startsWith("DISCORD_") || key.startsWith("RAPPORT_"));
        builder.environment()
                .put("RAPPORT_DB", folder.resolve("data/rapport.db").toString());
        builder.environment().put("RAPPORT_USER", user);
        builder.environment().putAll(settings);
        builder.redirectError(folder.resolve("stderr-" + user + ".txt").toFile());
        return builder.start();
    }

    Run rapport(String user, String input) throws Exception {
        return rapport(user, input, Map.of());
    }

    Run rapport(String user, String input, Map<String, String> settings) throws Exception {
        Process process = start(user, settings);
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the console ends at end of input")
                .isTrue();
        String err = Files.readString(folder.resolve("stderr-" + user + ".txt"));
        return new Run(process.exitValue(), out, err);
    }

    /** Starts Rapport with its input left open and returns once the console has printed its first line. */
    Process running(String user) throws IOException {
        Process process = start(user);
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.contains("Rapport console for"));
        assertThat(line).as("the console started").isNotNull();
        return process;
    }

    @Test
    void theReadmeSessionWorksAsWritten() throws Exception {
        Run run = rapport("alice", readmeSession());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Rapport console for alice")
                .contains("New contact. Saved. You now know 1 thing about Marc Kelly.")
                .contains("Saved as a question to ask. You now know 1 thing about Marc Kelly (1 open question).")
                .contains("I'll remind you to follow up with Marc Kelly on")
                .contains("about the job offer.")
                .contains("Ask: how did the move go?")
                .contains("Next follow-up:")
                .contains("Logged: you were in touch with Marc Kelly today.")
                .contains("Who reached out: they did.")
                .contains("Marked answered: “how did the move go?” — answer kept: “settled in, loves Lisbon”")
                .contains("Keeping in touch with Marc Kelly every 3 weeks.")
                .contains("Your circle — 1 person")
                .contains("[Follow up in a week] /followup \"Marc Kelly\" in a week")
                .doesNotContain("Something went wrong")
                .doesNotContain("Exception");
        assertThat(Files.exists(folder.resolve("data/rapport.db"))).isTrue();
    }

    @Test
    void twoConsoleUsersOnOneDatabaseAreTwoPeople() throws Exception {
        rapport("alice", "/remember Marc Kelly: alice's private note\n");

        Run bob = rapport("bob", "/circle\n/contact marc\n/export\n");

        assertThat(bob.exitCode()).as(bob.err()).isZero();
        assertThat(bob.out())
                .contains("Your circle is empty")
                .contains("You have no contact called “marc” yet.")
                .doesNotContain("alice's private note");
        // AND bob's export is in a folder of his own under the data folder, at the path the reply gave
        Path export = Path.of(bob.out()
                .lines()
                .filter(line -> line.startsWith("Saved "))
                .findFirst()
                .orElseThrow()
                .substring("Saved ".length()));
        assertThat(export.getParent().getParent()).isEqualTo(folder.resolve("data/exports"));
        assertThat(Files.readString(export)).contains("\"contacts\": []").doesNotContain("alice's private note");
    }

    @Test
    void namingAndFollowUpsNeverTakeASilentWrongTurn() throws Exception {
        Run run = rapport(
                "dave",
                String.join(
                        "\n",
                        "/remember Richard Finnie: met at SYPE",
                        "/remember Linda Green met at SYPE too",
                        "/followup richrad tomorrow",
                        "/followup finnie 5 Dec about the first step",
                        "/followup richard 11 Dec",
                        "/remember richard ask: how did the pitch go?",
                        "/followup done ric he mentioned his new job",
                        "/contact finnie answered note 2 it went well",
                        "/contact \"Linda Green\" rename Linda Greene",
                        "/circle",
                        ""));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Read as: name “Linda Green”, note “met at SYPE too”.")
                .contains("[Name is “Linda”] /contact \"Linda Green\" split 1")
                .contains("[Undo] /contact \"Linda Green\" delete note 1")
                .contains("You have no contact called “richrad” — did you mean Richard Finnie? Nothing was changed.")
                .contains("[Richard Finnie] /followup \"Richard Finnie\" tomorrow")
                .contains(
                        "Moved your follow-up with Richard Finnie from Sat 5 Dec, about the first step, to Fri 11 Dec")
                .contains("Who reached out: not recorded.")
                .contains("[They reached out] /contact \"Richard Finnie\" they reached out")
                .contains("[Answered: how did the pitch go?] /contact \"Richard Finnie\" answered note 2 [answer]")
                .contains("Marked answered: “how did the pitch go?” — answer kept: “it went well”")
                .contains("Renamed Linda Green to Linda Greene.")
                .contains("Your circle — 2 people")
                .contains("Richard Finnie — 3 things known, last contact today")
                .doesNotContain("richrad —")
                .doesNotContain("Something went wrong");
    }

    @Test
    void eachSettingsChangeAnswersWithTheOneLineItChanged() throws Exception {
        // GIVEN a newcomer's console WHEN they change their settings as people type them
        Run run = rapport(
                "jack",
                String.join(
                        "\n",
                        "/settings digest 8:30pm",
                        "/settings timezone new york",
                        "/settings days mon,wed,fri",
                        "/settings max 1",
                        "/settings pause for 2 weeks",
                        "/settings digest 25:00",
                        "/settings timezone EST",
                        "/settings",
                        ""));

        // THEN each change answers with its one line, a mistake with its reason, and EST with places to pick
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Digest time: 8:30 pm (was 9:00 am).")
                .containsPattern(
                        "Time zone: America/New_York \\(was [^()]+\\)\\. It is 1?[0-9]:[0-5][0-9] [ap]m there now\\.")
                .contains("Digest days: Mon, Wed and Fri (was every day).")
                .contains("Digest holds: at most 1 person (was at most 5 people).")
                .containsPattern("Paused: through [A-Z][a-z]{2} [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} \\(was no\\)\\."
                        + " Digests start again on [A-Z][a-z]{2} [0-9]{1,2} [A-Z][a-z]{2};")
                .contains("There is no 25:00: hours go from 0 to 23.")
                .contains("“EST” is an abbreviation, not a place")
                .contains("  [America/New_York] /settings timezone America/New_York")
                .contains("  Time zone: America/New_York", "  Digest time: 8:30 pm", "  Digest days: Mon, Wed and Fri")
                .doesNotContain("((")
                .doesNotContain("Something went wrong");
        // AND the whole table only for the bare /settings
        assertThat(run.out().split("== Your settings ==", -1)).hasSize(2);
    }

    @Test
    void badInputGetsAFriendlyLineAndTheConsoleCarriesOn() throws Exception {
        Run run = rapport("carol", "remember without slash\n/followup\n/remember x: " + "y".repeat(2100) + "\n/help\n");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Commands start with a slash.")
                .contains("Who do you mean?")
                .contains("at most 2000")
                .contains("/remember <who> <note>");
    }

    @Test
    void theConsoleEndsWithinASecondOfTheEndOfItsInput() throws Exception {
        // GIVEN a console that is up, its digest scheduler waiting for its next tick
        for (String user : List.of("dana", "erin")) {
            Process process = running(user);

            // WHEN its input ends THEN the process is gone within a second, not at the scheduler's next tick
            process.getOutputStream().close();
            assertThat(process.waitFor(1, TimeUnit.SECONDS))
                    .as("%s's console exits within a second of the end of input", user)
                    .isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Test
    void aSigtermStopsRapportWithinAFewSeconds() throws Exception {
        // GIVEN a console that is up with its input still open (a session left running)
        Process process = running("frank");

        // WHEN it is sent SIGTERM THEN it stops within a few seconds
        process.destroy();
        assertThat(process.waitFor(5, TimeUnit.SECONDS))
                .as("stopped after SIGTERM")
                .isTrue();
    }

    @Test
    void logLinesGoToTheLogFileNeverAmongTheReplies() throws Exception {
        // GIVEN a session that makes Rapport log (a first start migrates and takes the day's backup)
        Run run = rapport("gina", "/remember Nora Field: secret-note-text about her new job\n/circle\n");

        // THEN standard output holds only the console's lines, standard error nothing below WARN,
        // and the log file beside the database has the INFO lines without the note's text
        assertThat(run.out().lines())
                .allSatisfy(line -> assertThat(line)
                        .doesNotContainPattern("^\\d\\d:\\d\\d:\\d\\d")
                        .doesNotContain(" INFO ")
                        .doesNotContain(" WARN "));
        assertThat(run.err()).doesNotContain(" INFO ");
        Path log = folder.resolve("data/rapport.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).doesNotContain("secret-note-text");
    }

    @Test
    void atDebugLevelNoLogLineAnywhereHoldsANotesTextAndEachCarriesAHashedUser() throws Exception {
        // GIVEN a full session at the most talkative level Rapport has: notes, a question, a follow-up, done, export
        Run run = rapport(
                "ines",
                "/remember Omar Haddad: private-detail-one about his divorce\n"
                        + "/remember Omar Haddad ask: private-detail-two about the move?\n"
                        + "/followup Omar Haddad tomorrow private-detail-three reason\n"
                        + "/contact Omar Haddad\n/circle\n/today\n/followup done Omar Haddad private-detail-four\n"
                        + "/export\n/forget Omar Haddad\n",
                Map.of("RAPPORT_LOG_LEVEL", "DEBUG"));

        // THEN the replies showed the notes, but neither the log file, standard error, nor any log line holds them
        assertThat(run.out()).contains("private-detail-one");
        String log = Files.readString(folder.resolve("data/rapport.log"));
        assertThat(log).contains(" DEBUG ").doesNotContain("Omar").doesNotContain("ines,");
        for (String secret :
                List.of("private-detail-one", "private-detail-two", "private-detail-three", "private-detail-four")) {
            assertThat(log).doesNotContain(secret);
            assertThat(run.err()).doesNotContain(secret);
        }
        // AND a request's lines carry the platform and a hashed user id, not the user's name
        assertThat(log).containsPattern("\\[console local [0-9a-f]{12}\\] - Handled /remember: ok");
    }

    @Test
    void helpWithoutASlashShowsTheHelp() throws Exception {
        for (String typed : List.of("help", "HELP", "  help  ")) {
            Run run = rapport("hana", typed + "\n");

            assertThat(run.out())
                    .as(typed)
                    .contains("/remember <who> <note>")
                    .doesNotContain("Commands start with a slash.");
        }
    }
}
