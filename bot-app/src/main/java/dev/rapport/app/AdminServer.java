package dev.rapport.app;

import dev.rapport.http.HttpAnswer;
import dev.rapport.http.HttpFront;
import dev.rapport.http.HttpRequest;
import dev.rapport.http.Route;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The operator's endpoint on {@code RAPPORT_ADMIN_PORT} (bound to {@code RAPPORT_ADMIN_HOST}, 127.0.0.1 unless set):
 * {@code /healthz} (the process is alive), {@code /readyz} (database reachable, migrations current, each adapter
 * connected: 200 or 503, with a line per part) and {@code /metrics} (Prometheus text). It is the same hardened
 * {@link HttpFront} as Slack's events (timeouts, bounded work, body limit), on its own port so that it can stay on
 * this machine while the events port faces a proxy. It answers GET and HEAD only.
 */
public final class AdminServer implements AutoCloseable {
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpFront front;

    private AdminServer(HttpFront front) {
        this.front = front;
    }

    /** Starts listening; port 0 picks a free one (tests). */
    public static AdminServer start(String host, int port, Readiness readiness, Metrics metrics) throws Exception {
        HttpFront front = HttpFront.create(
                        HttpFront.Settings.on(host, port).withMaxThreads(4).withStopGrace(Duration.ofSeconds(1)))
                .route("/healthz", reading(() -> HttpAnswer.text(200, "ok\n")))
                .route("/readyz", reading(() -> {
                    Readiness.Answer answer = readiness.answer();
                    return HttpAnswer.text(answer.ready() ? 200 : 503, answer.text());
                }))
                .route("/metrics", reading(() -> HttpAnswer.of(200, PROMETHEUS_TEXT, metrics.scrape())));
        return new AdminServer(front.start());
    }

    private static Route reading(Supplier<HttpAnswer> answer) {
        return (HttpRequest request) ->
                request.method().equals("GET") || request.method().equals("HEAD")
                        ? answer.get()
                        : HttpAnswer.text(405, "Only GET and HEAD are answered here.\n");
    }

    public int port() {
        return front.port();
    }

    @Override
    public void close() {
        front.close();
    }
}
