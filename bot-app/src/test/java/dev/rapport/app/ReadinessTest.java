package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    @Test
    void readyOnlyWhenTheDatabaseMigrationsAndEveryAdapterAre() {
        AtomicBoolean slack = new AtomicBoolean(true);
        Readiness readiness = new Readiness(() -> true, () -> true).adapter("slack", slack::get);

        assertThat(readiness.check().status()).isEqualTo(200);
        slack.set(false);
        Readiness.Answer answer = readiness.check();
        assertThat(answer.ready()).isFalse();
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.lines()).containsExactly("database ok", "migrations ok", "slack not ready");
    }

    @Test
    void aCheckThatFailsCountsAsNotReady() {
        Readiness readiness = new Readiness(
                () -> {
                    throw new IllegalStateException("connection refused");
                },
                () -> true);

        assertThat(readiness.check().lines()).containsExactly("database not ready", "migrations ok");
        assertThat(readiness.check().status()).isEqualTo(503);
    }
}
