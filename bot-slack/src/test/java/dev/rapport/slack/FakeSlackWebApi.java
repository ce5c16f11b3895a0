package dev.rapport.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A local stand-in for Slack's Web API, response URLs and file upload URL: records every call and answers with
 * canned JSON shaped like Slack's. Tests await calls with a bounded wait instead of sleeping.
 */
final class FakeSlackWebApi implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Canned>> once = new HashMap<>();
    private final Map<String, Member> members = new HashMap<>();
    private final Set<String> unreachable = new HashSet<>();
    private final Map<String, String> creators = new HashMap<>();
    private final Map<String, List<List<String>>> memberPages = new HashMap<>();
    private final Map<String, List<JsonObject>> history = new HashMap<>();
    private final Map<String, PrivateFile> files = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, Bot> bots = new HashMap<>();
    private final Map<String, String> refusedTokens = new HashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> held = new HashMap<>();
    private int posted;

    /**
     * One recorded request: "chat.postMessage", "response/r1", "upload/…" or "files-pri/…", with its form or JSON
     * body and its headers (names in lower case).
     */
    record Call(String name, String body, Map<String, String> form, Map<String, String> headers) {
        JsonElement formJson(String parameter) {
            String value = form.get(parameter);
            if (value == null) {
                throw new AssertionError(name + " has no parameter " + parameter + ": " + form.keySet());
            }
            return JsonParser.parseString(value);
        }

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The bot token the call carried in its Authorization header, if any. */
        String token() {
            String authorization = headers.getOrDefault("authorization", "");
            return authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()) : "";
        }
    }

    /** What oauth.v2.access answers for one code. */
    private record Grant(String teamId, String teamName, String botToken, String botUserId, String installer) {}

    /** Whose bot a token is, as auth.test tells. */
    private record Bot(String teamId, String botUserId) {}

    private record Canned(int status, Map<String, String> headers, String body) {}

    private record PrivateFile(byte[] content, String contentType, String token) {}

    private record Member(
            String name, String realName, String displayName, String tz, boolean admin, boolean bot, boolean deleted) {}

    private FakeSlackWebApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    static FakeSlackWebApi start() {
        try {
            return new FakeSlackWebApi();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String apiUrl() {
        return base() + "/api/";
    }

    String responseUrl(String name) {
        return base() + "/response/" + name;
    }

    synchronized void member(String id, String name, String realName, String displayName, String tz) {
        members.put(id, new Member(name, realName, displayName, tz, false, false, false));
    }

    /** users.info says this member is a workspace admin. */
    synchronized void admin(String id, String name, String realName, String tz) {
        members.put(id, new Member(name, realName, realName, tz, true, false, false));
    }

    /** users.info says this member is a bot user (another app). */
    synchronized void bot(String id, String name) {
        members.put(id, new Member(name, name, name, "America/Los_Angeles", false, true, false));
    }

    /** users.info says this account was deactivated. */
    synchronized void deactivated(String id, String name) {
        members.put(id, new Member(name, name, name, "Europe/London", false, false, true));
    }

    /** conversations.info names this channel's creator; other channels answer channel_not_found. */
    synchronized void channel(String channelId, String creator) {
        creators.put(channelId, creator);
    }

    /** conversations.members lists the channel in these pages, linked by next_cursor. */
    synchronized void channelMembers(String channelId, List<List<String>> pages) {
        memberPages.put(channelId, List.copyOf(pages));
    }

    /** A message already in a conversation's history (newest last), as conversations.history returns it. */
    synchronized void historyMessage(String channelId, JsonObject message) {
        history.computeIfAbsent(channelId, c -> new ArrayList<>()).add(message);
    }

    /**
     * A file a user uploaded, kept like Slack keeps it: served at the returned url_private_download only to a request
     * with {@code Authorization: Bearer <token>}; any other request is redirected to a sign-in page, as Slack does.
     */
    synchronized String privateFile(String fileId, String name, byte[] content, String contentType, String token) {
        String path = "files-pri/T0RAPPORT1-" + fileId + "/download/" + name;
        files.put(path, new PrivateFile(content, contentType, token));
        return base() + "/" + path;
    }

    /**
     * Slack's side of an install: oauth.v2.access trades {@code code} for this workspace's bot token, and auth.test
     * then says whose the token is.
     */
    synchronized void grant(
            String code, String teamId, String teamName, String botToken, String botUserId, String installer) {
        grants.put(code, new Grant(teamId, teamName, botToken, botUserId, installer));
        bots.put(botToken, new Bot(teamId, botUserId));
    }

    /** Every call made with this token from now on is answered {"ok":false,"error":error}. */
    synchronized void refuseToken(String token, String error) {
        refusedTokens.put(token, error);
    }

    /** The calls named so that carried this token. */
    synchronized List<Call> callsWith(String name, String token) {
        return calls(name).stream().filter(call -> call.token().equals(token)).toList();
    }

    /** conversations.open answers user_not_found for this user. */
    synchronized void unreachable(String userId) {
        unreachable.add(userId);
    }

    /**
     * Calls of {@code method} are recorded at once but answered only after the returned release runs (at most the
     * usual bounded wait), so a test can see what happened before Slack answered.
     */
    synchronized Runnable hold(String method) {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        held.put(method, latch);
        return latch::countDown;
    }

    /** The next call of {@code method} gets this answer; later calls get the usual one. */
    synchronized void answerOnce(String method, int status, Map<String, String> headers, String body) {
        once.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Canned(status, headers, body));
    }

    synchronized List<Call> calls(String name) {
        return calls.stream().filter(call -> call.name().equals(name)).toList();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The first call named so, waiting for it a bounded time. */
    Call await(String name) {
        return await(name, 1);
    }

    /** The {@code count}-th call named so, waiting for it a bounded time. */
    synchronized Call await(String name, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (calls(name).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No call " + count + " of " + name + " within " + WAIT + "; got "
                        + calls.stream().map(Call::name).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return calls(name).get(count - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> form =
                    contentType != null && contentType.startsWith("application/x-www-form") ? form(body) : Map.of();
            String name = path.startsWith("/api/") ? path.substring("/api/".length()) : path.substring(1);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((header, values) -> headers.put(header.toLowerCase(Locale.ROOT), values.get(0)));
            if (name.startsWith("files-pri/")) {
                serveFile(exchange, new Call(name, body, form, Map.copyOf(headers)));
                return;
            }
            Canned answer;
            java.util.concurrent.CountDownLatch hold;
            synchronized (this) {
                answer = answer(name, form, headers);
                // Recorded before it is answered: a caller that has its answer can count on the call being here.
                calls.add(new Call(name, body, form, Map.copyOf(headers)));
                hold = held.get(name);
                notifyAll();
            }
            if (hold != null) {
                try {
                    hold.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers()
                    .forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A private file, recorded before it is sent: a reader may stop early and close the connection. */
    private void serveFile(HttpExchange exchange, Call call) throws IOException {
        PrivateFile file;
        synchronized (this) {
            file = files.get(call.name());
            calls.add(call);
            notifyAll();
        }
        if (file == null || !("Bearer " + file.token()).equals(call.headers().get("authorization"))) {
            exchange.getResponseHeaders().set("Location", base() + "/signin?redir=" + call.name());
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", file.contentType());
        exchange.sendResponseHeaders(200, file.content().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file.content());
        } catch (IOException e) {
            // The reader stopped at its limit and hung up; that is what a limit is for.
        }
    }

    private Canned answer(String name, Map<String, String> form, Map<String, String> headers) {
        Deque<Canned> queued = once.get(name);
        if (queued != null && !queued.isEmpty()) {
            return queued.poll();
        }
        String token = new Call(name, "", form, headers).token();
        if (refusedTokens.containsKey(token)) {
            return ok("{\"ok\":false,\"error\":\"" + refusedTokens.get(token) + "\"}");
        }
        if (name.equals("oauth.v2.access")) {
            return oauthAccess(form.getOrDefault("code", ""));
        }
        if (name.equals("auth.test") && bots.containsKey(token)) {
            Bot bot = bots.get(token);
            return ok(Fixtures.filled(
                    "web-api/auth.test.team.json", Map.of("team_id", bot.teamId(), "bot_user_id", bot.botUserId())));
        }
        if (name.startsWith("response/")) {
            return ok("ok");
        }
        if (name.startsWith("upload/")) {
            return ok("OK - 2048");
        }
        return switch (name) {
            case "auth.test" -> ok(Fixtures.text("web-api/auth.test.json"));
            case "users.info" -> usersInfo(form.getOrDefault("user", ""));
            case "conversations.open" -> conversationsOpen(form.getOrDefault("users", ""));
            case "chat.postMessage" -> chatPostMessage(form);
            case "chat.getPermalink" ->
                ok(Fixtures.filled(
                        "web-api/chat.getPermalink.json",
                        Map.of(
                                "channel",
                                form.getOrDefault("channel", ""),
                                "ts",
                                form.getOrDefault("message_ts", "").replace(".", ""))));
            case "conversations.info" -> conversationsInfo(form.getOrDefault("channel", ""));
            case "conversations.members" ->
                conversationsMembers(form.getOrDefault("channel", ""), form.getOrDefault("cursor", ""));
            case "conversations.history" ->
                conversationsHistory(
                        form.getOrDefault("channel", ""),
                        Integer.parseInt(form.getOrDefault("limit", "100")),
                        "true".equals(form.get("include_all_metadata"))
                                || "1".equals(form.get("include_all_metadata")));
            case "views.publish", "views.open" -> ok(Fixtures.text("web-api/views.json"));
            case "files.getUploadURLExternal" ->
                ok(Fixtures.filled(
                        "web-api/files.getUploadURLExternal.json",
                        Map.of("upload_url", base() + "/upload/F0EXPORT01")));
            case "files.completeUploadExternal" -> ok(Fixtures.text("web-api/files.completeUploadExternal.json"));
            default -> ok("{\"ok\":true}");
        };
    }

    private Canned oauthAccess(String code) {
        Grant grant = grants.get(code);
        if (grant == null) {
            return ok("{\"ok\":false,\"error\":\"invalid_code\"}");
        }
        return ok(Fixtures.filled(
                "web-api/oauth.v2.access.json",
                Map.of(
                        "installer", grant.installer(),
                        "access_token", grant.botToken(),
                        "bot_user_id", grant.botUserId(),
                        "team_id", grant.teamId(),
                        "team_name", grant.teamName())));
    }

    /** Posts like Slack: the message joins the channel's history as the bot's, with its metadata. */
    private Canned chatPostMessage(Map<String, String> form) {
        String channel = form.getOrDefault("channel", "");
        posted++;
        String ts = "1764061200." + String.format("%06d", 300 + posted);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("subtype", "bot_message");
        message.addProperty("text", form.getOrDefault("text", ""));
        message.addProperty("ts", ts);
        message.addProperty("bot_id", "B0BOT00001");
        message.addProperty("user", "U0BOT00001");
        if (form.containsKey("metadata")) {
            message.add("metadata", JsonParser.parseString(form.get("metadata")));
        }
        historyMessage(channel, message);
        return ok(Fixtures.filled("web-api/chat.postMessage.json", Map.of("channel", channel))
                .replace("1764061200.000300", ts));
    }

    private Canned conversationsInfo(String channelId) {
        String creator = creators.get(channelId);
        if (creator == null) {
            return ok(Fixtures.text("web-api/channel_not_found.json"));
        }
        return ok(Fixtures.filled(
                "web-api/conversations.info.json",
                Map.of("channel", channelId, "name", "general", "creator", creator)));
    }

    private Canned conversationsMembers(String channelId, String cursor) {
        List<List<String>> pages = memberPages.get(channelId);
        if (pages == null) {
            return ok(Fixtures.text("web-api/channel_not_found.json"));
        }
        int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor.substring("dXNlcjpV".length()));
        JsonArray ids = new JsonArray();
        pages.get(page).forEach(ids::add);
        String next = page + 1 < pages.size() ? "dXNlcjpV" + (page + 1) : "";
        return ok(Fixtures.filled(
                "web-api/conversations.members.json", Map.of("members", ids.toString(), "next_cursor", next)));
    }

    private Canned conversationsHistory(String channelId, int limit, boolean withMetadata) {
        List<JsonObject> all = history.getOrDefault(channelId, List.of());
        JsonArray newestFirst = new JsonArray();
        for (int i = all.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            JsonObject message = all.get(i).deepCopy();
            if (!withMetadata) {
                message.remove("metadata");
            }
            newestFirst.add(message);
        }
        return ok(Fixtures.filled("web-api/conversations.history.json", Map.of("messages", newestFirst.toString())));
    }

    private Canned usersInfo(String userId) {
        Member member = members.get(userId);
        if (member == null) {
            return ok(Fixtures.text("web-api/user_not_found.json"));
        }
        return ok(Fixtures.filled(
                "web-api/users.info.json",
                Map.of(
                        "id", userId,
                        "name", member.name(),
                        "real_name", member.realName(),
                        "display_name", member.displayName(),
                        "tz", member.tz(),
                        "is_admin", String.valueOf(member.admin()),
                        "is_owner", "false",
                        "is_bot", String.valueOf(member.bot()),
                        "deleted", String.valueOf(member.deleted()))));
    }

    private Canned conversationsOpen(String userId) {
        if (unreachable.contains(userId)) {
            return ok(Fixtures.text("web-api/user_not_found.json"));
        }
        return ok(Fixtures.filled("web-api/conversations.open.json", Map.of("channel", "D" + userId.substring(1))));
    }

    private static Canned ok(String body) {
        return new Canned(200, Map.of(), body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
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
