package dev.rapport.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.action.Action.IntroAnswer;
import dev.rapport.core.action.Action.Rhythm;
import dev.rapport.core.action.Action.RoundAnswer;
import dev.rapport.core.action.Action.Side;
import dev.rapport.core.action.Action.Soon;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of action writes the id that buttons already carry, reads it back, and refuses anything else. */
class ActionTest {
    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(new Action.FollowUpIn(42, Soon.IN_A_WEEK), "fu:1w:42"),
                Arguments.of(new Action.FollowUpIn(7, Soon.TOMORROW), "fu:1d:7"),
                Arguments.of(new Action.KeepInTouch(42, Rhythm.MONTHLY), "rh:1m:42"),
                Arguments.of(new Action.KeepInTouch(3, Rhythm.QUARTERLY), "rh:3m:3"),
                Arguments.of(new Action.Done(42), "done:42"),
                Arguments.of(new Action.Snooze(9, Soon.IN_A_WEEK), "snz:1w:9"),
                Arguments.of(new Action.SnoozeAsking(9), "snzp:9"),
                Arguments.of(new Action.AddNote(12), "note:12"),
                Arguments.of(new Action.Forget(5), "forget:5"),
                Arguments.of(new Action.Keep(5), "keep:5"),
                Arguments.of(new Action.RememberIntroduced(1, Side.A), "irem:1:a"),
                Arguments.of(new Action.RememberIntroduced(8, Side.B), "irem:8:b"),
                Arguments.of(new Action.AnswerIntroCheckIn(1, IntroAnswer.CONNECTED), "ichk:yes:1"),
                Arguments.of(new Action.AnswerIntroCheckIn(2, IntroAnswer.LATER), "ichk:later:2"),
                Arguments.of(new Action.AnswerIntroCheckIn(3, IntroAnswer.DROP), "ichk:drop:3"),
                Arguments.of(new Action.AnswerRound(4, RoundAnswer.MET), "rnd:met:4"),
                Arguments.of(new Action.AnswerRound(5, RoundAnswer.NOT_YET), "rnd:not:5"),
                Arguments.of(new Action.AnswerRound(6, RoundAnswer.SKIP), "rnd:skip:6"),
                Arguments.of(new Action.ConfirmImport(3), "imp:3"),
                Arguments.of(new Action.CancelImport(3), "impx:3"),
                Arguments.of(new Action.FollowUpOn(8, java.time.LocalDate.of(2027, 5, 1)), "fuon:20270501:8"),
                Arguments.of(new Action.SetZone(ZoneId.of("Europe/Berlin")), "tz:Europe/Berlin"),
                Arguments.of(new Action.SetZone(ZoneId.of("America/Port-au-Prince")), "tz:America/Port-au-Prince"),
                Arguments.of(
                        new Action.SetZone(ZoneId.of("America/Argentina/ComodRivadavia")),
                        "tz:America/Argentina/ComodRivadavia"),
                Arguments.of(new Action.SetZone(ZoneId.of("UTC")), "tz:UTC"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void anActionWritesTheIdButtonsCarryAndReadsItBack(Action action, String id) {
        assertThat(action.id()).isEqualTo(id);
        assertThat(Action.parse(id)).contains(action);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "done",
                "done:",
                "done:0",
                "done:-4",
                "done:+4",
                "done:042",
                "done:4x",
                "done:4:5",
                "done:99999999999999999999",
                "fu:9y:4",
                "fu:1w",
                "fu:4:1w",
                "rh:1d:4",
                "irem:1:c",
                "irem:a:1",
                "ichk:maybe:1",
                "rnd:met",
                "rnd:met:1:2",
                "unknown:1",
                "DONE:4",
                " done:4",
                "done:4 ",
                "note:1\n",
                "?note:1",
                "imp:0",
                "fuon:20270230:8",
                "fuon:2027051:8",
                "fuon:+0270501:8",
                "fuon:20270501",
                "tz:",
                "tz:Mars/Base",
                "tz:europe/berlin",
                "tz:Europe/Berlin:1",
                "tz:+02:00",
                "tz:EST",
                "tz:Europe/../Berlin",
                "tz: Europe/Berlin"
            })
    void anythingElseIsRefused(String id) {
        assertThat(Action.parse(id)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void theLongestIdsStillFitDiscordsLimit(Action action, String id) {
        Action biggest = withLargestIds(action);
        assertThat(biggest.id()).hasSizeLessThanOrEqualTo(Action.MAX_ID);
        assertThat(Action.parse(biggest.id())).contains(biggest);
    }

    @org.junit.jupiter.api.Test
    void aNullOrOverlongIdIsRefused() {
        assertThat(Action.parse(null)).isEmpty();
        assertThat(Action.parse("done:" + "1".repeat(100))).isEmpty();
        assertThat(List.of(Soon.values()).stream().map(Soon::code)).doesNotHaveDuplicates();
    }

    private static Action withLargestIds(Action action) {
        long big = 999_999_999_999_999_999L;
        if (action instanceof Action.FollowUpIn a) {
            return new Action.FollowUpIn(big, a.when());
        }
        if (action instanceof Action.KeepInTouch a) {
            return new Action.KeepInTouch(big, a.rhythm());
        }
        if (action instanceof Action.Snooze a) {
            return new Action.Snooze(big, a.when());
        }
        if (action instanceof Action.RememberIntroduced a) {
            return new Action.RememberIntroduced(big, a.side());
        }
        if (action instanceof Action.AnswerIntroCheckIn a) {
            return new Action.AnswerIntroCheckIn(big, a.answer());
        }
        if (action instanceof Action.AnswerRound a) {
            return new Action.AnswerRound(big, a.answer());
        }
        if (action instanceof Action.ConfirmImport) {
            return new Action.ConfirmImport(big);
        }
        if (action instanceof Action.CancelImport) {
            return new Action.CancelImport(big);
        }
        if (action instanceof Action.FollowUpOn a) {
            return new Action.FollowUpOn(big, a.date());
        }
        if (action instanceof Action.Done) {
            return new Action.Done(big);
        }
        if (action instanceof Action.SnoozeAsking) {
            return new Action.SnoozeAsking(big);
        }
        if (action instanceof Action.AddNote) {
            return new Action.AddNote(big);
        }
        if (action instanceof Action.Forget) {
            return new Action.Forget(big);
        }
        if (action instanceof Action.SetZone) {
            return action;
        }
        return new Action.Keep(big);
    }
}
