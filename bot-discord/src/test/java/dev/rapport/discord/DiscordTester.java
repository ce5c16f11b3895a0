package dev.rapport.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.Request;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.entities.EntityBuilder;
import net.dv8tion.jda.internal.entities.SelfUserImpl;
import net.dv8tion.jda.internal.interactions.command.CommandAutoCompleteInteractionImpl;
import net.dv8tion.jda.internal.interactions.command.MessageContextInteractionImpl;
import net.dv8tion.jda.internal.interactions.command.SlashCommandInteractionImpl;
import net.dv8tion.jda.internal.interactions.command.UserContextInteractionImpl;
import net.dv8tion.jda.internal.interactions.components.buttons.ButtonInteractionImpl;
import net.dv8tion.jda.internal.interactions.modal.ModalInteractionImpl;
import net.dv8tion.jda.internal.requests.Requester;
import net.dv8tion.jda.internal.utils.config.AuthorizationConfig;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The JdaTester technique: a real {@link JDAImpl} whose only fake part is the connection. Interactions are built by
 * JDA's own classes from Discord-shaped JSON fixtures (so {@code getOption(..)} runs JDA's parsing), and every
 * request the adapter makes is captured with the JSON body JDA would send. Each interaction gets its own id and token.
 * Interaction callbacks and the interaction webhook (edit, follow-up, delete) are answered with Discord's success;
 * other routes answer with what a test configured, or not at all.
 */
final class DiscordTester {
    static final long APPLICATION_ID = 1100000000000000001L;
    static final int CALLBACK_MESSAGE = 4;
    static final int CALLBACK_DEFERRED_MESSAGE = 5;
    static final int CALLBACK_AUTOCOMPLETE = 8;
    static final int CALLBACK_MODAL = 9;
    static final int EPHEMERAL = 64;
    // JDA schedules each interaction's 15-minute expiry here; nothing runs during a test.
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "discord-tester-timers");
        thread.setDaemon(true);
        return thread;
    });
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    final JDAImpl jda;
    private final List<Request<?>> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong interactions = new AtomicLong(1310000000000000100L);
    private volatile Consumer<Sent> whenSent = sent -> {};

    /** A canned HTTP answer for requests whose route starts with a prefix ("POST users/@me/channels"). */
    record Answer(int code, String body) {}

    /** One request as Discord would receive it. */
    record Sent(String method, String route, DataObject body, Optional<RequestBody> http) {
        boolean isInteractionCallback() {
            return route.contains("/callback");
        }

        /** The message part of the body: an interaction callback wraps it in "data". */
        DataObject message() {
            return isInteractionCallback() ? body.getObject("data") : body;
        }

        int callbackType() {
            return body.getInt("type");
        }

        /** The interaction token in the route of a callback or of the interaction's webhook. */
        String token() {
            String[] parts = route.replaceFirst("\\?.*", "").split("/");
            return parts.length > 2 ? parts[2] : "";
        }

        boolean isWebhook() {
            return route.startsWith("webhooks/");
        }

        /** The custom ids of the message's buttons, row by row. */
        List<String> customIds() {
            List<String> ids = new ArrayList<>();
            DataArray rows = message().optArray("components").orElseGet(DataArray::empty);
            for (int r = 0; r < rows.length(); r++) {
                DataArray buttons = rows.getObject(r).getArray("components");
                for (int b = 0; b < buttons.length(); b++) {
                    ids.add(buttons.getObject(b).getString("custom_id"));
                }
            }
            return ids;
        }

        List<DataObject> embeds() {
            DataArray embeds = message().optArray("embeds").orElseGet(DataArray::empty);
            List<DataObject> all = new ArrayList<>();
            for (int i = 0; i < embeds.length(); i++) {
                all.add(embeds.getObject(i));
            }
            return all;
        }

        /** Every text of the embeds: titles, descriptions, field names and values, footers. */
        String embedText() {
            StringBuilder text = new StringBuilder();
            for (DataObject embed : embeds()) {
                text.append(embed.getString("title", "")).append('\n');
                text.append(embed.getString("description", "")).append('\n');
                DataArray fields = embed.optArray("fields").orElseGet(DataArray::empty);
                for (int i = 0; i < fields.length(); i++) {
                    text.append(fields.getObject(i).getString("name")).append(": ");
                    text.append(fields.getObject(i).getString("value")).append('\n');
                }
                embed.optObject("footer").ifPresent(footer -> text.append(footer.getString("text")));
            }
            return text.toString();
        }

        /** The parts of a multipart body (the JSON payload and any files), as text. */
        List<String> parts() {
            List<String> parts = new ArrayList<>();
            if (http.orElse(null) instanceof MultipartBody multipart) {
                for (MultipartBody.Part part : multipart.parts()) {
                    Buffer buffer = new Buffer();
                    try {
                        part.body().writeTo(buffer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    parts.add(buffer.readUtf8());
                }
            }
            return parts;
        }
    }

    DiscordTester() {
        jda = spy(new JDAImpl(new AuthorizationConfig("test-token-not-a-real-discord-token")));
        SelfUserImpl self = new SelfUserImpl(APPLICATION_ID, jda);
        // Named as Discord names it, so that messages Rapport sent (authored by itself) update it without surprise.
        self.setName("Rapport").setBot(true);
        jda.setSelfUser(self);
        Requester requester = mock(Requester.class);
        doAnswer(invocation -> {
                    Request<?> request = invocation.getArgument(0);
                    requests.add(request);
                    whenSent.accept(sent(request));
                    answer(request);
                    return null;
                })
                .when(requester)
                .request(any());
        doReturn(requester).when(jda).getRequester();
        // The spy's copied fields still point at the original JDAImpl; entities must be built for the spy.
        doReturn(new EntityBuilder(jda)).when(jda).getEntityBuilder();
        doReturn(TIMERS).when(jda).getGatewayPool();
        // No gateway intents, as Rapport runs: a message command's content comes with the interaction regardless.
        doReturn(false).when(jda).isIntent(any(GatewayIntent.class));
        doReturn(TIMERS).when(jda).getRateLimitPool();
        // The interaction webhook answers as Discord does: the message it created or edited, or nothing on delete.
        answer("PATCH webhooks/", 200, "webhook-message.json", Map.of());
        answer("POST webhooks/", 200, "webhook-message.json", Map.of());
        answers.put("DELETE webhooks/", new Answer(204, ""));
    }

    /** Runs {@code check} on each request as it is sent, before Discord answers it. */
    void whenSent(Consumer<Sent> check) {
        whenSent = check;
    }

    /**
     * Whether an answer is shown only to the person who asked: a follow-up says so itself; an edited placeholder is
     * seen as its deferral was.
     */
    boolean isPrivate(Sent answer) {
        if (answer.isInteractionCallback() || !answer.route().contains("/messages/%40original")) {
            return (answer.message().getInt("flags", 0) & EPHEMERAL) != 0;
        }
        String token = answer.token();
        return sent().stream()
                .filter(one -> one.isInteractionCallback() && one.token().equals(token))
                .filter(one -> one.callbackType() == CALLBACK_DEFERRED_MESSAGE)
                .findFirst()
                .map(deferral -> (deferral.body()
                                        .optObject("data")
                                        .map(data -> data.getInt("flags", 0))
                                        .orElse(0)
                                & EPHEMERAL)
                        != 0)
                .orElseThrow(() -> new AssertionError("The edited answer was never deferred"));
    }

    /** A fixture's values with a fresh interaction id and token, unless the test chose them. */
    private Map<String, String> withIdentity(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        long id = interactions.incrementAndGet();
        all.putIfAbsent("interactionId", Long.toString(id));
        all.putIfAbsent("token", "interaction-token-" + id);
        return all;
    }

    /** Makes requests on a route ("POST channels/") answer with a status and a fixture's JSON. */
    void answer(String methodAndRoutePrefix, int code, String fixture, Map<String, String> values) {
        answers.put(methodAndRoutePrefix, new Answer(code, fill(read(fixture), values)));
    }

    List<Sent> sent() {
        List<Sent> sent = new ArrayList<>();
        for (Request<?> request : requests) {
            sent.add(sent(request));
        }
        return sent;
    }

    private static Sent sent(Request<?> request) {
        Object raw = request.getRawBody();
        DataObject body = raw instanceof DataObject object
                ? object
                : raw instanceof DataArray array ? DataObject.empty().put("array", array) : DataObject.empty();
        return new Sent(
                request.getRoute().getMethod().name(),
                request.getRoute().getCompiledRoute(),
                body,
                Optional.ofNullable(request.getBody()));
    }

    /** The last message the adapter sent (a reply, an edited deferred reply, or a DM). */
    Sent lastMessage() {
        List<Sent> sent = sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            Sent one = sent.get(i);
            if (!one.method().equals("DELETE")
                    && (!one.isInteractionCallback() || one.callbackType() == CALLBACK_MESSAGE)) {
                return one;
            }
        }
        throw new AssertionError("Nothing was sent");
    }

    /** The last interaction callback (a reply, a deferral, choices or a modal). */
    Sent lastCallback() {
        List<Sent> sent = sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).isInteractionCallback()) {
                return sent.get(i);
            }
        }
        throw new AssertionError("No interaction was answered");
    }

    SlashCommandInteractionEvent slash(String fixture, Map<String, String> values) {
        return new SlashCommandInteractionEvent(
                jda,
                0,
                new SlashCommandInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), withIdentity(values)))));
    }

    /** A user command ("Open contact" on someone), parsed by JDA as Discord delivers it. */
    UserContextInteractionEvent userCommand(String fixture, Map<String, String> values) {
        return new UserContextInteractionEvent(
                jda,
                0,
                new UserContextInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), withIdentity(values)))));
    }

    /** A message command ("Remember this" on a message), parsed by JDA as Discord delivers it. */
    MessageContextInteractionEvent messageCommand(String fixture, Map<String, String> values) {
        return new MessageContextInteractionEvent(
                jda,
                0,
                new MessageContextInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), withIdentity(values)))));
    }

    CommandAutoCompleteInteractionEvent autocomplete(String fixture, Map<String, String> values) {
        return new CommandAutoCompleteInteractionEvent(
                jda,
                0,
                new CommandAutoCompleteInteractionImpl(
                        jda, DataObject.fromJson(fill(read(fixture), withIdentity(values)))));
    }

    ButtonInteractionEvent button(String fixture, Map<String, String> values) {
        return new ButtonInteractionEvent(
                jda, 0, new ButtonInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), withIdentity(values)))));
    }

    ModalInteractionEvent modal(String fixture, Map<String, String> values) {
        return new ModalInteractionEvent(
                jda, 0, new ModalInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), withIdentity(values)))));
    }

    private void answer(Request<?> request) {
        String route =
                request.getRoute().getMethod().name() + " " + request.getRoute().getCompiledRoute();
        if (route.contains("/callback")) {
            request.handleResponse(response(204, ""));
            return;
        }
        Optional<Answer> answer = answers.entrySet().stream()
                .filter(entry -> route.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
        answer.ifPresent(a -> request.handleResponse(response(a.code(), a.body())));
    }

    private static Response response(int code, String body) {
        okhttp3.Response raw = new okhttp3.Response.Builder()
                .request(new okhttp3.Request.Builder()
                        .url("https://discord.test/api/v10/")
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message(code < 300 ? "OK" : "Error")
                .body(ResponseBody.create(body, MediaType.get("application/json")))
                .build();
        return new Response(raw, -1, Set.of());
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String read(String fixture) {
        try (InputStream in = DiscordTester.class.getResourceAsStream("/discord/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
