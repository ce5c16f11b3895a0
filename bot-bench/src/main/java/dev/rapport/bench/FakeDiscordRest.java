package dev.rapport.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A local stand-in for the two Discord REST routes a direct message takes, on 127.0.0.1: {@code POST
 * /users/@me/channels} (opens the DM channel: its id is the user's id + 1) and {@code POST /channels/{id}/messages}
 * (records the message; a nonce sent with {@code enforce_nonce} that the channel already saw answers the earlier
 * message and posts nothing, as Discord does). Rate limits as Discord documents them
 * (docs.discord.com/developers/topics/rate-limits):
 *
 * <ul>
 *   <li>a global limit of {@code rate} requests a second for the bot (a token bucket holding one second's worth);
 *       beyond it, 429 with {@code X-RateLimit-Global: true}, {@code X-RateLimit-Scope: global}, a whole-second
 *       {@code Retry-After} header and the exact {@code retry_after} in the JSON body;
 *   <li>per-route buckets, told on every answer with {@code X-RateLimit-Bucket}, {@code -Limit}, {@code -Remaining},
 *       {@code -Reset} and {@code -Reset-After}: message sends 5 per 5 s per channel (the top-level resource), DM opens
 *       {@code dmOpensPerSecond} a second for the bot; beyond a bucket, 429 with scope {@code user};
 *   <li>every answer carries {@code Via}, as Discord's do (JDA takes a 429 without it for a Cloudflare ban).
 * </ul>
 *
 * <p>A share {@code faults} of the message sends that got past the limits is answered instead with an injected
 * fault: half a per-route 429 with {@code Retry-After: 1}, a quarter 500, a quarter 503 (JDA retries a 503 itself,
 * not a 500 or a 429 the messenger asks it not to wait out). A faulted send posts nothing.
 */
final class FakeDiscordRest implements AutoCloseable {
    static final long CHANNEL_OFFSET = 1;
    private static final int MESSAGE_LIMIT = 5;
    private static final double MESSAGE_WINDOW_SECONDS = 5;

    private final double rate;
    private final double dmOpensPerSecond;
    private final double faults;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-discord");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random(17);
    /** The run's start, from which the admitted requests of each second are counted. */
    private volatile long startNanos = System.nanoTime();

    // The global token bucket.
    private double tokens;
    private long refilledAt = System.nanoTime();

    /** Per-route windows: bucket hash + major parameter → window. */
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Users (by id) → messages posted to their DM channel. */
    final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();
    /** Channel → nonces it has seen. */
    private final Map<String, Map<String, String>> nonces = new ConcurrentHashMap<>();

    final AtomicLong total = new AtomicLong();
    final AtomicLong admitted = new AtomicLong();
    final AtomicLong globalLimited = new AtomicLong();
    final AtomicLong routeLimited = new AtomicLong();
    final AtomicLong injected429 = new AtomicLong();
    final AtomicLong injected500 = new AtomicLong();
    final AtomicLong injected503 = new AtomicLong();
    final AtomicLong dmOpens = new AtomicLong();
    final AtomicLong messagePosts = new AtomicLong();
    final AtomicLong nonceRepeats = new AtomicLong();
    final AtomicLong other = new AtomicLong();
    /** Requests admitted by the global limit in each second since start (the first hour). */
    final AtomicLongArray admittedPerSecond = new AtomicLongArray(3_600);

    FakeDiscordRest(double rate, double dmOpensPerSecond, double faults) throws IOException {
        // Without it the JDK server's separate header and body writes meet the client's delayed ACK: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.rate = rate;
        this.dmOpensPerSecond = dmOpensPerSecond;
        this.faults = faults;
        this.tokens = rate;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts counting the seconds of the run from now. */
    void begin() {
        startNanos = System.nanoTime();
    }

    /** The REST base URL, as JDA's {@code RestConfig.setBaseUrl} takes it. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** How many of the seconds in [from, to) had at least {@code atLeast} admitted requests. */
    int secondsWith(int from, int to, long atLeast) {
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(to, admittedPerSecond.length()); i++) {
            if (admittedPerSecond.get(i) >= atLeast) {
                n++;
            }
        }
        return n;
    }

    long injected() {
        return injected429.get() + injected500.get() + injected503.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Takes a global token, or answers how many seconds until one is there. */
    private synchronized double takeToken() {
        long now = System.nanoTime();
        tokens = Math.min(rate, tokens + (now - refilledAt) / 1e9 * rate);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (1 - tokens) / rate;
    }

    private synchronized int fault() {
        if (faults <= 0 || random.nextDouble() >= faults) {
            return 0;
        }
        if (random.nextBoolean()) {
            return 429;
        }
        return random.nextBoolean() ? 500 : 503;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String route = path.startsWith("/api/v10/") ? path.substring("/api/v10/".length()) : path;
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            total.incrementAndGet();
            exchange.getResponseHeaders().set("Via", "1.1 google");
            double wait = takeToken();
            if (wait > 0) {
                globalLimited.incrementAndGet();
                exchange.getResponseHeaders().set("X-RateLimit-Global", "true");
                exchange.getResponseHeaders().set("X-RateLimit-Scope", "global");
                exchange.getResponseHeaders().set("Retry-After", Long.toString((long) Math.ceil(wait)));
                write(
                        exchange,
                        429,
                        String.format(
                                Locale.ROOT,
                                "{\"message\":\"You are being rate limited.\",\"retry_after\":%.3f,\"global\":true}",
                                wait));
                return;
            }
            admitted.incrementAndGet();
            long sinceStart = System.nanoTime() - startNanos;
            int second = (int) (sinceStart / 1_000_000_000L);
            if (sinceStart >= 0 && second < admittedPerSecond.length()) {
                admittedPerSecond.incrementAndGet(second);
            }
            if (method.equals("POST") && route.equals("users/@me/channels")) {
                if (!inBucket(exchange, "dm-open", "", dmOpensPerSecond, 1.0)) {
                    return;
                }
                dmOpens.incrementAndGet();
                String user = JsonParser.parseString(body)
                        .getAsJsonObject()
                        .get("recipient_id")
                        .getAsString();
                write(exchange, 200, channel(user));
            } else if (method.equals("POST") && route.startsWith("channels/") && route.endsWith("/messages")) {
                String channel = route.substring("channels/".length(), route.length() - "/messages".length());
                if (!inBucket(exchange, "message-send", channel, MESSAGE_LIMIT, MESSAGE_WINDOW_SECONDS)) {
                    return;
                }
                post(exchange, channel, body);
            } else {
                other.incrementAndGet();
                write(exchange, 404, "{\"message\":\"404: Not Found\",\"code\":0}");
            }
        }
    }

    /** Counts the request in its per-route window and says so in the headers; answers 429 when the window is full. */
    private boolean inBucket(HttpExchange exchange, String hash, String major, double limit, double seconds)
            throws IOException {
        Window window = windows.computeIfAbsent(hash + ":" + major, key -> new Window());
        int max = (int) Math.max(1, Math.floor(limit));
        long windowNanos = (long) (seconds * 1e9);
        int remaining;
        double resetAfter;
        synchronized (window) {
            long now = System.nanoTime();
            if (window.count == 0 || now - window.startedAt >= windowNanos) {
                window.startedAt = now;
                window.count = 0;
            }
            resetAfter = Math.max(0, (window.startedAt + windowNanos - now) / 1e9);
            if (window.count >= max) {
                remaining = -1;
            } else {
                window.count++;
                remaining = max - window.count;
            }
        }
        var headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Bucket", hash);
        headers.set("X-RateLimit-Limit", Integer.toString(max));
        headers.set("X-RateLimit-Remaining", Integer.toString(Math.max(0, remaining)));
        headers.set(
                "X-RateLimit-Reset",
                String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + resetAfter));
        headers.set("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
        if (remaining >= 0) {
            return true;
        }
        routeLimited.incrementAndGet();
        headers.set("X-RateLimit-Scope", "user");
        headers.set("Retry-After", Long.toString((long) Math.ceil(resetAfter)));
        write(
                exchange,
                429,
                String.format(
                        Locale.ROOT,
                        "{\"message\":\"You are being rate limited.\",\"retry_after\":%.3f,\"global\":false}",
                        resetAfter));
        return false;
    }

    private void post(HttpExchange exchange, String channel, String body) throws IOException {
        int fault = fault();
        if (fault == 429) {
            injected429.incrementAndGet();
            exchange.getResponseHeaders().set("X-RateLimit-Scope", "user");
            exchange.getResponseHeaders().set("Retry-After", "1");
            write(exchange, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}");
            return;
        }
        if (fault != 0) {
            (fault == 500 ? injected500 : injected503).incrementAndGet();
            write(exchange, fault, "{\"message\":\"500: Internal Server Error\",\"code\":0}");
            return;
        }
        JsonObject message = JsonParser.parseString(body).getAsJsonObject();
        String nonce = message.has("nonce") ? message.get("nonce").getAsString() : "";
        long id = messagePosts.incrementAndGet();
        String messageId = Long.toString(1_300_000_000_000_000_000L + id);
        if (!nonce.isEmpty()) {
            String earlier = nonces.computeIfAbsent(channel, c -> new ConcurrentHashMap<>())
                    .putIfAbsent(nonce, messageId);
            if (earlier != null) {
                // enforce_nonce: the same nonce again answers the message it made, and posts nothing.
                nonceRepeats.incrementAndGet();
                write(exchange, 200, message(channel, earlier, nonce));
                return;
            }
        }
        String user = Long.toString(Long.parseLong(channel) - CHANNEL_OFFSET);
        deliveries.computeIfAbsent(user, u -> new AtomicLong()).incrementAndGet();
        write(exchange, 200, message(channel, messageId, nonce));
    }

    /** A DM channel as Discord returns it from {@code POST /users/@me/channels}. */
    private static String channel(String user) {
        String id = Long.toString(Long.parseLong(user) + CHANNEL_OFFSET);
        return "{\"id\":\"" + id + "\",\"type\":1,\"last_message_id\":null,\"flags\":0,\"recipients\":[{\"id\":\""
                + user + "\",\"username\":\"user" + user + "\",\"global_name\":null,\"discriminator\":\"0\","
                + "\"avatar\":null,\"public_flags\":0}]}";
    }

    /** A message as Discord returns it from {@code POST /channels/{id}/messages}. */
    private static String message(String channel, String id, String nonce) {
        return "{\"id\":\"" + id + "\",\"type\":0,\"channel_id\":\"" + channel + "\",\"content\":\"\","
                + "\"author\":{\"id\":\"1100000000000000001\",\"username\":\"Rapport\",\"discriminator\":\"0\","
                + "\"avatar\":null,\"bot\":true,\"public_flags\":0},\"attachments\":[],\"embeds\":[],\"mentions\":[],"
                + "\"mention_roles\":[],\"pinned\":false,\"mention_everyone\":false,\"tts\":false,"
                + "\"timestamp\":\"2026-12-04T12:00:00.000000+00:00\",\"edited_timestamp\":null,\"flags\":0,"
                + "\"components\":[],\"nonce\":\"" + nonce + "\"}";
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class Window {
        long startedAt;
        int count;
    }
}
