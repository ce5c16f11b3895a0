package dev.rapport.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.rapport.core.api.Capture;
import dev.rapport.core.api.CaptureOpening;
import dev.rapport.core.api.CaptureStart;
import dev.rapport.core.api.Captured;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.PlatformUser;
import dev.rapport.core.api.Requester;
import dev.rapport.core.people.NoteText;
import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.testing.StorageSuite;
import dev.rapport.core.testing.TestRapport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any message opens a form that fits every platform's limits; any submission is saved or refused, never crashes,
 * and a refused one leaves the user's contacts and notes exactly as they were.
 */
@StorageSuite
class CaptureProperties {
    // Through core and a store, a quarter of the other fuzzing's tries (rapport.fuzz.tries, which a store module may
    // lower), at most 1,000: SQLite runs 1,000, PostgreSQL 500 (there 2,000 took about two minutes on a shared
    // machine).
    private static final int TRIES = Math.min(1_000, Integer.getInteger("rapport.fuzz.tries", 10_000) / 4);
    private static final List<String> HOSTILE = List.of(
            "'); DROP TABLE notes;--",
            "<@U1> <!channel> @everyone",
            "😀👩‍👩‍👧‍👦",
            "\u202Eevil\u202C",
            "ask:",
            "ask: how was Lisbon?",
            "tomorrow",
            "every 3 weeks",
            "31 Feb",
            "   ");

    private static TestRapport app;

    @BeforeAll
    static void start() {
        try {
            app = TestRapport.in(Files.createTempDirectory("rapport-capture-fuzz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Gen<String> text(int max) {
        return Generate.oneOf(
                strings().allPossible().ofLengthBetween(0, max),
                Generate.pick(HOSTILE),
                strings().betweenCodePoints('a', 'z' + 1).ofLengthBetween(0, max));
    }

    @Test
    void anyMessageOpensAFormWithinTheLimits() {
        qt().withExamples(TRIES)
                .forAll(text(60), integers().between(0, 5000), Generate.enumValues(PlatformUser.Standing.class))
                .checkAssert((text, repeat, standing) -> {
                    String message = text.repeat(Math.max(1, repeat / Math.max(1, text.length() + 1)));
                    CaptureOpening opening = app.rapport.openCapture(
                            TestRapport.user("opener"),
                            CaptureStart.message(new PlatformUser("U9", "Nine", standing), message, Optional.empty()));

                    if (standing == PlatformUser.Standing.PERSON) {
                        CaptureForm form = ((CaptureOpening.Open) opening).form();
                        assertThat(form.noteText().length()).isLessThanOrEqualTo(NoteText.MAX_LENGTH);
                        assertThat(form.note().label().length()).isLessThanOrEqualTo(CaptureForm.LABEL_MAX);
                    } else {
                        assertThat(opening).isInstanceOf(CaptureOpening.Refused.class);
                    }
                });
    }

    @Test
    void anySubmissionIsSavedOrRefusedAndARefusalChangesNothing() {
        qt().withExamples(TRIES)
                .forAll(text(40), text(300), text(30), integers().between(1, 100))
                .checkAssert((name, note, when, user) -> {
                    // The user's number also picks the form's shape: a person or a name, asked next time or not.
                    boolean ask = user % 3 == 0;
                    Requester who = TestRapport.user("capture" + user);
                    long owner = app.rapport.user(who).id();
                    int contactsBefore = app.storage.contacts().all(owner).size();
                    int notesBefore = app.storage.notes().counts(owner).values().stream()
                            .mapToInt(counts -> counts.notes())
                            .sum();
                    Optional<PlatformUser> person =
                            user % 2 == 0 ? Optional.of(PlatformUser.person("U" + user, name)) : Optional.empty();
                    Capture capture = new Capture(
                            person,
                            Optional.of(name),
                            note,
                            ask,
                            Optional.of(when),
                            Optional.of("https://x.test/" + user));

                    Captured captured = app.rapport.capture(who, Place.none(), capture);

                    assertThat(captured.reply().plainText()).doesNotContain(Wording.OOPS);
                    int notesAfter = app.storage.notes().counts(owner).values().stream()
                            .mapToInt(counts -> counts.notes())
                            .sum();
                    if (captured.isSaved()) {
                        assertThat(notesAfter).isEqualTo(notesBefore + 1);
                    } else {
                        assertThat(captured.problems()).isNotEmpty();
                        assertThat(notesAfter).isEqualTo(notesBefore);
                        assertThat(app.storage.contacts().all(owner)).hasSize(contactsBefore);
                    }
                });
    }
}
