package dev.rapport.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the few Slack Web API methods that digest delivery uses, on 127.0.0.1: conversations.open,
 * chat.postMessage (records who received which metadata key), conversations.history (returns the DM's messages with
 * their metadata), auth.test, and {"ok":true} for anything else. Optionally a token bucket across all methods that
 * answers 429 with {@code Retry-After: 1} when empty, injected faults on chat.postMessage, and a delay before each
 * chat.postMessage answer (the message is recorded first, as Slack would have posted it whether or not the answer
 * gets back).
 */
final class FakeSlack implements AutoCloseable {
    private static final String BOT_ID = "B0BENCH001";

    /** 0 for no limit. */
    private final double ratePerSecond;

    private final double faultFraction;
    private final long postDelayMillis;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Random random = new Random(11);
    private final long startNanos = System.nanoTime();

    // Token bucket.
    private double tokens;
    private long refilledAt = System.nanoTime();

    /** Recorded deliveries: user id → number of chat.postMessage calls that posted a message. */
    final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();
    /** DM channel → messages posted there, oldest first. */
    private final Map<String, List<JsonObject>> history = new HashMap<>();

    final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    final AtomicLong total = new AtomicLong();
    final AtomicLong admitted = new AtomicLong();
    final AtomicLong limited = new AtomicLong();
    final AtomicLong injected429 = new AtomicLong();
    final AtomicLong injected5xx = new AtomicLong();
    final AtomicLong historyLookups = new AtomicLong();
    final AtomicLong historyHits = new AtomicLong();
    final AtomicLong posts = new AtomicLong();
    /** Nanoseconds since start of the last request of any kind, for the achieved-rate window. */
    final AtomicLong lastRequestNanos = new AtomicLong();
    /** Requests admitted by the limiter in each second since start (the first hour). */
    final java.util.concurrent.atomic.AtomicLongArray admittedPerSecond =
            new java.util.concurrent.atomic.AtomicLongArray(3_600);

    FakeSlack(double ratePerSecond, double faultFraction, long postDelayMillis) throws IOException {
        this(ratePerSecond, faultFraction, postDelayMillis, 4);
    }

    /**
     * @param threads requests answered at once; with a delay each holds one for that long, so this many ÷ the delay
     *     is the most posts a second the fake can take
     */
    FakeSlack(double ratePerSecond, double faultFraction, long postDelayMillis, int threads) throws IOException {
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "fake-slack");
            thread.setDaemon(true);
            return thread;
        });
        // Without it the JDK server's separate header and body writes meet the client's delayed ACK: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.ratePerSecond = ratePerSecond;
        this.faultFraction = faultFraction;
        this.postDelayMillis = postDelayMillis;
        this.tokens = ratePerSecond;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Math.max(50, threads));
        server.setExecutor(this.threads);
        server.createContext("/", this::serve);
        server.start();
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

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    long requests(String method) {
        AtomicLong count = requests.get(method);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private synchronized boolean takeToken() {
        if (ratePerSecond <= 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(ratePerSecond, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private synchronized int fault() {
        if (faultFraction <= 0 || random.nextDouble() >= faultFraction) {
            return 0;
        }
        // Half rate limits with Retry-After, half server errors.
        if (random.nextBoolean()) {
            return 429;
        }
        return random.nextBoolean() ? 500 : 503;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = path.startsWith("/api/") ? path.substring("/api/".length()) : path;
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            total.incrementAndGet();
            lastRequestNanos.set(System.nanoTime() - startNanos);
            requests.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
            if (!takeToken()) {
                limited.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", "1");
                write(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            admitted.incrementAndGet();
            int second = (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
            if (second < admittedPerSecond.length()) {
                admittedPerSecond.incrementAndGet(second);
            }
            String body = switch (method) {
                case "auth.test" ->
                    "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\","
                            + "\"user\":\"rapport\",\"team_id\":\"T1\",\"user_id\":\"U0BOT00001\","
                            + "\"bot_id\":\"" + BOT_ID + "\",\"is_enterprise_install\":false}";
                case "conversations.open" ->
                    "{\"ok\":true,\"no_op\":true,\"already_open\":true,\"channel\":{\"id\":\"D"
                            + form.getOrDefault("users", "") + "\"}}";
                case "chat.postMessage" -> post(exchange, form);
                case "conversations.history" -> history(form);
                default -> "{\"ok\":true}";
            };
            if (body == null) {
                return; // a fault was answered
            }
            write(exchange, 200, body);
        }
    }

    /** Records the message unless a fault is injected; null when the fault was already answered. */
    private String post(HttpExchange exchange, Map<String, String> form) throws IOException {
        int fault = fault();
        if (fault == 429) {
            injected429.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "1");
            write(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return null;
        }
        if (fault != 0) {
            injected5xx.incrementAndGet();
            write(exchange, fault, "{\"ok\":false,\"error\":\"internal_error\"}");
            return null;
        }
        String channel = form.getOrDefault("channel", "");
        long n = posts.incrementAndGet();
        String ts = "1764061200." + String.format("%06d", n);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("subtype", "bot_message");
        message.addProperty("text", "digest");
        message.addProperty("ts", ts);
        message.addProperty("bot_id", BOT_ID);
        if (form.containsKey("metadata")) {
            message.add("metadata", JsonParser.parseString(form.get("metadata")));
        }
        synchronized (history) {
            history.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
        }
        deliveries
                .computeIfAbsent(channel.startsWith("D") ? channel.substring(1) : channel, u -> new AtomicLong())
                .incrementAndGet();
        if (postDelayMillis > 0) {
            try {
                Thread.sleep(postDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":{\"type\":\"message\","
                + "\"subtype\":\"bot_message\",\"text\":\"digest\",\"ts\":\"" + ts + "\",\"bot_id\":\"" + BOT_ID
                + "\"}}";
    }

    private String history(Map<String, String> form) {
        historyLookups.incrementAndGet();
        String channel = form.getOrDefault("channel", "");
        int limit = Integer.parseInt(form.getOrDefault("limit", "100"));
        boolean metadata =
                "true".equals(form.get("include_all_metadata")) || "1".equals(form.get("include_all_metadata"));
        StringBuilder messages = new StringBuilder("[");
        synchronized (history) {
            List<JsonObject> all = history.getOrDefault(channel, List.of());
            if (!all.isEmpty()) {
                // Each user gets one digest a day here, so any message of ours in the DM is the one looked for.
                historyHits.incrementAndGet();
            }
            int added = 0;
            for (int i = all.size() - 1; i >= 0 && added < limit; i--, added++) {
                JsonObject message = all.get(i).deepCopy();
                if (!metadata) {
                    message.remove("metadata");
                }
                messages.append(added == 0 ? "" : ",").append(message);
            }
        }
        return "{\"ok\":true,\"messages\":" + messages.append(']')
                + ",\"has_more\":false,\"response_metadata\":{\"next_cursor\":\"\"}}";
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
