package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.DigestDays;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.Storage;
import dev.rapport.core.time.Reading;
import dev.rapport.core.time.WeekDays;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chosen digest days are kept by the store and decide which local dates the outbox claims a digest for. */
@StorageSuite
class DigestDaysStoresTest {
    static final Set<String> SLACK = Set.of("slack");

    @TempDir
    Path folder;

    OpenStorage store;
    Storage storage;

    @BeforeEach
    void open() {
        store = TestStorage.open(folder);
        storage = store.storage();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "days \"{0}\": a digest on {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # days        | date       | claimed
            mon,wed,fri   | 2026-11-25 | true
            mon,wed,fri   | 2026-11-24 | false
            mon,wed,fri   | 2026-11-29 | false
            weekends      | 2026-11-28 | true
            weekends      | 2026-11-27 | false
            tue-thu       | 2026-11-26 | true
            sun           | 2026-11-29 | true
            sun           | 2026-11-30 | false
            weekdays      | 2026-11-27 | true
            weekdays      | 2026-11-28 | false
            every day     | 2026-11-28 | true
            """)
    void chosenDaysAreKeptAndOnlyThoseDatesGetADigest(String typed, LocalDate date, boolean claimed) {
        // GIVEN a user whose digest comes on the chosen days, at 9:00 UTC
        DigestDays days = ((Reading.Ok<DigestDays>) WeekDays.read(typed)).value();
        User user = storage.users()
                .findOrCreate(
                        new UserKey("slack", "T1", "U1"),
                        "Ana",
                        Settings.defaults(ZoneId.of("UTC"), true),
                        Instant.parse("2026-11-01T00:00:00Z"));
        storage.users().saveSettings(user.id(), user.settings().withDigestDays(days));
        Instant nine = date.atTime(9, 0).toInstant(ZoneOffset.UTC);

        // WHEN the outbox claims the digests due at 9:00 that date
        int count = storage.digestOutbox().claim(ZoneId.of("UTC"), date, LocalTime.of(9, 0), SLACK, nine);

        // THEN the days read back as chosen, and the date is claimed only if it is one of them
        assertThat(storage.users().byId(user.id()).orElseThrow().settings().digestDays())
                .isEqualTo(days);
        assertThat(count).isEqualTo(claimed ? 1 : 0);
        assertThat(storage.digestOutbox().due(SLACK, nine, new Lease("test", nine.plusSeconds(60)), 10))
                .hasSize(claimed ? 1 : 0);
    }
}
