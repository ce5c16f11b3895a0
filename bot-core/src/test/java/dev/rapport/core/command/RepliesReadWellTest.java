package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wording every reply shares, over a session that touches every command: no doubled parentheses, every line
 * starts with a capital (or a symbol, a number or a command), and one spelling of "every day".
 */
@StorageSuite
class RepliesReadWellTest {
    @TempDir
    Path folder;

    TestRapport app;
    Requester ana = TestRapport.user("ana");

    @BeforeEach
    void start() {
        app = TestRapport.in(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static final List<String> SESSION = List.of(
            "/help",
            "/settings",
            "/circle",
            "/today",
            "/remember Marc Kelly: met at the SYPE mixer (the spring one), moving to Lisbon #sailing",
            "/remember marc ask: how did the move go?",
            "/remember Linda Green met at SYPE too",
            "/remember Richard Finnie: works on boats (mostly)",
            "/followup marc next friday about the job offer",
            "/followup marc 11 Dec",
            "/followup linda every 3 weeks",
            "/followup richard daily",
            "/followup richard every day",
            "/followup list",
            "/contact marc",
            "/contact linda",
            "/circle",
            "/today",
            "/followup done marc they reached out, the move went well",
            "/followup snooze linda next week travelling (until May)",
            "/followup cancel richard",
            "/contact marc answered note 2 settled in",
            "/contact marc rename Marc Kelly-Smith",
            "/contact linda merge into richard",
            "/contact richard delete note 1",
            "/settings timezone Berlin",
            "/settings timezone EST",
            "/settings timezone +02:00",
            "/settings timezone Mars/Base",
            "/settings digest 8:30pm",
            "/settings digest 25:00",
            "/settings days mon,wed,fri",
            "/settings days everyday",
            "/settings days someday",
            "/settings pause for 2 weeks",
            "/settings pause until 3 jan",
            "/settings resume",
            "/settings max 1",
            "/settings max 3",
            "/settings about sailing (dinghies)",
            "/settings",
            "/today",
            "/export",
            "/forget richard",
            "/followup richrad tomorrow",
            "/contact nobody",
            "/frobnicate",
            "/remember Omar Haddad: met at the climbing gym (Tuesdays)",
            "/remember omar ask: did he finish the route?",
            "/followup omar tomorrow about the route (the hard one)",
            "/followup richard every week",
            "/followup done richard I reached out",
            "/settings days every day",
            "+1 day",
            "/today",
            "/followup list",
            "+14 days",
            "/today",
            "/followup list",
            "/circle",
            "/contact richard",
            "/contact omar");

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String command : SESSION) {
            if (command.startsWith("+")) {
                app.clock.advance(Duration.ofDays(Long.parseLong(command.replaceAll("[^0-9]", ""))));
                continue;
            }
            app.clock.advance(Duration.ofMinutes(1));
            Reply reply = app.run(ana, command);
            reply.plainText().lines().forEach(line -> lines.add(command + " → " + line));
            reply.allButtons().stream().map(Button::label).forEach(label -> lines.add(command + " → " + label));
        }
        return lines;
    }

    /** The reply part of a "command → line" entry. */
    static String reply(String line) {
        return line.substring(line.indexOf(" → ") + 3);
    }

    @Test
    void noReplyDoublesItsParenthesesStartsALineInLowerCaseOrSpellsEveryDayTwoWays() {
        List<String> lines = lines();

        // The session reached what it is meant to check: a digest with its last-contact line, and every setting
        assertThat(lines)
                .contains(
                        "/today → No contact logged yet",
                        "/followup list → • Richard Finnie — Wed 2 Dec 2026 (in 6 days), every week",
                        "/settings max 1 → Digest holds: at most 1 person (was at most 5 people).",
                        "/settings days everyday → Digest days: every day (was Mon, Wed and Fri).");

        assertThat(lines)
                .allSatisfy(line -> assertThat(reply(line))
                        .as(line)
                        .doesNotContain("((", "))")
                        .doesNotContainPattern("^\\s*\\p{Ll}")
                        .doesNotContainPattern("(?i)everyday|each day"));
    }
}
