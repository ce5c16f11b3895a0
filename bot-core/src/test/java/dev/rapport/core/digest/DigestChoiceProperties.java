package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.FollowUpStatus;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.port.Storage;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's choice for the sweep ({@link dev.rapport.core.port.DigestReads#choose}, one query for many users) is
 * exactly the in-memory planner's choice ({@link DigestPlanner#plan}, one user through the per-user stores) on random
 * circles: follow-ups open and closed, rhythms of every cadence, yearly dates with lead days (29 February included),
 * intro check-ins, notes of every kind with answered questions and more than the newest twenty, ties everywhere.
 */
@StorageSuite
class DigestChoiceProperties {
    private static final int TRIES = 60;
    private static final LocalDate[] AROUND = {
        LocalDate.of(2026, 11, 25), LocalDate.of(2028, 2, 27), LocalDate.of(2027, 2, 26), LocalDate.of(2026, 12, 30)
    };
    private static final String[] NAMES = {
        "Marc", "marcel", "Zoë", "Ørsted", "李", "Anne-Marie", "emoji 🎉", "Al", "al b", "Bo", "Éva", "Nguyễn", "Z", "a"
    };
    private static final Cadence[] CADENCES = {
        Cadence.every(1, ChronoUnit.DAYS),
        Cadence.every(3, ChronoUnit.DAYS),
        Cadence.every(1, ChronoUnit.WEEKS),
        Cadence.every(2, ChronoUnit.WEEKS),
        Cadence.every(1, ChronoUnit.MONTHS),
        Cadence.every(2, ChronoUnit.MONTHS),
        Cadence.every(1, ChronoUnit.YEARS),
        Cadence.weekly(DayOfWeek.FRIDAY)
    };
    private static final String[] LABELS = {"birthday", "anniversary", "name day"};

    @TempDir
    Path folder;

    private DigestFixture fixture;
    private Storage storage;
    private DigestPlanner planner;
    private final AtomicInteger people = new AtomicInteger();

    @BeforeEach
    void open() {
        fixture = new DigestFixture(
                folder, LocalDate.of(2026, 11, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        storage = fixture.storage;
        planner = new DigestPlanner(
                storage.contacts(),
                storage.followUps(),
                new ContactContext(storage.notes()),
                storage.intros()::checkInsDue,
                owner -> storage.digestReads().yearlyDates(Set.of(owner)).getOrDefault(owner, List.of()));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theStoreChoosesWhatThePlannerChoosesForEveryUserAtOnce() {
        qt().withExamples(TRIES).forAll(longs().all()).checkAssert(seed -> {
            // GIVEN a few users with random circles, each on a date of their own
            Random random = new Random(seed);
            Map<User, LocalDate> dates = new LinkedHashMap<>();
            int users = 1 + random.nextInt(4);
            for (int u = 0; u < users; u++) {
                LocalDate date = AROUND[random.nextInt(AROUND.length)].plusDays(random.nextInt(5));
                dates.put(circle(random, date), date);
            }

            // WHEN the store chooses for all of them in one go
            Map<Long, Digest> together = DigestPlanner.planAll(dates, storage.digestReads());

            // THEN each digest is the one the planner makes for that user alone: items, order, context, count
            dates.forEach((user, date) -> assertThat(together.get(user.id()))
                    .as("user %d on %s (seed %d)", user.id(), date, seed)
                    .isEqualTo(planner.plan(user, date)));
        });
    }

    /** A new user with a random circle around {@code date}. */
    private User circle(Random random, LocalDate date) {
        int max = 1 + random.nextInt(6);
        User user = fixture.user("p" + people.incrementAndGet(), "UTC", s -> s.withMaxItems(max));
        Instant now = fixture.now();
        int contacts = random.nextInt(12);
        for (int k = 0; k < contacts; k++) {
            String name = NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : " " + k);
            if (storage.contacts().all(user.id()).stream()
                    .anyMatch(c -> Names.fold(c.name()).equals(Names.fold(name)))) {
                continue;
            }
            Contact contact = fixture.contact(user, name);
            if (random.nextInt(10) < 6) {
                Cadence cadence = CADENCES[random.nextInt(CADENCES.length)];
                Optional<LocalDate> last =
                        random.nextBoolean() ? Optional.of(date.minusDays(random.nextInt(90))) : Optional.empty();
                Optional<Initiator> initiator = last.isPresent() && random.nextBoolean()
                        ? Optional.of(random.nextBoolean() ? Initiator.ME : Initiator.THEM)
                        : Optional.empty();
                // Lapses a few days apart, so that equal lateness (and equal lapse days) often ties.
                LocalDate next = date.plusDays(random.nextInt(8) * (random.nextBoolean() ? -7 : -1) + 2);
                contact = new Contact(
                        contact.id(),
                        contact.ownerId(),
                        contact.name(),
                        contact.platformUserId(),
                        contact.howMet(),
                        Optional.of(cadence),
                        Optional.of(next),
                        last,
                        initiator,
                        contact.createdAt());
                storage.contacts().update(contact);
            }
            if (random.nextInt(10) < 5) {
                Optional<String> reason = random.nextBoolean() ? Optional.of("the job offer") : Optional.empty();
                FollowUp followUp = storage.followUps()
                        .schedule(user.id(), contact.id(), date.plusDays(random.nextInt(12) - 8), reason, now);
                if (random.nextInt(5) == 0) {
                    storage.followUps().close(user.id(), followUp.id(), FollowUpStatus.DONE, now);
                }
            }
            if (random.nextInt(10) < 3) {
                int dates = 1 + random.nextInt(2);
                for (int d = 0; d < dates; d++) {
                    MonthDay day = random.nextInt(6) == 0
                            ? MonthDay.of(2, 29)
                            : MonthDay.from(date.plusDays(random.nextInt(16) - 4));
                    Optional<Integer> year =
                            random.nextBoolean() ? Optional.of(1980 + random.nextInt(40)) : Optional.empty();
                    storage.yearlyDates()
                            .put(YearlyDate.of(
                                    user.id(), contact.id(), LABELS[random.nextInt(LABELS.length)], day, year));
                }
            }
            notes(random, user, contact, now);
        }
        if (random.nextBoolean()) {
            storage.yearlyDates().setDaysBefore(user.id(), random.nextInt(8));
        }
        int intros = random.nextInt(3);
        for (int i = 0; i < intros; i++) {
            Intro intro = storage.intros()
                    .create(new Intro(
                            0,
                            new ChannelKey(DigestFixture.PLATFORM, "T1", "C1"),
                            user.id(),
                            user.displayName(),
                            new Person("UA" + i, "Ana " + i),
                            new Person("UB" + i, "Ben " + i),
                            "you both sail",
                            now,
                            date.plusDays(random.nextInt(10) - 6),
                            Intro.CheckIn.OPEN));
            if (random.nextInt(4) == 0) {
                storage.intros().updateCheckIn(user.id(), intro.id(), Intro.CheckIn.CONNECTED, date);
            }
        }
        return fixture.reload(user);
    }

    /** Notes of every kind, sometimes more than the newest twenty the context line is chosen from. */
    private void notes(Random random, User user, Contact contact, Instant now) {
        int count = random.nextInt(8) == 0 ? 19 + random.nextInt(6) : random.nextInt(4);
        NoteKind[] kinds = NoteKind.values();
        for (int n = 0; n < count; n++) {
            // Long runs of one kind push an older open question out of the newest twenty.
            NoteKind kind = count > 18 && n > 1 ? NoteKind.SNOOZED : kinds[random.nextInt(kinds.length)];
            Note note = storage.notes()
                    .add(user.id(), contact.id(), kind, "note " + n + " about\n" + contact.name(), List.of(), now);
            if (kind == NoteKind.QUESTION && random.nextInt(3) == 0) {
                storage.notes().answer(user.id(), note.id(), Optional.of("fine"), now);
            }
        }
    }
}
