package dev.rapport.core.digest;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MONTHS;
import static java.time.temporal.ChronoUnit.WEEKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.User;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.port.DigestReads;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StorageSuite
class DigestPlannerTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path folder;

    private DigestFixture fixture;
    private DigestPlanner planner;
    private DigestReads reads;

    @BeforeEach
    void open() {
        fixture = new DigestFixture(folder, WEDNESDAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
        planner = new DigestPlanner(
                fixture.storage.contacts(),
                fixture.storage.followUps(),
                new ContactContext(fixture.storage.notes()),
                (userId, date) -> List.of());
        reads = fixture.storage.digestReads();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void followUpsComeOldestFirstThenRhythmsMostOverdueForTheirCadenceAndTheRestIsCounted() {
        // GIVEN two follow-ups, three lapsed rhythms, one rhythm not yet due and one follow-up not yet due; max 4
        User ada = fixture.user("ada", "UTC", s -> s.withMaxItems(4));
        fixture.followUp(ada, "Bo", WEDNESDAY);
        fixture.followUp(ada, "Al", WEDNESDAY.minusDays(3));
        fixture.followUp(ada, "Later", WEDNESDAY.plusDays(1));
        fixture.rhythm(ada, "Monthly", Cadence.every(1, MONTHS), WEDNESDAY.minusDays(45), WEDNESDAY.minusDays(15));
        fixture.rhythm(ada, "Weekly", Cadence.every(1, WEEKS), WEDNESDAY.minusDays(12), WEDNESDAY.minusDays(5));
        fixture.rhythm(ada, "Daily", Cadence.every(1, DAYS), WEDNESDAY.minusDays(2), WEDNESDAY.minusDays(1));
        fixture.rhythm(ada, "Not Yet", Cadence.every(1, WEEKS), WEDNESDAY.minusDays(2), WEDNESDAY.plusDays(5));

        // WHEN her digest is planned
        Digest digest = planner.plan(ada, WEDNESDAY);

        // THEN: Al (3 days overdue), Bo (today), Daily (1 day = 1 cadence late), Weekly (5/7 late); Monthly is "+1"
        assertThat(digest.items())
                .extracting(item -> item.contact().name())
                .containsExactly("Al", "Bo", "Daily", "Weekly");
        assertThat(digest.items())
                .extracting(DigestItem::kind)
                .containsExactly(
                        DigestItem.Kind.FOLLOW_UP,
                        DigestItem.Kind.FOLLOW_UP,
                        DigestItem.Kind.RHYTHM,
                        DigestItem.Kind.RHYTHM);
        assertThat(digest.more()).isEqualTo(1);
    }

    @Test
    void aMonthlyRhythmFromTheThirtyFirstComesOnTheLastDayOfFebruary() {
        // GIVEN a monthly rhythm last kept on 31 January 2026 (next: 28 February, the month's last day)
        User ada = fixture.user("ada", "America/Los_Angeles");
        LocalDate jan31 = LocalDate.of(2026, 1, 31);
        fixture.rhythm(
                ada,
                "Marc",
                Cadence.every(1, MONTHS),
                jan31,
                Cadence.every(1, MONTHS).next(jan31));

        // WHEN the digests of 27 February, 28 February and 1 March are planned
        // THEN Marc is first due on 28 February, neither a day early nor skipped to March
        assertThat(planner.plan(ada, LocalDate.of(2026, 2, 27)).isEmpty()).isTrue();
        assertThat(planner.plan(ada, LocalDate.of(2026, 2, 28)).items())
                .singleElement()
                .satisfies(item -> assertThat(item.dueOn()).isEqualTo(LocalDate.of(2026, 2, 28)));
        assertThat(planner.plan(ada, LocalDate.of(2026, 3, 1)).items()).hasSize(1);
    }

    @Test
    void planningManyAtOnceGivesEachUserWhatPlanningThemAloneGives() {
        // GIVEN users on different dates, caps and circles, some with notes and open questions
        User ada = fixture.user("ada", "UTC", s -> s.withMaxItems(2));
        fixture.followUp(ada, "Marc", WEDNESDAY.minusDays(2));
        fixture.run(ada, "remember", "marc ask: how did the move go?");
        fixture.run(ada, "remember", "marc loves sailing");
        fixture.followUp(ada, "Zoë", WEDNESDAY);
        fixture.rhythm(ada, "Lee", Cadence.every(2, WEEKS), WEDNESDAY.minusDays(30), WEDNESDAY.minusDays(16));
        User bo = fixture.user("bo", "Pacific/Chatham", s -> s.withMaxItems(5));
        fixture.followUp(bo, "Marc", WEDNESDAY.plusDays(1));
        fixture.run(bo, "remember", "marc is Bo's Marc, not Ada's");
        fixture.rhythm(bo, "Kim", Cadence.every(1, WEEKS), WEDNESDAY.minusDays(8), WEDNESDAY.minusDays(1));
        User cy = fixture.user("cy", "America/Los_Angeles");
        fixture.followUp(cy, "Someone", WEDNESDAY.plusDays(9));
        Map<User, LocalDate> dates = new LinkedHashMap<>();
        dates.put(ada, WEDNESDAY);
        dates.put(bo, WEDNESDAY.plusDays(1));
        dates.put(cy, WEDNESDAY.minusDays(1));

        // WHEN they are planned together, and one by one
        Map<Long, Digest> together = DigestPlanner.planAll(dates, reads);

        // THEN each gets exactly the same digest, and nobody sees another user's notes
        dates.forEach((user, date) -> assertThat(together.get(user.id())).isEqualTo(planner.plan(user, date)));
        assertThat(together.get(ada.id()).items())
                .extracting(item -> item.context().orElse(""))
                .containsExactly("Ask: how did the move go?", "");
        assertThat(together.get(bo.id()).items())
                .extracting(item -> item.contact().name())
                .containsExactly("Marc", "Kim");
        assertThat(together.get(bo.id()).items().get(0).context()).contains("Last noted: is Bo's Marc, not Ada's");
        assertThat(together.get(cy.id()).isEmpty()).isTrue();
        assertThat(List.copyOf(together.keySet())).containsExactly(ada.id(), bo.id(), cy.id());
    }
}
