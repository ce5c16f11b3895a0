package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: the JDK's own HTTP server handing {@code POST /slack/events} to Bolt's {@link App#run}, which checks
 * Slack's signature and timestamp (401 when either is wrong) before any handler runs.
 */
final class SlackHttpServer implements AutoCloseable {
    static final String PATH = "/slack/events";
    private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService threads;

    private SlackHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static SlackHttpServer start(App app, int port) throws IOException {
        SlackRequestParser parser = new SlackRequestParser(app.config());
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4, DaemonThreads.named("rapport-slack-http"));
        server.setExecutor(threads);
        server.createContext(PATH, exchange -> {
            try (exchange) {
                serve(app, parser, exchange);
            } catch (RuntimeException e) {
                log.error("Serving a Slack request failed", e);
            }
        });
        server.start();
        return new SlackHttpServer(server, threads);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void serve(App app, SlackRequestParser parser, HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            write(exchange, 405, "text/plain; charset=utf-8", "POST only");
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                write(exchange, 413, "text/plain; charset=utf-8", "Too large");
                return;
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(exchange.getRequestURI().getPath())
                .queryString(QueryStringParser.toMap(exchange.getRequestURI().getRawQuery()))
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                .build());
        if (request == null) {
            write(exchange, 400, "text/plain; charset=utf-8", "Not a Slack request");
            return;
        }
        Response response;
        try {
            response = app.run(request);
        } catch (Exception e) {
            log.error("Bolt failed on a {} request", request.getRequestType(), e);
            write(exchange, 500, "text/plain; charset=utf-8", "");
            return;
        }
        response.getHeaders()
                .forEach((name, values) ->
                        values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        write(exchange, response.getStatusCode(), response.getContentType(), response.getBody());
    }

    private static void write(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
