package dev.rapport.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's endpoint on {@code RAPPORT_ADMIN_PORT} (bound to {@code RAPPORT_ADMIN_HOST}, 127.0.0.1 unless set):
 * {@code /healthz} (the process is alive), {@code /readyz} (database reachable, migrations current, each adapter
 * connected: 200 or 503, with a line per part) and {@code /metrics} (Prometheus text). It answers GET and HEAD only,
 * reads no request body, and runs on a small pool with a connection limit and short idle timeouts, so a stuck client cannot hold it.
 */
public final class AdminServer implements AutoCloseable {
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_CONNECTIONS = 16;
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    private final Server server;
    private final ServerConnector connector;

    private AdminServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts listening; port 0 picks a free one (tests). */
    public static AdminServer start(String host, int port, Readiness readiness, Metrics metrics) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(12, 2, (int) IDLE.toMillis());
        threads.setName("rapport-admin");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE.toMillis());
        server.addConnector(connector);
        // However many scrapers and probes connect, a handful of connections at a time is all this endpoint takes.
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setHandler(new Routes(readiness, metrics));
        server.setStopTimeout(2_000);
        server.start();
        log.info("Admin endpoint on {}:{} (/healthz, /readyz, /metrics)", host, connector.getLocalPort());
        return new AdminServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Routes extends Handler.Abstract.NonBlocking {
        private final Readiness readiness;
        private final Metrics metrics;

        Routes(Readiness readiness, Metrics metrics) {
            this.readiness = readiness;
            this.metrics = metrics;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
                answer(response, callback, 405, PLAIN_TEXT, "Only GET and HEAD are answered here.\n");
                return true;
            }
            switch (Request.getPathInContext(request)) {
                case "/healthz" -> answer(response, callback, 200, PLAIN_TEXT, "ok\n");
                case "/readyz" -> {
                    Readiness.Answer answer = readiness.answer();
                    answer(response, callback, answer.ready() ? 200 : 503, PLAIN_TEXT, answer.text());
                }
                case "/metrics" -> answer(response, callback, 200, PROMETHEUS_TEXT, metrics.scrape());
                default -> answer(response, callback, 404, PLAIN_TEXT, "Try /healthz, /readyz or /metrics.\n");
            }
            return true;
        }

        private static void answer(Response response, Callback callback, int status, String type, String body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
