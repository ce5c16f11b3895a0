package dev.rapport.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DigestOutbox.Pending;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.Storage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Four instances (each with its own pool) take due digests from one PostgreSQL database at the same moment, in
 * small batches: FOR UPDATE SKIP LOCKED plus the lease means every digest is taken by exactly one of them.
 */
class ConcurrentTakesTest {
    static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    static final Set<String> SLACK = Set.of("slack");
    static final int USERS = 400;

    @Test
    void instancesTakingAtOnceNeverTakeTheSameDigest() throws Exception {
        String url = PostgresTestStorage.freshDatabase();
        List<Database> pools = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                pools.add(PostgresTestStorage.open(url));
            }
            Storage first = PostgresStorage.over(pools.get(0));
            for (int i = 0; i < USERS; i++) {
                first.users()
                        .findOrCreate(
                                new UserKey("slack", "T1", "U" + i),
                                "u" + i,
                                Settings.defaults(ZoneId.of("UTC"), true),
                                NINE);
            }
            assertThat(first.digestOutbox()
                            .claim(ZoneId.of("UTC"), LocalDate.of(2026, 11, 25), LocalTime.of(9, 0), SLACK, NINE))
                    .isEqualTo(USERS);

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(pools.size());
            List<Future<List<Long>>> taken = new ArrayList<>();
            for (int i = 0; i < pools.size(); i++) {
                Storage instance = PostgresStorage.over(pools.get(i));
                Lease lease = new Lease("instance-" + i, NINE.plusSeconds(120));
                Callable<List<Long>> work = () -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    List<Pending> batch;
                    do {
                        batch = instance.digestOutbox().due(SLACK, NINE, lease, 7);
                        for (Pending pending : batch) {
                            mine.add(pending.entryId());
                            // Marking sent releases the row, as delivery does; it is then no longer due.
                            instance.digestOutbox().sent(pending.claim(), NINE);
                        }
                    } while (!batch.isEmpty());
                    return mine;
                };
                taken.add(threads.submit(work));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : taken) {
                all.addAll(future.get());
            }
            threads.shutdown();

            assertThat(all).hasSize(USERS);
            assertThat(new HashSet<>(all)).hasSize(USERS);
            assertThat(first.digestOutbox().takeovers()).isZero();
        } finally {
            pools.forEach(Database::close);
        }
    }
}
