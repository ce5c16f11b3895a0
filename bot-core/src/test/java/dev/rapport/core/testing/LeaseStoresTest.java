package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.Round;
import dev.rapport.core.domain.RoundChannel;
import dev.rapport.core.domain.RoundDm;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.DigestOutbox.Pending;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances on one store: outbox rows and jobs are held under leases, a live lease keeps every other
 * instance off, a lapsed one is taken over (and counted), and platform pauses are the store's, not a process's.
 * Time moves on a {@link MutableClock}.
 */
@StorageSuite
class LeaseStoresTest {
    static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Set<String> SLACK = Set.of("slack");

    @TempDir
    Path folder;

    OpenStorage store;
    Storage storage;
    MutableClock clock = new MutableClock(NINE);

    @BeforeEach
    void open() {
        store = TestStorage.open(folder);
        storage = store.storage();
    }

    @AfterEach
    void close() {
        store.close();
    }

    Lease lease(String holder) {
        return new Lease(holder, until());
    }

    Instant until() {
        return clock.instant().plus(LEASE);
    }

    void usersWithDigestsDue(int count) {
        IntStream.range(0, count)
                .forEach(i -> storage.users()
                        .findOrCreate(
                                new UserKey("slack", "T1", "U" + i),
                                "user " + i,
                                Settings.defaults(ZoneId.of("UTC"), true),
                                NINE.minusSeconds(3600)));
        storage.digestOutbox().claim(ZoneId.of("UTC"), WEDNESDAY, LocalTime.of(9, 0), SLACK, NINE);
    }

    List<Pending> due(String holder) {
        return storage.digestOutbox().due(SLACK, clock.instant(), lease(holder), 100);
    }

    @Test
    void twoInstancesNeverTakeTheSameDigests() {
        usersWithDigestsDue(5);

        List<Pending> first = storage.digestOutbox().due(SLACK, NINE, lease("a"), 3);
        List<Pending> second = due("b");

        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2);
        assertThat(second)
                .extracting(Pending::entryId)
                .doesNotContainAnyElementsOf(
                        first.stream().map(Pending::entryId).toList());
        assertThat(due("c")).isEmpty();
        assertThat(storage.digestOutbox().takeovers()).isZero();
    }

    @Test
    void aHolderTakesItsOwnDigestsAgainButNobodyElseDoesUntilTheLeaseEnds() {
        usersWithDigestsDue(2);
        assertThat(due("a")).hasSize(2);

        assertThat(due("a")).hasSize(2);
        clock.advance(LEASE);
        assertThat(due("b")).isEmpty();
        assertThat(storage.digestOutbox().nextAttempt(SLACK, "b")).contains(NINE.plus(LEASE));
        assertThat(storage.digestOutbox().nextAttempt(SLACK, "a")).contains(NINE);
    }

    @Test
    void aDeadInstancesDigestsAreTakenOverAfterItsLeaseAndItCanNoLongerMarkThem() {
        // GIVEN instance a took a digest, marked it as being sent, and died
        usersWithDigestsDue(1);
        Pending taken = due("a").get(0);
        assertThat(taken.maybeSent()).isFalse();
        assertThat(storage.digestOutbox().sending(taken.claim(), NINE, NINE.plus(LEASE)))
                .isTrue();

        // WHEN its lease has run out and instance b looks for due digests
        clock.advance(LEASE.plusSeconds(1));
        List<Pending> takenOver = due("b");

        // THEN b takes it over, knowing it may have been sent, and a (were it only slow) may not send it
        assertThat(takenOver).singleElement().satisfies(p -> {
            assertThat(p.entryId()).isEqualTo(taken.entryId());
            assertThat(p.maybeSent()).isTrue();
        });
        assertThat(storage.digestOutbox().takeovers()).isEqualTo(1);
        assertThat(storage.digestOutbox().sending(taken.claim(), clock.instant(), until()))
                .isFalse();
        assertThat(storage.digestOutbox().sending(takenOver.get(0).claim(), clock.instant(), until()))
                .isTrue();
        assertThat(storage.digestOutbox().sent(takenOver.get(0).claim(), clock.instant()))
                .isTrue();
        assertThat(storage.digestOutbox().find(takenOver.get(0).user().id(), WEDNESDAY))
                .get()
                .extracting(DigestOutbox.Entry::state)
                .isEqualTo(DigestOutbox.State.SENT);
        assertThat(due("c")).isEmpty();
    }

    @Test
    void aSlowHoldersLateMarksOfATakenOverDigestChangeNothingAndTheNewHoldersMarksApply() {
        // GIVEN a took a digest and began sending it, was slow past its lease, and b took it over and began sending
        usersWithDigestsDue(1);
        DigestOutbox outbox = storage.digestOutbox();
        Pending old = due("a").get(0);
        assertThat(outbox.sending(old.claim(), NINE, until())).isTrue();
        clock.advance(LEASE.plusSeconds(1));
        Pending current = due("b").get(0);
        assertThat(current.entryId()).isEqualTo(old.entryId());
        assertThat(outbox.sending(current.claim(), clock.instant(), until())).isTrue();
        long user = current.user().id();

        // WHEN a's answer comes back late, as any of the marks a could make
        Instant late = clock.instant();
        assertThat(outbox.retryAt(old.claim(), late.plusSeconds(30), "slow answer"))
                .isFalse();
        assertThat(outbox.unreachable(old.claim(), "slow answer", late)).isFalse();
        assertThat(outbox.close(old.claim(), DigestOutbox.State.NOTHING_DUE, Optional.empty(), late))
                .isFalse();
        assertThat(outbox.sent(old.claim(), late)).isFalse();
        assertThat(outbox.sending(old.claim(), late, until())).isFalse();
        outbox.release(old.claim());

        // THEN nothing changed: still owed, no attempt counted, no error, still b's, and still marked as maybe sent
        assertThat(outbox.find(user, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(DigestOutbox.State.CLAIMED);
            assertThat(entry.attempts()).isZero();
            assertThat(entry.lastError()).isEmpty();
            assertThat(entry.sentAt()).isEmpty();
        });
        assertThat(due("c")).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        Pending third = due("c").get(0);
        assertThat(third.maybeSent()).isTrue();
        assertThat(outbox.takeovers()).isEqualTo(2);

        // AND the holder's own mark applies, once
        assertThat(outbox.sent(current.claim(), clock.instant())).isFalse();
        assertThat(outbox.sent(third.claim(), clock.instant())).isTrue();
        assertThat(outbox.sent(third.claim(), clock.instant())).isFalse();
        assertThat(outbox.find(user, WEDNESDAY)).get().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(DigestOutbox.State.SENT);
            assertThat(entry.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aDigestTakenAgainByItsOwnHolderIsMarkedOnlyUnderTheNewerClaim() {
        usersWithDigestsDue(1);
        Pending first = due("a").get(0);
        Pending again = due("a").get(0);

        assertThat(storage.digestOutbox().retryAt(first.claim(), NINE.plusSeconds(30), "old claim"))
                .isFalse();
        assertThat(storage.digestOutbox().retryAt(again.claim(), NINE.plusSeconds(30), "rate limited"))
                .isTrue();
        assertThat(storage.digestOutbox().find(again.user().id(), WEDNESDAY))
                .get()
                .satisfies(entry -> assertThat(entry.lastError()).contains("rate limited"));
        assertThat(storage.digestOutbox().takeovers()).isZero();
    }

    @Test
    void aRetriedDigestIsReleasedForAnyInstance() {
        usersWithDigestsDue(1);
        Pending taken = due("a").get(0);
        storage.digestOutbox().retryAt(taken.claim(), NINE.plusSeconds(30), "rate limited");

        clock.advance(Duration.ofSeconds(30));
        assertThat(due("b"))
                .singleElement()
                .satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
        assertThat(storage.digestOutbox().takeovers()).isZero();
    }

    @Test
    void roundMessagesAreLeasedAndTakenOverTheSameWay() {
        RoundChannel channel =
                storage.rounds().ensureChannel(new dev.rapport.core.domain.ChannelKey("slack", "T1", "C1"));
        Round round = storage.rounds().addRound(channel.id(), NINE);
        for (String id : List.of("UA", "UB")) {
            storage.roundOutbox()
                    .schedule(
                            storage.rounds()
                                    .addMatch(round, 0, new Person(id, id))
                                    .id(),
                            RoundDm.Kind.PAIRING,
                            NINE);
        }

        List<RoundDm> first = storage.roundOutbox().due(NINE, lease("a"), 1);
        assertThat(first).hasSize(1);
        assertThat(storage.roundOutbox().sending(first.get(0).claim(), NINE, until()))
                .isTrue();
        assertThat(storage.roundOutbox().due(NINE, lease("b"), 10))
                .singleElement()
                .satisfies(dm -> assertThat(dm.id()).isNotEqualTo(first.get(0).id()));

        clock.advance(LEASE.plusSeconds(1));
        List<RoundDm> takenOver = storage.roundOutbox().due(clock.instant(), lease("c"), 10);
        assertThat(takenOver).hasSize(2);
        assertThat(takenOver)
                .filteredOn(dm -> dm.id() == first.get(0).id())
                .singleElement()
                .satisfies(dm -> assertThat(dm.maybeSent()).isTrue());
        assertThat(storage.roundOutbox().sending(first.get(0).claim(), clock.instant(), until()))
                .isFalse();
    }

    @Test
    void aSlowHoldersLateMarksOfATakenOverRoundMessageChangeNothingAndTheNewHoldersMarksApply() {
        RoundChannel channel =
                storage.rounds().ensureChannel(new dev.rapport.core.domain.ChannelKey("slack", "T1", "C1"));
        Round round = storage.rounds().addRound(channel.id(), NINE);
        storage.roundOutbox()
                .schedule(
                        storage.rounds()
                                .addMatch(round, 0, new Person("UA", "UA"))
                                .id(),
                        RoundDm.Kind.PAIRING,
                        NINE);
        RoundDm old = storage.roundOutbox().due(NINE, lease("a"), 10).get(0);
        assertThat(storage.roundOutbox().sending(old.claim(), NINE, until())).isTrue();
        clock.advance(LEASE.plusSeconds(1));
        RoundDm current =
                storage.roundOutbox().due(clock.instant(), lease("b"), 10).get(0);
        assertThat(current.maybeSent()).isTrue();
        assertThat(storage.roundOutbox().sending(current.claim(), clock.instant(), until()))
                .isTrue();

        // a's late marks change nothing: the message stays b's and owed
        Instant late = clock.instant();
        assertThat(storage.roundOutbox().retryAt(old.claim(), late.plusSeconds(30), "slow answer"))
                .isFalse();
        assertThat(storage.roundOutbox().unreachable(old.claim(), "slow answer", late))
                .isFalse();
        assertThat(storage.roundOutbox().sent(old.claim(), late)).isFalse();
        storage.roundOutbox().release(old.claim());
        assertThat(storage.roundOutbox().due(late, lease("c"), 10)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        RoundDm third =
                storage.roundOutbox().due(clock.instant(), lease("c"), 10).get(0);
        assertThat(third.maybeSent()).isTrue();
        assertThat(third.attempts()).isZero();

        // the holder's own mark applies, and then the message is no longer due for anyone
        assertThat(storage.roundOutbox().sent(current.claim(), clock.instant())).isFalse();
        assertThat(storage.roundOutbox().sent(third.claim(), clock.instant())).isTrue();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(storage.roundOutbox().due(clock.instant(), lease("d"), 10)).isEmpty();
    }

    @Test
    void aJobRunsOnOneInstanceUntilItsLeaseEnds() {
        assertThat(storage.jobs().hold("pairing-rounds", lease("a"), clock.instant()))
                .isTrue();
        assertThat(storage.jobs().hold("pairing-rounds", lease("b"), clock.instant()))
                .isFalse();
        assertThat(storage.jobs().hold("backups", lease("b"), clock.instant())).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(storage.jobs().hold("pairing-rounds", lease("a"), clock.instant()))
                .isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(storage.jobs().hold("pairing-rounds", lease("b"), clock.instant()))
                .isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(storage.jobs().hold("pairing-rounds", lease("b"), clock.instant()))
                .isTrue();
        assertThat(storage.jobs().hold("pairing-rounds", lease("a"), clock.instant()))
                .isFalse();
    }

    @Test
    void aPlatformPauseIsKeptInTheStoreAndNeverShortened() {
        Instant later = NINE.plusSeconds(30);
        storage.pauses().pause("slack", later);
        storage.pauses().pause("slack", NINE.plusSeconds(5));

        assertThat(storage.pauses().pausedUntil("slack")).contains(later);
        assertThat(storage.pauses().pausedUntil("discord")).isEmpty();
        store = store.reopen();
        assertThat(store.storage().pauses().pausedUntil("slack")).contains(later);
        store.storage().pauses().pause("slack", NINE.plusSeconds(60));
        assertThat(store.storage().pauses().pausedUntil("slack")).contains(NINE.plusSeconds(60));
    }
}
