package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.Requester;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Follow-ups, done and context, table by table. Today is Wednesday 25 Nov 2026. */
@StorageSuite
class FollowUpsTest {
    @TempDir
    Path folder;

    TestRapport app;
    Requester alice = TestRapport.user("alice");

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
        long id = app.rapport.user(alice).id();
        return app.storage.contacts().all(id).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static Button button(Reply reply, String label) {
        return reply.allButtons().stream()
                .filter(b -> b.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + reply.plainText()));
    }

    static Stream<Arguments> moves() {
        return Stream.of(
                Arguments.of(
                        "Richard Finnie",
                        "/followup richard 5 Dec about the first step",
                        "/followup richard 11 Dec",
                        "Moved your follow-up with Richard Finnie from Sat 5 Dec, about the first step, to Fri 11 Dec"
                                + " 2026",
                        "about the first step"),
                Arguments.of(
                        "Ana Lima",
                        "/followup ana tomorrow about the Lisbon flat",
                        "/followup ana 4 Dec",
                        "Moved your follow-up with Ana Lima from Thu 26 Nov, about the Lisbon flat, to Fri 4 Dec 2026",
                        "about the Lisbon flat"),
                Arguments.of(
                        "Sam Okafor",
                        "/followup sam in 3 days",
                        "/followup sam 1 Dec about the demo",
                        "Moved your follow-up with Sam Okafor from Sat 28 Nov to Tue 1 Dec 2026 (in 6 days), now about"
                                + " the demo",
                        "about the demo"));
    }

    @ParameterizedTest
    @MethodSource("moves")
    void aSecondDateSaysWhatItMovedAndKeepsTheReason(
            String name, String first, String second, String said, String reason) {
        say("/remember \"" + name + "\" met at the mixer");
        say(first);

        assertThat(say(second)).contains(said);

        assertThat(say("/contact \"" + name + "\"")).contains("Next follow-up:", reason);
    }

    @Test
    void aFollowUpButtonKeepsTheReasonToo() {
        Reply saved = app.run(alice, "/remember Marc Kelly: met at SYPE");
        say("/followup marc tomorrow about the job offer");

        String moved = app.press(alice, button(saved, "Follow up in a week").actionId())
                .plainText();

        assertThat(moved).contains("from Thu 26 Nov, about the job offer, to Wed 2 Dec 2026");
    }

    static Stream<Arguments> whoReachedOut() {
        return Stream.of(
                Arguments.of("he mentioned his new job", Optional.empty(), "Who reached out: not recorded"),
                Arguments.of("they called, the move went well", Optional.empty(), "Who reached out: not recorded"),
                Arguments.of("she said hi", Optional.empty(), "Who reached out: not recorded"),
                Arguments.of("they reached out about Lisbon", Optional.of(Initiator.THEM), "Who reached out: they did"),
                Arguments.of("I reached out, coffee on Friday", Optional.of(Initiator.ME), "Who reached out: you did"),
                Arguments.of("She reached out.", Optional.of(Initiator.THEM), "Who reached out: they did"));
    }

    @ParameterizedTest
    @MethodSource("whoReachedOut")
    void whoReachedOutIsNeverGuessedFromTheWords(String happened, Optional<Initiator> recorded, String said) {
        say("/remember Marc Kelly: met at SYPE");

        Reply done = app.run(alice, "/followup done marc " + happened);

        assertThat(done.plainText()).contains(said);
        assertThat(contact("Marc Kelly").lastInitiator()).isEqualTo(recorded);
        assertThat(done.allButtons().stream().anyMatch(b -> b.label().equals("They reached out")))
                .isEqualTo(recorded.isEmpty());
    }

    @Test
    void whoReachedOutCanBeSaidAfterwardsByButtonOrTyped() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember Ana Lima: sails");
        Reply done = app.run(alice, "/followup done marc had coffee");

        assertThat(app.press(alice, button(done, "They reached out").actionId()).plainText())
                .contains("Recorded: Marc Kelly reached out");
        assertThat(say("/contact marc")).contains("(they reached out)");

        say("/followup done ana lunch");
        assertThat(say("/contact ana i reached out")).contains("Recorded: you reached out");
        assertThat(contact("Ana Lima").lastInitiator()).contains(Initiator.ME);
        assertThat(app.run(alice, "/remember Bo Chen: new").isError()).isFalse();
        assertThat(app.run(alice, "/contact bo they reached out").isError()).isTrue();
    }

    @Test
    void doneAsksWhichQuestionsWereAnsweredAndKeepsEachAnswer() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember marc ask: how was the move?");
        say("/remember marc ask: did the offer come through?");

        Reply done = app.run(alice, "/followup done marc had coffee");
        assertThat(say("/contact marc")).contains("Open questions: 2", "Talked: had coffee");

        app.submit(alice, button(done, "Answered: did the offer come through?").actionId(), "yes, starts in May");
        String page = say("/contact marc");
        assertThat(page)
                .contains("Open questions: 1", "Ask: how was the move?")
                .contains("did the offer come through? — answer: yes, starts in May");
        assertThat(say("/contact marc answered note 3")).contains("Marked answered: “how was the move?”");
        assertThat(say("/contact marc")).contains("Open questions: 0");
        assertThat(app.submit(alice, button(done, "Answered: how was the move?").actionId(), "")
                        .plainText())
                .contains("Already answered");
    }

    static Stream<Arguments> contexts() {
        return Stream.of(
                Arguments.of(
                        new String[] {
                            "/remember marc ask: how was the move?",
                            "/followup snooze marc 1 Dec" + " travelling until May"
                        },
                        "Ask: how was the move?"),
                Arguments.of(
                        new String[] {
                            "/remember marc loves sailing", "/followup snooze marc 1 Dec travelling" + " until May"
                        },
                        "Last noted: loves sailing"),
                Arguments.of(
                        new String[] {"/followup snooze marc 1 Dec travelling until May"},
                        "Snoozed: travelling" + " until May"),
                Arguments.of(
                        new String[] {
                            "/followup done marc they called about Lisbon",
                            "/followup marc tomorrow",
                            "/followup snooze marc 1 Dec busy week"
                        },
                        "Last noted: they called about Lisbon"));
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void remindersCarryTheOpenQuestionElseTheUsersOwnNewestNote(String[] lines, String context) {
        app.storage
                .contacts()
                .create(Contact.newContact(
                        app.rapport.user(alice).id(),
                        "Marc Kelly",
                        Optional.empty(),
                        Optional.empty(),
                        app.clock.instant()));
        say("/followup marc tomorrow");
        for (String line : lines) {
            app.clock.advance(Duration.ofMinutes(1));
            say(line);
        }
        app.clock.advance(Duration.ofDays(6));

        assertThat(say("/today")).contains(context);
        assertThat(say("/followup marc 3 Dec")).contains(context);
    }

    @Test
    void countsAgreeAcrossRememberContactAndCircle() {
        say("/remember Marc Kelly: met at SYPE");
        say("/remember marc ask: how was the move?");
        say("/remember marc ask: new job?");
        String last = say("/remember marc loves sailing");
        say("/followup done marc had coffee");
        say("/remember Ana Lima ask: which boat?");

        assertThat(last).contains("You now know 2 things about Marc Kelly (2 open questions)");
        assertThat(say("/contact marc")).contains("Things known: 3", "Open questions: 2");
        assertThat(say("/circle"))
                .contains("Marc Kelly — 3 things known, 2 open questions")
                .contains("Ana Lima — 0 things known, 1 open question");
        assertThat(say("/remember ana likes tea")).contains("You now know 1 thing about Ana Lima (1 open question)");
    }

    static Stream<Arguments> pauses() {
        return Stream.of(
                Arguments.of(
                        "/settings pause until 3 Dec",
                        "Digests are paused through Thu 3 Dec; this is what would" + " be due"),
                Arguments.of(
                        "/settings pause until 10 Dec",
                        "Digests are paused through Thu 10 Dec; this is what" + " would be due"));
    }

    @ParameterizedTest
    @MethodSource("pauses")
    void todayWhilePausedSaysSo(String pause, String said) {
        say("/remember Marc Kelly: met at SYPE");
        say("/followup marc today");
        assertThat(say("/today")).doesNotContain("paused");

        say(pause);

        assertThat(say("/today")).contains(said, "Marc Kelly");
        say("/settings resume");
        assertThat(say("/today")).doesNotContain("paused").contains("Marc Kelly");
    }
}
