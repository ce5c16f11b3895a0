package dev.rapport.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpFrontTest {
    HttpFront front;
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    List<Socket> sockets = new ArrayList<>();
    HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        logged.start();
        ((Logger) LoggerFactory.getLogger(RefusalLog.class)).addAppender(logged);
        front = HttpFront.create(
                        HttpFront.Settings.on("127.0.0.1", 0).withMaxThreads(8).withIdleTimeout(Duration.ofSeconds(30)))
                .route("/echo", request -> HttpAnswer.text(200, "got " + request.body().length))
                .route(
                        "/signed",
                        request -> request.header("X-Sig").isPresent()
                                ? HttpAnswer.text(200, "ok")
                                : HttpAnswer.refused(401, "unsigned"))
                .start();
    }

    @AfterEach
    void stop() throws IOException {
        ((Logger) LoggerFactory.getLogger(RefusalLog.class)).detachAppender(logged);
        for (Socket socket : sockets) {
            socket.close();
        }
        front.close();
    }

    Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", front.port());
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + path))
                        .timeout(Duration.ofSeconds(5))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    @Test
    void connectionsThatStallInTheirHeadersOrBodyDoNotBlockOtherRequests() throws Exception {
        // GIVEN more stalled peers than the front has threads: some stop mid-headers, some mid-body
        for (int i = 0; i < 12; i++) {
            OutputStream out = open().getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Le".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        for (int i = 0; i < 12; i++) {
            OutputStream out = open().getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten.."
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        // WHEN well-behaved requests arrive meanwhile
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(post("/echo", "hello").statusCode());
        }

        // THEN every one is served
        assertThat(statuses).containsOnly(200).hasSize(20);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        // GIVEN a peer announcing 10 MiB
        Socket socket = open();
        socket.getOutputStream()
                .write(("POST /signed HTTP/1.1\r\nHost: x\r\nContent-Length: " + (10 << 20) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));

        // THEN it is answered 413 without the front waiting for the body, and one short line is logged
        assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 Payload Too Large");
        assertThat(logged.list)
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .startsWith("Refused POST /signed from 127.0.0.1: 413")
                        .doesNotContain("\n"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        Socket socket = open();
        OutputStream out = socket.getOutputStream();
        out.write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        CompletableFuture<String> status = CompletableFuture.supplyAsync(() -> {
            try {
                return statusLine(socket);
            } catch (IOException e) {
                return e.toString();
            }
        });
        try {
            for (int i = 0; i < 20 && !status.isDone(); i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException closedByTheFront) {
            // The front may close the connection once it has answered.
        }

        assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo("HTTP/1.1 413 Payload Too Large");
    }

    @Test
    void aRefusalByARouteIsAnsweredAndLoggedOnOneLineWithoutTheBody() throws Exception {
        HttpResponse<String> response = post("/signed", "secret body\nForged: line");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(logged.list)
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .isEqualTo("Refused POST /signed from 127.0.0.1: 401 unsigned")
                        .doesNotContain("secret"));
        assertThat(post("/nowhere", "x").statusCode()).isEqualTo(404);
    }

    @Test
    void refusalsAreRateLimitedAndStrippedOfControlCharacters() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        RefusalLog log = new RefusalLog(clock, 20);

        int written = 0;
        for (int i = 0; i < 1000; i++) {
            written += log.refused("POST", "/slack/events\nFAKE LINE", "10.0.0." + i, 401, "bad signature") ? 1 : 0;
        }

        assertThat(written).isEqualTo(20);
        assertThat(logged.list)
                .hasSize(20)
                .allSatisfy(event -> assertThat(event.getFormattedMessage())
                        .doesNotContain("\n")
                        .contains("/slack/events?FAKE LINE"));
        assertThat(RefusalLog.clean("x".repeat(500))).hasSizeLessThan(90);
    }

    @Test
    void aStopFinishesTheRequestInFlightAndRefusesNewOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        front.route("/slow", request -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return HttpAnswer.text(200, "finished");
        });
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/slow", "x");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(front::close);
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("finished");
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(CompletableFuture.supplyAsync(() -> {
                            try {
                                return post("/echo", "x").statusCode();
                            } catch (Exception refused) {
                                return -1;
                            }
                        })
                        .get(10, TimeUnit.SECONDS))
                .isNotEqualTo(200);
    }

    @Test
    void aRequestInFlightKeepsItsConnectionWhileTheStopClosesIdleOnes() throws Exception {
        // GIVEN a kept-alive connection with nothing on it, and a request in flight on another
        Socket idle = open();
        OutputStream out = idle.getOutputStream();
        out.write("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\n\r\nx"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(statusLine(idle)).isEqualTo("HTTP/1.1 200 OK");
        readRestOfResponse(idle);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        front.route("/slow", request -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return HttpAnswer.text(200, "finished");
        });
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/slow", "x");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        // WHEN the front stops
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(front::close);

        // THEN the idle connection is closed without waiting out a second or the grace period (its read ends)...
        assertThat(idle.getInputStream().read()).isEqualTo(-1);
        assertThat(stopping).isNotDone();
        // ...while the request in flight, as idle on its connection all that time, still gets its answer
        release.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("finished");
        stopping.get(10, TimeUnit.SECONDS);
    }

    /** Reads the headers and the Content-Length body of a response whose status line was read. */
    static void readRestOfResponse(Socket socket) throws IOException {
        int length = 0;
        String line;
        while (!(line = statusLine(socket)).isEmpty()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        assertThat(socket.getInputStream().readNBytes(length)).hasSize(length);
    }
}
