package dev.rapport.core.digest;

import static java.time.temporal.ChronoUnit.WEEKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StorageSuite
class DigestButtonsTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path folder;

    private DigestFixture fixture;
    private User ada;
    private Contact marc;
    private Contact zoe;
    private Contact lee;
    private Reply digest;

    @BeforeEach
    void receiveTheDigest() {
        // GIVEN Ada's digest at 09:00 with two follow-ups (Marc with an open question) and a lapsed rhythm (Lee)
        fixture = new DigestFixture(folder, WEDNESDAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
        ada = fixture.user("ada", "UTC");
        marc = fixture.followUp(ada, "Marc Kelly", WEDNESDAY.minusDays(2));
        fixture.run(ada, "remember", "marc ask: how did the move go?");
        zoe = fixture.followUp(ada, "Zoë Park", WEDNESDAY);
        lee = fixture.rhythm(ada, "Lee Chen", Cadence.every(2, WEEKS), WEDNESDAY.minusDays(20), WEDNESDAY.minusDays(6));
        fixture.tick();
        digest = fixture.messenger.delivered().get(0).reply();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void eachPersonComesWithContextAndTheFourButtons() {
        // THEN every person has Done, Snooze 1 day, Snooze 1 week and Add note, and Marc's open question is shown
        for (String name : new String[] {"Marc Kelly", "Zoë Park", "Lee Chen"}) {
            assertThat(section(name).buttons())
                    .extracting(Button::label)
                    .containsExactly("Done", "Snooze 1 day", "Snooze 1 week", "Add note");
        }
        assertThat(section("Marc Kelly").body().plainText())
                .contains("overdue since")
                .contains("Ask: how did the move go?");
        assertThat(section("Lee Chen").body().plainText()).contains("Keep in touch every 2 weeks");
    }

    @Test
    void doneClosesTheFollowUpAndAsksWhatWasLearned() {
        // WHEN Ada presses Done on Marc
        Reply reply = fixture.press(ada, button("Marc Kelly", "Done").actionId());

        // THEN the follow-up is closed, his open question stays open until she says it was answered, and the reply
        // asks what she learned and who reached out
        assertThat(fixture.storage.followUps().open(ada.id(), marc.id())).isEmpty();
        assertThat(fixture.storage.notes().forContact(ada.id(), marc.id())).anyMatch(Note::isOpenQuestion);
        assertThat(reply.plainText()).contains("Logged: you were in touch with Marc Kelly today.");
        assertThat(reply.allButtons())
                .extracting(Button::label)
                .contains("Add what you learned", "They reached out", "Answered: how did the move go?");
    }

    @Test
    void snoozeOneDayMovesTheFollowUpToTomorrow() {
        // WHEN Ada snoozes Zoë for a day
        fixture.press(ada, button("Zoë Park", "Snooze 1 day").actionId());

        // THEN Zoë's follow-up is due tomorrow
        assertThat(fixture.storage.followUps().open(ada.id(), zoe.id()))
                .get()
                .extracting(f -> f.dueOn())
                .isEqualTo(WEDNESDAY.plusDays(1));
    }

    @Test
    void snoozeOneWeekMovesALapsedRhythmAWeekOn() {
        // WHEN Ada snoozes Lee, whose rhythm lapsed, for a week
        fixture.press(ada, button("Lee Chen", "Snooze 1 week").actionId());

        // THEN Lee's rhythm next comes up in a week
        assertThat(fixture.storage.contacts().byId(ada.id(), lee.id()))
                .get()
                .extracting(c -> c.rhythmNext().orElseThrow())
                .isEqualTo(WEDNESDAY.plusWeeks(1));
    }

    @Test
    void addNoteSavesWhatWasTyped() {
        // WHEN Ada presses Add note on Zoë and types a note
        Button addNote = button("Zoë Park", "Add note");
        Reply reply = fixture.submit(ada, addNote.actionId(), "starts at Acme in May");

        // THEN the note is saved about Zoë
        assertThat(addNote.prompt()).isPresent();
        assertThat(fixture.storage.notes().forContact(ada.id(), zoe.id()))
                .extracting(Note::body)
                .containsExactly("starts at Acme in May");
        assertThat(reply.plainText()).contains("You now know 1 thing about Zoë Park");
    }

    @Test
    void afterActingOnEveryoneTodayIsCalm() {
        // WHEN Ada marks Marc done and snoozes Zoë and Lee
        fixture.press(ada, button("Marc Kelly", "Done").actionId());
        fixture.press(ada, button("Zoë Park", "Snooze 1 day").actionId());
        fixture.press(ada, button("Lee Chen", "Snooze 1 week").actionId());

        // THEN /today has nothing left for today
        assertThat(fixture.run(ada, "today", "").plainText()).isEqualTo("Nothing due today. Enjoy the calm.");
    }

    private Section section(String name) {
        return digest.sections().stream()
                .filter(s -> s.heading().filter(name::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new AssertionError("No section for " + name + " in " + digest.plainText()));
    }

    private Button button(String name, String label) {
        return section(name).buttons().stream()
                .filter(b -> b.label().equals(label))
                .findFirst()
                .orElseThrow();
    }
}
