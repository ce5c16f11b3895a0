package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    @Test
    void readyOnlyWhenTheDatabaseAndEveryAdapterAre() {
        AtomicBoolean slack = new AtomicBoolean(true);
        Readiness readiness = new Readiness()
                .with("database", Optional::empty)
                .with("slack", () -> slack.get() ? Optional.empty() : Optional.of("not connected"));

        assertThat(readiness.answer().ready()).isTrue();
        slack.set(false);
        Readiness.Answer answer = readiness.answer();
        assertThat(answer.ready()).isFalse();
        assertThat(answer.lines()).containsExactly("database: ok", "slack: not ready, not connected");
    }

    @Test
    void aCheckThatFailsCountsAsNotReady() {
        Readiness readiness = new Readiness()
                .with("database", () -> {
                    throw new IllegalStateException("connection refused");
                })
                .with("discord", Optional::empty);

        Readiness.Answer answer = readiness.answer();
        assertThat(answer.ready()).isFalse();
        assertThat(answer.lines())
                .containsExactly("database: not ready, its check failed: IllegalStateException", "discord: ok");
    }
}
