package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /settings as typed, end to end through core on a real store: each form of each setting, the one line a change
 * answers with, and input that changes nothing. Today is Wednesday 25 Nov 2026, 10:00 UTC; every row is a new user
 * on the defaults (UTC, 9:00 am, every day, not paused, at most 5 people).
 */
@StorageSuite
class SettingsCommandTest {
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

    /** A user no row has touched. */
    static Requester newUser() {
        return TestRapport.user("user" + users.incrementAndGet());
    }

    static Settings settingsOf(Requester who) {
        return app.rapport.user(who).settings();
    }

    @ParameterizedTest(name = "/settings digest {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed        | time  | reply
            8am            | 08:00 | Digest time: 8:00 am (was 9:00 am).
            8 am           | 08:00 | Digest time: 8:00 am (was 9:00 am).
            7:45AM         | 07:45 | Digest time: 7:45 am (was 9:00 am).
            8:30pm         | 20:30 | Digest time: 8:30 pm (was 9:00 am).
            8:30 p.m.      | 20:30 | Digest time: 8:30 pm (was 9:00 am).
            11pm           | 23:00 | Digest time: 11:00 pm (was 9:00 am).
            noon           | 12:00 | Digest time: 12:00 pm (was 9:00 am).
            midnight       | 00:00 | Digest time: 12:00 am (was 9:00 am).
            20:15          | 20:15 | Digest time: 8:15 pm (was 9:00 am).
            06:05          | 06:05 | Digest time: 6:05 am (was 9:00 am).
            7:30           | 07:30 | Digest time: 7:30 am (was 9:00 am).
            at 6pm         | 18:00 | Digest time: 6:00 pm (was 9:00 am).
            9am            | 09:00 | Digest time: 9:00 am (unchanged).
            09:00          | 09:00 | Digest time: 9:00 am (unchanged).
            """)
    void aDigestTimeInAnyCommonFormAnswersWithItsOneLine(String typed, LocalTime time, String reply) {
        // GIVEN a user on the defaults
        Requester who = newUser();

        // WHEN they set the digest time
        Reply answer = app.run(who, "/settings digest " + typed);

        // THEN the one line that changed, and the time is kept
        assertThat(answer.plainText()).isEqualTo(reply);
        assertThat(answer.isError()).isFalse();
        assertThat(settingsOf(who).digestTime()).isEqualTo(time);
    }

    @ParameterizedTest(name = "/settings timezone {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed                        | zone                           | reply
            europe/berlin                  | Europe/Berlin                  | Time zone: Europe/Berlin (was UTC). It is 11:00 am there now.
            EUROPE/LISBON                  | Europe/Lisbon                  | Time zone: Europe/Lisbon (was UTC). It is 10:00 am there now.
            america/new york               | America/New_York               | Time zone: America/New_York (was UTC). It is 5:00 am there now.
            Asia/Kolkata                   | Asia/Kolkata                   | Time zone: Asia/Kolkata (was UTC). It is 3:30 pm there now.
            Berlin                         | Europe/Berlin                  | Time zone: Europe/Berlin (was UTC). It is 11:00 am there now.
            new york                       | America/New_York               | Time zone: America/New_York (was UTC). It is 5:00 am there now.
            New_York                       | America/New_York               | Time zone: America/New_York (was UTC). It is 5:00 am there now.
            sao paulo                      | America/Sao_Paulo              | Time zone: America/Sao_Paulo (was UTC). It is 7:00 am there now.
            São Paulo                      | America/Sao_Paulo              | Time zone: America/Sao_Paulo (was UTC). It is 7:00 am there now.
            TOKYO                          | Asia/Tokyo                     | Time zone: Asia/Tokyo (was UTC). It is 7:00 pm there now.
            los angeles                    | America/Los_Angeles            | Time zone: America/Los_Angeles (was UTC). It is 2:00 am there now.
            buenos aires                   | America/Argentina/Buenos_Aires | Time zone: America/Argentina/Buenos_Aires (was UTC). It is 7:00 am there now.
            port au prince                 | America/Port-au-Prince         | Time zone: America/Port-au-Prince (was UTC). It is 5:00 am there now.
            UTC                            | UTC                            | Time zone: UTC (unchanged). It is 10:00 am there now.
            utc                            | UTC                            | Time zone: UTC (unchanged). It is 10:00 am there now.
            GMT                            | GMT                            | Time zone: GMT (was UTC). It is 10:00 am there now.
            +00:00                         | UTC                            | Time zone: UTC (unchanged). It is 10:00 am there now.
            """)
    void aZoneByItsNameInAnyCaseOrByItsCityIsSet(String typed, ZoneId zone, String reply) {
        Requester who = newUser();

        Reply answer = app.run(who, "/settings timezone " + typed);

        assertThat(answer.plainText()).isEqualTo(reply);
        assertThat(settingsOf(who).zone()).isEqualTo(zone);
    }

    @ParameterizedTest(name = "/settings timezone {0} suggests {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed    | first suggestions                       | why
            EST        | America/New_York,America/Toronto        | “EST” is an abbreviation, not a place
            est        | America/New_York,America/Toronto        | “EST” is an abbreviation, not a place
            CET        | Europe/Berlin,Europe/Paris,Europe/Madrid | “CET” is an abbreviation, not a place
            PST        | America/Los_Angeles,America/Vancouver   | “PST” is an abbreviation, not a place
            IST        | Europe/Dublin,Asia/Jerusalem,Asia/Kolkata | “IST” is an abbreviation, not a place
            JST        | Asia/Tokyo                              | “JST” is an abbreviation, not a place
            +02:00     | Europe/Athens,Europe/Helsinki           | “+02:00” is an offset, not a place
            UTC+2      | Europe/Athens,Europe/Helsinki           | “UTC+2” is an offset, not a place
            +01:00     | Europe/Berlin,Europe/Paris              | “+01:00” is an offset, not a place
            GMT-5      | America/New_York,America/Toronto        | “GMT-5” is an offset, not a place
            UTC+5:30   | Asia/Kolkata,Asia/Colombo               | “UTC+5:30” is an offset, not a place
            +0900      | Asia/Seoul,Asia/Tokyo                   | “+0900” is an offset, not a place
            Berln      | Europe/Berlin                           | “Berln” is not a time zone I know.
            """)
    void anAbbreviationOrAnOffsetIsAnsweredWithPlacesToPickAndChangesNothing(String typed, String first, String why) {
        // GIVEN a user whose zone is Asia/Kolkata
        Requester who = newUser();
        app.run(who, "/settings timezone Asia/Kolkata");

        // WHEN they give an abbreviation or an offset
        Reply answer = app.run(who, "/settings timezone " + typed);

        // THEN the reason, a button per place that fits, and the zone is as it was
        assertThat(answer.isError()).isTrue();
        assertThat(answer.plainText()).startsWith(why).contains("Nothing was changed. Pick yours, or give your city:");
        assertThat(answer.allButtons())
                .extracting(Button::label)
                .startsWith(first.split(","))
                .hasSizeLessThanOrEqualTo(5);
        assertThat(answer.allButtons())
                .allSatisfy(button -> assertThat(button.command()).isEqualTo("/settings timezone " + button.label()));
        assertThat(settingsOf(who).zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void pressingASuggestedZoneSetsIt() {
        // GIVEN a user who typed an abbreviation and got places to pick
        Requester who = newUser();
        Button newYork = app.run(who, "/settings timezone EST").allButtons().get(0);

        // WHEN they press the first
        Reply answer = app.press(who, newYork.actionId());

        // THEN that zone is set, answered with its one line
        assertThat(newYork.actionId()).isEqualTo(new Action.SetZone(ZoneId.of("America/New_York")).id());
        assertThat(answer.plainText()).isEqualTo("Time zone: America/New_York (was UTC). It is 5:00 am there now.");
        assertThat(settingsOf(who).zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @ParameterizedTest(name = "/settings timezone {0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            # typed     | reason
            Mars/Base   | “Mars/Base” is not a time zone I know. Nothing was changed. Give a city like Berlin or New York, or an Area/City name like Europe/Berlin.
            Munich      | “Munich” is not a time zone I know. Nothing was changed.
            +19:00      | “+19:00” is no offset from UTC: those go from -18:00 to +18:00. Nothing was changed.
            ''          | Which time zone? Nothing was changed.
            """)
    void aZoneThatNamesNothingIsExplainedAndChangesNothing(String typed, String reason) {
        Requester who = newUser();

        Reply answer = app.run(who, "/settings timezone " + typed);

        assertThat(answer.isError()).isTrue();
        assertThat(answer.plainText()).startsWith(reason).contains("Example: /settings timezone Berlin");
        assertThat(settingsOf(who).zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @ParameterizedTest(name = "/settings days {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed                  | reply
            mon,wed,fri              | Digest days: Mon, Wed and Fri (was every day).
            Mon, Wed, Fri            | Digest days: Mon, Wed and Fri (was every day).
            tue and thu              | Digest days: Tue and Thu (was every day).
            tue-thu                  | Digest days: Tue, Wed and Thu (was every day).
            weekdays                 | Digest days: weekdays (was every day).
            mon-fri                  | Digest days: weekdays (was every day).
            weekends                 | Digest days: weekends (was every day).
            sat,sun                  | Digest days: weekends (was every day).
            every day                | Digest days: every day (unchanged).
            everyday                 | Digest days: every day (unchanged).
            daily                    | Digest days: every day (unchanged).
            """)
    void digestDaysAsAWordOrAListAnswerWithTheirOneLine(String typed, String reply) {
        Requester who = newUser();

        Reply answer = app.run(who, "/settings days " + typed);

        assertThat(answer.plainText()).isEqualTo(reply);
        assertThat(settingsOf(who).digestDays().describe()).isEqualTo(reply.replaceAll("^Digest days: | \\(.*$", ""));
    }

    @Test
    void chosenDigestDaysDecideWhichDatesGetADigest() {
        Requester who = newUser();

        app.run(who, "/settings days mon,wed,fri");

        var days = settingsOf(who).digestDays();
        assertThat(days.includes(LocalDate.of(2026, 11, 23))).as("Monday").isTrue();
        assertThat(days.includes(LocalDate.of(2026, 11, 24))).as("Tuesday").isFalse();
        assertThat(days.includes(LocalDate.of(2026, 11, 25))).as("Wednesday").isTrue();
        assertThat(days.includes(LocalDate.of(2026, 11, 27))).as("Friday").isTrue();
        assertThat(days.includes(LocalDate.of(2026, 11, 29))).as("Sunday").isFalse();
    }

    @ParameterizedTest(name = "/settings pause {0} → through {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed            | through    | reply
            for 2 weeks        | 2026-12-08 | Paused: through Tue 8 Dec 2026 (was no). Digests start again on Wed 9 Dec; /settings resume ends the pause sooner.
            for a fortnight    | 2026-12-08 | Paused: through Tue 8 Dec 2026 (was no). Digests start again on Wed 9 Dec; /settings resume ends the pause sooner.
            for 3 days         | 2026-11-27 | Paused: through Fri 27 Nov 2026 (was no). Digests start again on Sat 28 Nov; /settings resume ends the pause sooner.
            for a month        | 2026-12-24 | Paused: through Thu 24 Dec 2026 (was no). Digests start again on Fri 25 Dec; /settings resume ends the pause sooner.
            2 weeks            | 2026-12-08 | Paused: through Tue 8 Dec 2026 (was no). Digests start again on Wed 9 Dec; /settings resume ends the pause sooner.
            until 3 jan        | 2027-01-03 | Paused: through Sun 3 Jan 2027 (was no). Digests start again on Mon 4 Jan; /settings resume ends the pause sooner.
            until 2 Dec        | 2026-12-02 | Paused: through Wed 2 Dec 2026 (was no). Digests start again on Thu 3 Dec; /settings resume ends the pause sooner.
            until friday       | 2026-11-27 | Paused: through Fri 27 Nov 2026 (was no). Digests start again on Sat 28 Nov; /settings resume ends the pause sooner.
            till 2027-02-01    | 2027-02-01 | Paused: through Mon 1 Feb 2027 (was no). Digests start again on Tue 2 Feb; /settings resume ends the pause sooner.
            1 Dec              | 2026-12-01 | Paused: through Tue 1 Dec 2026 (was no). Digests start again on Wed 2 Dec; /settings resume ends the pause sooner.
            """)
    void aPauseForALengthOrUntilADateAnswersWithItsOneLine(String typed, LocalDate through, String reply) {
        Requester who = newUser();

        Reply answer = app.run(who, "/settings pause " + typed);

        assertThat(answer.plainText()).isEqualTo(reply);
        assertThat(settingsOf(who).pausedUntil()).contains(through);
    }

    @Test
    void resumeEndsAPauseAndSaysWhatItWas() {
        Requester who = newUser();
        app.run(who, "/settings pause for 2 weeks");

        assertThat(app.text(who, "/settings resume")).isEqualTo("Paused: no (was through Tue 8 Dec 2026).");
        assertThat(app.text(who, "/settings resume")).isEqualTo("Paused: no (unchanged).");
        assertThat(settingsOf(who).pausedUntil()).isEmpty();
    }

    @ParameterizedTest(name = "/settings max {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # typed     | reply
            1           | Digest holds: at most 1 person (was at most 5 people).
            8           | Digest holds: at most 8 people (was at most 5 people).
            3 people    | Digest holds: at most 3 people (was at most 5 people).
            20          | Digest holds: at most 20 people (was at most 5 people).
            5           | Digest holds: at most 5 people (unchanged).
            """)
    void theDigestCapSaysPersonForOneAndPeopleForMore(String typed, String reply) {
        Requester who = newUser();

        assertThat(app.text(who, "/settings max " + typed)).isEqualTo(reply);
    }

    @Test
    void aboutTopicsAreQuotedSoTheirOwnParenthesesNeverDouble() {
        Requester who = newUser();

        assertThat(app.text(who, "/settings about climbing, Rust (the language)"))
                .isEqualTo("Ask me about: “climbing, Rust (the language)” (was nothing)."
                        + " Only your pairing partners see it.");
        assertThat(app.text(who, "/settings about"))
                .isEqualTo("Ask me about: nothing (was “climbing, Rust (the language)”).");
    }

    @ParameterizedTest(name = "/settings {0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            # typed               | reason
            digest 25:00          | There is no 25:00: hours go from 0 to 23. Try 8am, 8:30pm, noon or 20:15.
            digest 13pm           | With am or pm the hour goes from 1 to 12; “13pm” has 13.
            digest 8:75           | “8:75” has 75 minutes; minutes go from 00 to 59.
            digest soon           | I couldn't read “soon” as a time of day.
            days someday          | I couldn't read “someday” as a day of the week.
            days never            | A digest needs at least one day. To stop digests for a while, pause them.
            pause                 | Pause for how long, or until when?
            pause until yesterday | Yesterday is in the past; follow-ups look ahead.
            pause every week      | A pause needs a date or a length, not a rhythm.
            pause for 0 days      | The number has to be at least 1.
            max 0                 | The digest holds between 1 and 20 people.
            max 99                | The digest holds between 1 and 20 people.
            max many              | The digest holds between 1 and 20 people.
            colour blue           | I don't know the setting “colour”.
            digest on discord     | Your digest comes to this account
            unlink                | This account isn't linked to another
            """)
    void badInputIsExplainedAndChangesNothing(String typed, String reason) {
        Requester who = newUser();
        Settings before = settingsOf(who);

        Reply answer = app.run(who, "/settings " + typed);

        assertThat(answer.isError()).isTrue();
        assertThat(answer.plainText()).startsWith(reason).contains("\nExample: /settings ");
        assertThat(settingsOf(who)).isEqualTo(before);
    }

    @Test
    void bareSettingsShowsTheWholeTable() {
        Requester who = newUser();
        app.run(who, "/settings digest 8:30pm");
        app.run(who, "/settings days mon,wed,fri");
        app.run(who, "/settings max 1");

        assertThat(app.text(who, "/settings").lines())
                .contains(
                        "Your settings",
                        "Time zone: UTC",
                        "Digest time: 8:30 pm",
                        "Digest days: Mon, Wed and Fri",
                        "Paused: no",
                        "Digest holds: at most 1 person",
                        "Ask me about: nothing",
                        "Linked accounts: none");
    }
}
