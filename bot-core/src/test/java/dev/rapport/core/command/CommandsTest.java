package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands of DESIGN.md, end to end through core on a real SQLite file. Today is Wednesday 25 Nov 2026. */
@StorageSuite
class CommandsTest {
    @TempDir
    Path folder;

    TestRapport app;
    Requester alice = TestRapport.user("alice");
    Requester bob = TestRapport.user("bob");

    @BeforeEach
    void start() {
        app = TestRapport.in(folder);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    String say(String line) {
        return app.text(alice, line);
    }

    Contact contact(String name) {
        User user = app.rapport.user(alice);
        return app.storage.contacts().all(user.id()).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void rememberCreatesTheContactAndCountsWhatYouKnow() {
        String first = say("/remember Marc Kelly: met at the SYPE mixer #sailing #Lisbon");
        String second = say("/remember marc ask: how was the move?");

        assertThat(first).contains("New contact", "1 thing about Marc Kelly", "#sailing #lisbon");
        assertThat(second).contains("question to ask", "1 thing about Marc Kelly (1 open question)");
        Reply reply = app.run(alice, "/remember marc sails on weekends");
        assertThat(reply.allButtons())
                .extracting(Button::label)
                .containsExactly("Follow up in a week", "In a month", "Every month", "Undo", "Edit");
        assertThat(reply.allButtons()).allMatch(b -> b.actionId().length() <= Button.MAX_ACTION_ID);
    }

    @Test
    void aNoteOverTwoThousandCharactersIsRefusedAndNothingIsSaved() {
        Reply reply = app.run(alice, "/remember Sam Lee: " + "x".repeat(2001));

        assertThat(reply.isError()).isTrue();
        assertThat(reply.plainText()).contains("2001 characters", "at most 2000");
        assertThat(say("/circle")).contains("Your circle is empty");
    }

    @Test
    void anEmptyNoteIsRefusedWithAnExample() {
        Reply reply = app.run(alice, "/remember Sam");

        assertThat(reply.isError()).isTrue();
        assertThat(reply.plainText()).contains("Example: /remember");
        assertThat(say("/circle")).contains("empty");
    }

    @Test
    void anAmbiguousShortNameAsksWhichAndSavesNothing() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember Marc Ruiz: plays chess");

        Reply reply = app.run(alice, "/remember marc ask: how was the move?");

        assertThat(reply.plainText()).contains("could be Marc Kelly or Marc Ruiz");
        assertThat(say("/contact marc kelly")).contains("Open questions: 0");
    }

    @Test
    void followUpRepeatsTheDateAsUnderstoodWithContext() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember marc ask: how was the move?");

        String reply = say("/followup marc next friday about the job offer");

        assertThat(reply).contains("Fri 4 Dec 2026 (in 9 days)", "about the job offer", "Ask: how was the move?");
    }

    @Test
    void followUpForSomeoneNewCreatesNobody() {
        assertThat(say("/followup \"Dana Scully\" in 3 days")).contains("You have no contact called “Dana Scully” yet");
        assertThat(say("/circle")).contains("Your circle is empty");
    }

    @Test
    void anUnreadableWhenListsExamplesAndSchedulesNothing() {
        say("/remember Marc Kelly: met at SYPE");

        Reply reply = app.run(alice, "/followup marc someday soon");

        assertThat(reply.isError()).isTrue();
        assertThat(reply.plainText()).contains("tomorrow", "every 3 weeks");
        assertThat(say("/followup list")).contains("Nothing due");
    }

    @Test
    void aRecurringPhraseSetsARhythmThatLoggingContactRestarts() {
        say("/remember Marc Kelly: met at SYPE");

        assertThat(say("/followup marc every 3 weeks")).contains("every 3 weeks", "Wed 16 Dec 2026");
        app.clock.advance(Duration.ofDays(10));
        String done = say("/followup done marc had coffee");

        assertThat(done).contains("Next, every 3 weeks: Sat 26 Dec 2026");
        assertThat(contact("Marc Kelly").rhythmNext()).contains(LocalDate.of(2026, 12, 26));
    }

    @Test
    void doneClosesTheFollowUpAnswersQuestionsAndKeepsWhatHappened() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember marc ask: how was the move?");
        say("/followup marc tomorrow");

        Reply done = app.run(alice, "/followup done marc they called, the move went well");

        assertThat(done.plainText())
                .contains("Closed the follow-up due Thu 26 Nov 2026", "Who reached out: not recorded")
                .doesNotContain("Marked");
        Button answered = done.allButtons().stream()
                .filter(b -> b.label().equals("Answered: how was the move?"))
                .findFirst()
                .orElseThrow();
        assertThat(answered.prompt()).isPresent();
        assertThat(app.submit(alice, answered.actionId(), "went well, loves Lisbon")
                        .plainText())
                .contains("Marked answered: “how was the move?” — answer kept: “went well, loves Lisbon”");
        String page = say("/contact marc");
        assertThat(page)
                .contains("Open questions: 0", "Talked: they called, the move went well")
                .contains("Asked: how was the move? — answer: went well, loves Lisbon")
                .doesNotContain("reached out")
                .contains("Next follow-up: none");
    }

    @Test
    void doneWithoutWordsAsksWhatYouLearned() {
        say("/remember Marc Kelly: met at SYPE");

        Reply reply = app.run(alice, "/followup done marc");

        assertThat(reply.plainText()).contains("What did you learn?");
        Button addNote = reply.allButtons().stream()
                .filter(b -> b.label().equals("Add what you learned"))
                .findFirst()
                .orElseThrow();
        assertThat(addNote.prompt()).isPresent();
        app.submit(alice, addNote.actionId(), "Starts at Acme in May #work");
        assertThat(say("/contact marc")).contains("Starts at Acme in May #work");
    }

    @Test
    void snoozeMovesTheFollowUpAndKeepsTheReasonAsANote() {
        say("/remember Marc Kelly: met at SYPE");
        say("/followup marc tomorrow");

        String reply = say("/followup snooze marc 1 Dec travelling until May");

        assertThat(reply).contains("until Tue 1 Dec 2026", "Kept the reason as a note");
        assertThat(say("/contact marc")).contains("Next follow-up: Tue 1 Dec 2026", "travelling until May");
    }

    @Test
    void snoozeWithNothingToSnoozeSaysSo() {
        say("/remember Marc Kelly: met at SYPE");

        Reply reply = app.run(alice, "/followup snooze marc next week");

        assertThat(reply.isError()).isTrue();
        assertThat(reply.plainText()).contains("no follow-up with Marc Kelly to snooze");
    }

    @Test
    void cancelDropsTheFollowUpAndTheRhythmButKeepsNotes() {
        say("/remember Marc Kelly: met at SYPE");
        say("/followup marc tomorrow");
        say("/followup marc monthly");

        assertThat(say("/followup cancel marc")).contains("Cancelled the follow-up and the rhythm");
        assertThat(say("/contact marc")).contains("Rhythm: none", "Next follow-up: none", "met at SYPE");
        assertThat(app.run(alice, "/followup cancel marc").isError()).isTrue();
    }

    @Test
    void listShowsDueLapsedAndUpcoming() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember Zoë Adams: climbs");
        say("/remember Ana Lima: paints");
        say("/followup marc tomorrow");
        say("/followup zoe every week");
        say("/followup ana in 30 days");
        app.clock.advance(Duration.ofDays(9));

        String list = say("/followup list");

        assertThat(list).contains("Due now", "Marc Kelly", "Rhythms that lapsed", "Zoë Adams");
        assertThat(list).doesNotContain("Ana Lima");
    }

    @Test
    void contactPageShowsDepthNewestFirst() {
        say("/remember Marc Kelly: met at SYPE");
        app.clock.advance(Duration.ofDays(1));
        say("/remember marc moving to Lisbon");

        String page = say("/contact marc");

        assertThat(page).contains("Things known: 2", "Last contact: none logged yet");
        assertThat(page.indexOf("moving to Lisbon")).isLessThan(page.indexOf("met at SYPE"));
    }

    @Test
    void circleOrdersByWhoNeedsAttention() {
        say("/remember Ana Lima: paints");
        say("/remember Marc Kelly: met at SYPE");
        say("/remember Zoë Adams: climbs");
        say("/followup zoe in a week");
        say("/followup marc tomorrow");

        String circle = say("/circle");

        assertThat(circle).contains("Your circle — 3 people");
        assertThat(circle.indexOf("Marc Kelly")).isLessThan(circle.indexOf("Zoë Adams"));
        assertThat(circle.indexOf("Zoë Adams")).isLessThan(circle.indexOf("Ana Lima"));
    }

    @Test
    void todayHoldsWhatIsDueWithButtons() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember marc ask: how was the move?");
        say("/followup marc tomorrow");
        assertThat(say("/today")).contains("Nothing due today");
        app.clock.advance(Duration.ofDays(1));

        Reply today = app.run(alice, "/today");

        assertThat(today.plainText()).contains("Marc Kelly", "Follow-up due today", "Ask: how was the move?");
        assertThat(today.allButtons())
                .extracting(Button::label)
                .containsExactly("Done", "Snooze 1 day", "Snooze 1 week", "Add note");
    }

    @Test
    void digestButtonsActThroughCore() {
        say("/remember Marc Kelly: met at SYPE");
        say("/followup marc today");
        List<Button> buttons = app.run(alice, "/today").allButtons();

        assertThat(app.press(alice, buttons.get(2).actionId()).plainText()).contains("until Wed 2 Dec 2026");
        assertThat(app.press(alice, buttons.get(0).actionId()).plainText()).contains("Logged");
        assertThat(say("/today")).contains("Nothing due today");
    }

    @Test
    void followUpButtonsScheduleAndSetRhythms() {
        List<Button> buttons =
                app.run(alice, "/remember Marc Kelly: met at SYPE").allButtons();

        assertThat(app.press(alice, buttons.get(0).actionId()).plainText()).contains("Wed 2 Dec 2026");
        assertThat(app.press(alice, buttons.get(2).actionId()).plainText()).contains("every month", "Fri 25 Dec 2026");
    }

    @Test
    void aButtonNamingSomeoneElsesContactDoesNothing() {
        app.run(alice, "/remember Marc Kelly: met at SYPE");
        long alicesMarc = contact("Marc Kelly").id();

        Reply forged = app.submit(bob, "note:" + alicesMarc, "planted");
        Reply forget = app.press(bob, "forget:" + alicesMarc);

        assertThat(forged.isError()).isTrue();
        assertThat(forget.plainText()).contains("nothing to forget");
        assertThat(say("/contact marc")).doesNotContain("planted").contains("met at SYPE");
    }

    @Test
    void forgetAsksFirstThenDeletesEverything() {
        say("/remember Marc Kelly: met at SYPE");
        say("/followup marc tomorrow");

        Reply confirm = app.run(alice, "/forget marc");
        assertThat(confirm.plainText()).contains("cannot be undone");
        assertThat(say("/contact marc")).contains("met at SYPE");
        assertThat(app.press(alice, confirm.allButtons().get(1).actionId()).plainText())
                .contains("Kept");

        assertThat(app.press(alice, confirm.allButtons().get(0).actionId()).plainText())
                .contains("Forgot Marc Kelly");
        assertThat(app.run(alice, "/contact marc").isError()).isTrue();
        assertThat(say("/followup list")).contains("Nothing due");
    }

    @Test
    void forgetConfirmTypedAsACommandWorksInTheConsole() {
        say("/remember Marc Kelly: met at SYPE");

        assertThat(say("/forget \"Marc Kelly\" confirm")).contains("Forgot Marc Kelly");
    }

    @Test
    void exportHoldsEveryContactAndNoteAsJson() {
        say("/remember Marc Kelly: met at \"SYPE\"\nsecond line");
        say("/followup marc tomorrow about the job");

        Reply reply = app.run(alice, "/export");

        assertThat(reply.attachment()).isPresent();
        String json = reply.attachment().orElseThrow().content();
        assertThat(json)
                .contains("\"name\": \"Marc Kelly\"")
                .contains("met at \\\"SYPE\\\"\\nsecond line")
                .contains("\"dueOn\": \"2026-11-26\"");
    }

    @Test
    void eachSettingsChangeAnswersWithItsOneLineAndBareSettingsShowsThemAll() {
        assertThat(say("/settings timezone Asia/Kolkata"))
                .isEqualTo("Time zone: Asia/Kolkata (was UTC). It is 3:30 pm there now.");
        assertThat(say("/settings digest 7:30")).isEqualTo("Digest time: 7:30 am (was 9:00 am).");
        assertThat(say("/settings days weekdays")).isEqualTo("Digest days: weekdays (was every day).");
        assertThat(say("/settings pause until 2 Dec")).startsWith("Paused: through Wed 2 Dec 2026 (was no).");
        assertThat(say("/settings resume")).isEqualTo("Paused: no (was through Wed 2 Dec 2026).");
        assertThat(say("/settings max 8")).isEqualTo("Digest holds: at most 8 people (was at most 5 people).");
        assertThat(say("/settings about climbing, Rust")).startsWith("Ask me about: “climbing, Rust” (was nothing).");
        assertThat(app.rapport.user(alice).settings().maxItems()).isEqualTo(8);
        assertThat(say("/settings"))
                .contains(
                        "Time zone: Asia/Kolkata",
                        "Digest time: 7:30 am",
                        "Digest days: weekdays",
                        "Paused: no",
                        "Digest holds: at most 8 people",
                        "Ask me about: “climbing, Rust”");
    }

    @Test
    void badSettingsAreExplained() {
        assertThat(app.run(alice, "/settings timezone Mars/Base").plainText()).contains("Area/City");
        assertThat(app.run(alice, "/settings digest 25:00").plainText()).contains("There is no 25:00");
        assertThat(app.run(alice, "/settings max 99").plainText()).contains("between 1 and 20");
        assertThat(app.run(alice, "/settings days someday").isError()).isTrue();
        assertThat(app.run(alice, "/settings colour blue").isError()).isTrue();
        assertThat(app.run(alice, "/settings pause every week").isError()).isTrue();
    }

    @Test
    void theUsersTimeZoneDecidesToday() {
        say("/settings timezone Pacific/Kiritimati"); // UTC+14: already Thursday 26 Nov there
        say("/remember Marc Kelly: met at SYPE");

        assertThat(say("/followup marc tomorrow")).contains("Fri 27 Nov 2026");
    }

    @Test
    void unknownCommandsAndHelp() {
        assertThat(app.run(alice, "/frobnicate").plainText()).contains("/help");
        assertThat(say("/help")).contains("/remember", "/followup", "/settings", "/forget", "/export");
    }

    @Test
    void twoUsersNeverSeeEachOthersContacts() {
        say("/remember Marc Kelly: secret about marc");

        assertThat(app.text(bob, "/circle")).contains("empty");
        assertThat(app.run(bob, "/contact marc").isError()).isTrue();
        assertThat(app.text(bob, "/remember Marc Kelly: bob's own note")).contains("New contact", "1 thing");
        assertThat(app.text(bob, "/contact marc")).doesNotContain("secret about marc");
        assertThat(app.run(bob, "/export").attachment().orElseThrow().content()).doesNotContain("secret");
    }

    @Test
    void aMentionInsideANoteIsSavedAsReadableText() {
        app.rapport.handle(CommandRequest.of(alice, "remember", "Marc Kelly: met <@U999> at SYPE")
                .withMentions(java.util.Map.of("U999", Mentioned.person("Dana"))));

        assertThat(say("/contact marc")).contains("met @Dana at SYPE").doesNotContain("<@U999>");
    }

    @Test
    void someoneWhosePlatformGivesNoTimeZoneIsAskedOnceToSetIt() {
        Requester discordUser = Requester.of("discord", "", "4242", "Dana");

        String first = app.text(discordUser, "/help");
        String second = app.text(discordUser, "/help");

        assertThat(first).contains("Until you set your time zone Rapport uses UTC", "/settings timezone");
        assertThat(second).doesNotContain("Until you set your time zone");
        assertThat(app.text(alice, "/help")).doesNotContain("Until you set your time zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"timezone Europe/Berlin", "timezone America/New_York", "tz Asia/Tokyo"})
    void aFirstCommandThatSetsTheTimeZoneIsNotAskedToSetIt(String setting) {
        Requester discordUser = Requester.of("discord", "", "5151", "Eve");

        String first = app.text(discordUser, "/settings " + setting);

        assertThat(first).doesNotContain("Until you set your time zone");
        assertThat(app.text(discordUser, "/help")).doesNotContain("Until you set your time zone");
    }
}
