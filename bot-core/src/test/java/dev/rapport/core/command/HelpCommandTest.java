package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /help names every form of fixing a contact and of each setting, and each form it names works as written. */
@StorageSuite
class HelpCommandTest {
    @TempDir
    static Path folder;

    static TestRapport app;
    static final AtomicInteger users = new AtomicInteger();

    @BeforeAll
    static void start() {
        app = TestRapport.in(folder);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "/help shows \"{0}\", and {1} works")
    @CsvSource(delimiter = '|', textBlock = """
            # in /help                                | tried                                          | answer starts
            /contact <who> rename <new name>          | /contact marc rename Marc Kelly-Smith          | Marc Kelly-Smith
            /contact marc rename Marc Kelly-Smith     | /contact marc rename Marc Kelly-Smith          | Marc Kelly-Smith
            /contact <who> merge into <other>         | /contact mkelly merge into marc                | Marc Kelly
            /contact mkelly merge into marc           | /contact mkelly merge into marc                | Marc Kelly
            delete note <n>                           | /contact marc delete note 2                    | Undone: removed the note about Marc Kelly
            edit note <n> <new text>                  | /contact marc edit note 2 moving to Lisbon     | Edited the note about Marc Kelly
            /contact marc edit note 2 moving to Lisbon in May | /contact marc edit note 2 moving to Lisbon in May | Edited the note about Marc Kelly
            answered note <n> [answer]                | /contact marc answered note 1 settled in       | Marked answered
            they reached out                          | /contact marc they reached out                 | Recorded: Marc Kelly reached out
            i reached out                             | /contact marc i reached out                    | Recorded: you reached out
            /settings timezone Berlin                 | /settings timezone Berlin                      | Time zone: Europe/Berlin
            europe/berlin                             | /settings timezone europe/berlin               | Time zone: Europe/Berlin
            EST or +02:00 get places to pick          | /settings timezone EST                         | “EST” is an abbreviation
            EST or +02:00 get places to pick          | /settings timezone +02:00                      | “+02:00” is an offset
            /settings digest 8am                      | /settings digest 8am                           | Digest time: 8:00 am
            8:30pm                                    | /settings digest 8:30pm                        | Digest time: 8:30 pm
            noon                                      | /settings digest noon                          | Digest time: 12:00 pm
            20:15                                     | /settings digest 20:15                         | Digest time: 8:15 pm
            /settings days weekdays                   | /settings days weekdays                        | Digest days: weekdays
            weekends                                  | /settings days weekends                        | Digest days: weekends
            every day                                 | /settings days every day                       | Digest days: every day
            mon,wed,fri                               | /settings days mon,wed,fri                     | Digest days: Mon, Wed and Fri
            /settings pause for 2 weeks               | /settings pause for 2 weeks                    | Paused: through Tue 8 Dec 2026
            pause until 3 Jan                         | /settings pause until 3 Jan                    | Paused: through Sun 3 Jan 2027
            resume                                    | /settings resume                               | Paused: no
            /settings max 5                           | /settings max 5                                | Digest holds: at most 5 people
            about climbing, Rust                      | /settings about climbing, Rust                 | Ask me about: “climbing, Rust”
            /settings link — a one-time code          | /settings link                                 | Your link code:
            /settings link <code> on your other       | /settings link ABCD-EFGH                       | That code isn't right
            /settings digest here                     | /settings digest here                          | Your digest comes to this account
            unlink.                                   | /settings unlink                               | This account isn't linked to another
            """)
    void everyFormHelpNamesWorksAsWritten(String inHelp, String tried, String answerStarts) {
        // GIVEN someone with Marc Kelly (a note and an open question, one contact logged) and a duplicate "mkelly"
        Requester who = TestRapport.user("user" + users.incrementAndGet());
        app.run(who, "/remember Marc Kelly: met at SYPE");
        app.run(who, "/remember marc ask: how did the move go?");
        app.run(who, "/followup done marc");
        app.run(who, "/remember mkelly: the same Marc, from his work e-mail");

        // WHEN they read /help and try the form
        String help = app.text(who, "/help");
        Reply answer = app.run(who, tried);

        // THEN /help names it and it does what it says
        assertThat(help).contains(inHelp);
        assertThat(answer.plainText()).startsWith(answerStarts);
    }

    @Test
    void helpDocumentsTheNextFridayRule() {
        assertThat(app.text(TestRapport.user("reader"), "/help")).contains("“next friday” is the Friday of next week");
    }
}
