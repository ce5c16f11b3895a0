package dev.rapport.app;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.rapport.core.port.DigestOutbox;
import dev.rapport.core.port.Inbox;
import dev.rapport.core.port.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Rapport's Prometheus metrics, through Micrometer: what core tells ({@link Telemetry}) plus gauges read when
 * Prometheus scrapes — the digest backlog, platform pauses — and the JVM's own figures. Names follow Prometheus'
 * conventions once rendered: {@code rapport_commands_seconds_bucket{command="/remember",outcome="ok"}},
 * {@code rapport_digests_sent_total}. Labels are command names, outcomes and platforms only: never a user or a text.
 */
public final class Metrics implements Telemetry, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Clock clock;

    public Metrics(Clock clock) {
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void handled(String command, Outcome outcome, Duration took) {
        Timer.builder("rapport.commands")
                .description("Commands and buttons handled, by name and outcome")
                .tag("command", command)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(took);
    }

    @Override
    public void delivered(String kind, String platform, String outcome) {
        String name = kind.equals("digest") ? "rapport.digests." + outcome : "rapport.round.messages." + outcome;
        Counter.builder(name)
                .description("Outbox messages by what became of them")
                .tag("platform", platform)
                .register(registry)
                .increment();
    }

    @Override
    public void rateLimited(String platform, Duration wait) {
        Counter.builder("rapport.platform.rate.limits")
                .description("Answers of HTTP 429 (rate limited) from a platform")
                .tag("platform", platform)
                .register(registry)
                .increment();
    }

    /** Digests owed and not delivered yet, and how long the oldest has waited. */
    public void watchBacklog(DigestOutbox outbox) {
        Supplier<DigestOutbox.Backlog> backlog = outbox::backlog;
        Gauge.builder("rapport.digests.pending", () -> backlog.get().pending())
                .description("Digests claimed and not delivered yet")
                .register(registry);
        Gauge.builder(
                        "rapport.digests.oldest.pending.age",
                        () -> backlog.get()
                                .oldestClaimedAt()
                                .map(claimed -> Duration.between(claimed, clock.instant())
                                        .toSeconds())
                                .orElse(0L))
                .description("How long the oldest owed digest has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    /** 1 while a platform asked us to wait (Retry-After), else 0. */
    public void watchPause(String platform, Predicate<String> paused) {
        Gauge.builder("rapport.platform.paused", () -> paused.test(platform) ? 1 : 0)
                .description("Whether a platform asked Rapport to wait")
                .tag("platform", platform)
                .register(registry);
    }

    /** Requests written down in the durable inbox and not yet run. */
    public void watchInbox(Inbox inbox) {
        Gauge.builder("rapport.inbox.depth", () -> inbox.pending().size())
                .description("Commands, buttons and modal submissions written down and not yet run")
                .register(registry);
    }

    /** The database pool's connections (PostgreSQL's HikariCP pool): active, idle, total, and threads waiting. */
    public void watchPool(DataSource pool) {
        if (!(pool instanceof HikariDataSource hikari)) {
            return;
        }
        Supplier<HikariPoolMXBean> bean = hikari::getHikariPoolMXBean;
        Gauge.builder("rapport.db.pool.active", () -> bean.get().getActiveConnections())
                .description("Database connections in use")
                .register(registry);
        Gauge.builder("rapport.db.pool.idle", () -> bean.get().getIdleConnections())
                .description("Database connections open and free")
                .register(registry);
        Gauge.builder("rapport.db.pool.total", () -> bean.get().getTotalConnections())
                .description("Database connections open")
                .register(registry);
        Gauge.builder("rapport.db.pool.pending", () -> bean.get().getThreadsAwaitingConnection())
                .description("Threads waiting for a database connection")
                .register(registry);
    }

    /** Any other figure read at scrape time, such as a queue's depth. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
