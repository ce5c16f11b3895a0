package dev.rapport.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the benchmarks that run the real jar as child processes in Slack HTTP mode share: the signing secret they
 * give those instances and sign requests with, a free port for each, and waiting until one listens.
 */
final class Instances {
    /** The SLACK_SIGNING_SECRET the children get; requests to them are signed with it. */
    static final String SIGNING_SECRET = "bench-signing-secret-0000000000";

    private Instances() {}

    /** Slack's request signature ({@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}) under the bench's secret. */
    static String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0="
                    + HexFormat.of()
                            .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code child} listens on {@code port}; false if it died or {@code within} passed first. */
    static boolean awaitPort(Process child, int port, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until && child.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }
}
