package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.port.DigestReads.YearlyDue;
import dev.rapport.core.port.Storage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of the import, yearly-date and calendar stores, scoped by owner, on the module's real store. */
@StorageSuite
class ExchangeStoresTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;

    OpenStorage store;
    Storage storage;
    User alice;
    User bob;

    @BeforeEach
    void open() {
        store = TestStorage.open(folder);
        storage = store.storage();
        alice = user("alice");
        bob = user("bob");
    }

    @AfterEach
    void close() {
        store.close();
    }

    User user(String name) {
        return storage.users()
                .findOrCreate(
                        new UserKey("console", "local", name), name, Settings.defaults(ZoneId.of("UTC"), false), NOW);
    }

    Contact contact(User owner, String name) {
        return storage.contacts().create(Contact.newContact(owner.id(), name, Optional.empty(), Optional.empty(), NOW));
    }

    @Test
    void emailsAreLowerCasedKeptOnceAndOnlyForTheOwnersContacts() {
        Contact marc = contact(alice, "Marc");
        Contact bobs = contact(bob, "Zed");
        storage.emails().add(alice.id(), marc.id(), " Marc@Example.com ");
        storage.emails().add(alice.id(), marc.id(), "marc@example.com");
        storage.emails().add(alice.id(), marc.id(), "m@work.example");
        storage.emails().add(alice.id(), bobs.id(), "stolen@example.com");

        assertThat(storage.emails().all(alice.id()))
                .isEqualTo(Map.of(marc.id(), List.of("marc@example.com", "m@work.example")));
        assertThat(storage.emails().all(bob.id())).isEmpty();
        storage.contacts().delete(alice.id(), marc.id());
        assertThat(storage.emails().all(alice.id())).isEmpty();
    }

    @Test
    void yearlyDatesReplaceTheSameLabelAndStayWithTheirOwner() {
        Contact marc = contact(alice, "Marc");
        YearlyDate birthday = storage.yearlyDates()
                .put(YearlyDate.of(alice.id(), marc.id(), "birthday", MonthDay.of(3, 12), Optional.empty()));
        storage.yearlyDates()
                .put(YearlyDate.of(alice.id(), marc.id(), "birthday", MonthDay.of(3, 13), Optional.of(1990)));
        storage.yearlyDates()
                .put(YearlyDate.of(alice.id(), marc.id(), "anniversary", MonthDay.of(6, 1), Optional.empty()));

        assertThat(storage.yearlyDates().forContact(alice.id(), marc.id()))
                .containsExactly(
                        YearlyDate.of(alice.id(), marc.id(), "anniversary", MonthDay.of(6, 1), Optional.empty())
                                .withId(storage.yearlyDates()
                                        .forContact(alice.id(), marc.id())
                                        .get(0)
                                        .id()),
                        new YearlyDate(
                                birthday.id(),
                                alice.id(),
                                marc.id(),
                                "birthday",
                                MonthDay.of(3, 13),
                                Optional.of(1990)));
        assertThat(storage.yearlyDates().all(bob.id())).isEmpty();
        assertThat(storage.yearlyDates().forContact(bob.id(), marc.id())).isEmpty();
        assertThatThrownBy(() -> storage.yearlyDates()
                        .put(YearlyDate.of(bob.id(), marc.id(), "birthday", MonthDay.of(1, 1), Optional.empty())))
                .isInstanceOf(RuntimeException.class);
        assertThat(storage.yearlyDates().all(alice.id())).hasSize(2);
    }

    @Test
    void leadDaysAreEachOwnersAndTheBulkReadCarriesThem() {
        Contact marc = contact(alice, "Marc");
        Contact zed = contact(bob, "Zed");
        storage.yearlyDates()
                .put(YearlyDate.of(alice.id(), marc.id(), "birthday", MonthDay.of(3, 12), Optional.empty()));
        storage.yearlyDates().put(YearlyDate.of(bob.id(), zed.id(), "birthday", MonthDay.of(4, 1), Optional.empty()));
        storage.yearlyDates().setDaysBefore(alice.id(), 3);

        assertThat(storage.yearlyDates().daysBefore(alice.id())).isEqualTo(3);
        assertThat(storage.yearlyDates().daysBefore(bob.id())).isZero();
        Map<Long, List<YearlyDue>> due = storage.digestReads().yearlyDates(Set.of(alice.id()));
        assertThat(due).containsOnlyKeys(alice.id());
        assertThat(due.get(alice.id())).singleElement().satisfies(d -> {
            assertThat(d.contact().name()).isEqualTo("Marc");
            assertThat(d.date().day()).isEqualTo(MonthDay.of(3, 12));
            assertThat(d.daysBefore()).isEqualTo(3);
        });
    }

    @Test
    void pendingImportsAreTheOwnersOnlyAndExpire() {
        long id = storage.pendingImports().put(alice.id(), "a.vcf", "BEGIN:VCARD", NOW);

        assertThat(storage.pendingImports().find(bob.id(), id)).isEmpty();
        assertThat(storage.pendingImports().delete(bob.id(), id)).isFalse();
        assertThat(storage.pendingImports().find(alice.id(), id)).hasValueSatisfying(p -> {
            assertThat(p.fileName()).isEqualTo("a.vcf");
            assertThat(p.content()).isEqualTo("BEGIN:VCARD");
        });
        assertThat(storage.pendingImports().deleteBefore(alice.id(), NOW)).isZero();
        assertThat(storage.pendingImports().deleteBefore(alice.id(), NOW.plusSeconds(1)))
                .isEqualTo(1);
        assertThat(storage.pendingImports().find(alice.id(), id)).isEmpty();
    }

    @Test
    void aCalendarFeedIsFoundByItsHashOnlyAndCanBeRevoked() {
        storage.calendarFeeds().put(alice.id(), "hash-a", NOW);
        storage.calendarFeeds().put(bob.id(), "hash-b", NOW);
        storage.calendarFeeds().put(alice.id(), "hash-a2", NOW);

        assertThat(storage.calendarFeeds().ownerOf("hash-a")).isEmpty();
        assertThat(storage.calendarFeeds().ownerOf("hash-a2")).contains(alice.id());
        assertThat(storage.calendarFeeds().ownerOf("hash-b")).contains(bob.id());
        assertThat(storage.calendarFeeds().delete(alice.id())).isTrue();
        assertThat(storage.calendarFeeds().delete(alice.id())).isFalse();
        assertThat(storage.calendarFeeds().has(alice.id())).isFalse();
        assertThat(storage.calendarFeeds().has(bob.id())).isTrue();
    }
}
