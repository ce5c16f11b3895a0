package dev.rapport.http;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rapport's one HTTP server (Jetty): routes mounted by path, a bind address, idle and read timeouts (a connection
 * that stalls holds no thread while it sends its headers, and is dropped when it stalls longer than the timeout), a
 * bounded thread pool and queue, a body limit (413), one short rate-limited log line per refused request, and a
 * graceful stop that finishes in-flight requests within a grace period and refuses new ones.
 */
public final class HttpFront implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpFront.class);

    private static final Duration SHUTDOWN_IDLE = Duration.ofMillis(50);

    private final Settings settings;
    private final Server server;
    private final ServerConnector connector;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, Route> prefixes = new ConcurrentHashMap<>();
    private final RefusalLog refusals;
    private final ThreadPoolExecutor work;

    /** How the front listens and what it accepts. */
    public record Settings(
            String host,
            int port,
            int maxBodyBytes,
            int maxThreads,
            int maxQueued,
            Duration idleTimeout,
            Duration stopGrace) {
        /** 127.0.0.1 behind a proxy unless HOST says otherwise; 1 MiB bodies; 16 threads; 10 s idle; 8 s grace. */
        public static Settings on(String host, int port) {
            return new Settings(host, port, 1 << 20, 16, 256, Duration.ofSeconds(10), Duration.ofSeconds(8));
        }

        public Settings withIdleTimeout(Duration timeout) {
            return new Settings(host, port, maxBodyBytes, maxThreads, maxQueued, timeout, stopGrace);
        }

        public Settings withStopGrace(Duration grace) {
            return new Settings(host, port, maxBodyBytes, maxThreads, maxQueued, idleTimeout, grace);
        }

        public Settings withMaxThreads(int threads) {
            return new Settings(host, port, maxBodyBytes, threads, maxQueued, idleTimeout, stopGrace);
        }
    }

    private HttpFront(Settings settings, Clock clock) {
        this.settings = settings;
        this.refusals = new RefusalLog(clock, 20);
        // Jetty's own threads (selector, acceptor, reading) on its pool; the routes' work on a bounded pool and
        // queue of its own, answered 503 when both are full, so no burst can queue without limit.
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, settings.maxThreads()), 2);
        threads.setName("rapport-http-io");
        threads.setDaemon(true);
        this.server = new Server(threads);
        AtomicInteger count = new AtomicInteger();
        this.work = new ThreadPoolExecutor(
                settings.maxThreads(),
                settings.maxThreads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.maxQueued()),
                task -> {
                    Thread thread = new Thread(task, "rapport-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        work.allowCoreThreadTimeOut(true);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(16 * 1024);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        // On stop, a kept-alive connection with no request on it is closed after this (Jetty's default is a second,
        // which every stop then waited out); a request in flight keeps its connection for the whole grace period.
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE.toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new Dispatch());
        server.setHandler(graceful);
        server.setStopTimeout(settings.stopGrace().toMillis());
        server.setStopAtShutdown(false);
    }

    /** A front not started yet: mount its routes, then {@link #start}. */
    public static HttpFront create(Settings settings) {
        return new HttpFront(settings, Clock.systemUTC());
    }

    public static HttpFront create(Settings settings, Clock clock) {
        return new HttpFront(settings, clock);
    }

    /** Serves {@code path} exactly. */
    public HttpFront route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Serves every path under {@code prefix} (ending in '/'). */
    public HttpFront routeUnder(String prefix, Route route) {
        prefixes.put(prefix, route);
        return this;
    }

    public HttpFront start() throws Exception {
        server.start();
        log.info("HTTP front listening on {}:{}", settings.host(), port());
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return settings.host();
    }

    /** Stops taking requests and waits up to the grace period for those in flight. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Stopping the HTTP front failed: {}", e.toString());
        }
        work.shutdown();
    }

    private Optional<Route> find(String path) {
        Route exact = routes.get(path);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prefixes.entrySet().stream()
                .filter(entry -> path.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * Reads the body without holding a thread (a peer that stalls mid-body costs nothing until the idle timeout drops
     * it), then serves the route on the bounded pool.
     */
    private final class Dispatch extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod().toUpperCase(Locale.ROOT);
            String path = request.getHttpURI().getPath();
            String remote = Request.getRemoteAddr(request);
            Optional<Route> route = find(path);
            if (route.isEmpty()) {
                send(response, callback, method, path, remote, HttpAnswer.refused(404, "no such path"));
                return true;
            }
            if (request.getLength() > settings.maxBodyBytes()) {
                send(response, callback, method, path, remote, tooLarge());
                return true;
            }
            Content.Source.asByteArrayAsync(request, settings.maxBodyBytes()).whenComplete((body, failure) -> {
                if (failure != null) {
                    if (!(unwrap(failure) instanceof java.io.IOException)) {
                        // Jetty says "Max size exceeded" when a chunked body grows past the limit.
                        send(response, callback, method, path, remote, tooLarge());
                    } else {
                        // The body did not arrive in time or the peer went away: nothing to answer.
                        refusals.refused(method, path, remote, 408, "body not received");
                        callback.failed(failure);
                    }
                    return;
                }
                try {
                    work.execute(() -> serve(request, response, callback, route.get(), body));
                } catch (RuntimeException rejected) {
                    send(response, callback, method, path, remote, HttpAnswer.refused(503, "busy"));
                }
            });
            return true;
        }

        private void serve(Request request, Response response, Callback callback, Route route, byte[] body) {
            String method = request.getMethod().toUpperCase(Locale.ROOT);
            String path = request.getHttpURI().getPath();
            String remote = Request.getRemoteAddr(request);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getLowerCaseName(), n -> new ArrayList<>())
                        .add(field.getValue());
            }
            HttpAnswer answer;
            try {
                answer = route.serve(
                        new HttpRequest(method, path, request.getHttpURI().getQuery(), headers, body, remote));
            } catch (Exception e) {
                log.error("A route failed on {} {}", RefusalLog.clean(method), RefusalLog.clean(path), e);
                answer = HttpAnswer.text(500, "");
            }
            send(response, callback, method, path, remote, answer);
        }

        private HttpAnswer tooLarge() {
            return HttpAnswer.refused(413, "body over " + settings.maxBodyBytes() + " bytes");
        }

        private void send(
                Response response, Callback callback, String method, String path, String remote, HttpAnswer answer) {
            answer.refusal().ifPresent(reason -> refusals.refused(method, path, remote, answer.status(), reason));
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            }
            answer.headers()
                    .forEach((name, values) ->
                            values.forEach(v -> response.getHeaders().add(name, v)));
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
