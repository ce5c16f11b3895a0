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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.requests.Request;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.entities.EntityBuilder;
import net.dv8tion.jda.internal.entities.SelfUserImpl;
import net.dv8tion.jda.internal.interactions.command.CommandAutoCompleteInteractionImpl;
import net.dv8tion.jda.internal.interactions.command.SlashCommandInteractionImpl;
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
 * request the adapter makes is captured with the JSON body JDA would send. Interaction callbacks are answered with
 * Discord's empty success; other routes answer with what a test configured, or not at all.
 */
final class DiscordTester {
    static final long APPLICATION_ID = 1100000000000000001L;
    static final int CALLBACK_MESSAGE = 4;
    static final int CALLBACK_DEFERRED_MESSAGE = 5;
    static final int CALLBACK_AUTOCOMPLETE = 8;
    static final int CALLBACK_MODAL = 9;
    // JDA schedules each interaction's 15-minute expiry here; nothing runs during a test.
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "discord-tester-timers");
        thread.setDaemon(true);
        return thread;
    });
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    final JDAImpl jda;
    private final List<Request<?>> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new HashMap<>();

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
        jda.setSelfUser(new SelfUserImpl(APPLICATION_ID, jda));
        Requester requester = mock(Requester.class);
        doAnswer(invocation -> {
                    Request<?> request = invocation.getArgument(0);
                    requests.add(request);
                    answer(request);
                    return null;
                })
                .when(requester)
                .request(any());
        doReturn(requester).when(jda).getRequester();
        // The spy's copied fields still point at the original JDAImpl; entities must be built for the spy.
        doReturn(new EntityBuilder(jda)).when(jda).getEntityBuilder();
        doReturn(TIMERS).when(jda).getGatewayPool();
        doReturn(TIMERS).when(jda).getRateLimitPool();
    }

    /** Makes requests on a route ("POST channels/") answer with a status and a fixture's JSON. */
    void answer(String methodAndRoutePrefix, int code, String fixture, Map<String, String> values) {
        answers.put(methodAndRoutePrefix, new Answer(code, fill(read(fixture), values)));
    }

    List<Sent> sent() {
        List<Sent> sent = new ArrayList<>();
        for (Request<?> request : requests) {
            Object raw = request.getRawBody();
            DataObject body = raw instanceof DataObject object
                    ? object
                    : raw instanceof DataArray array ? DataObject.empty().put("array", array) : DataObject.empty();
            sent.add(new Sent(
                    request.getRoute().getMethod().name(),
                    request.getRoute().getCompiledRoute(),
                    body,
                    Optional.ofNullable(request.getBody())));
        }
        return sent;
    }

    /** The last message the adapter sent (a reply, an edited deferred reply, or a DM). */
    Sent lastMessage() {
        List<Sent> sent = sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            Sent one = sent.get(i);
            if (!one.isInteractionCallback() || one.callbackType() == CALLBACK_MESSAGE) {
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
                jda, 0, new SlashCommandInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), values))));
    }

    CommandAutoCompleteInteractionEvent autocomplete(String fixture, Map<String, String> values) {
        return new CommandAutoCompleteInteractionEvent(
                jda, 0, new CommandAutoCompleteInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), values))));
    }

    ButtonInteractionEvent button(String fixture, Map<String, String> values) {
        return new ButtonInteractionEvent(
                jda, 0, new ButtonInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), values))));
    }

    ModalInteractionEvent modal(String fixture, Map<String, String> values) {
        return new ModalInteractionEvent(
                jda, 0, new ModalInteractionImpl(jda, DataObject.fromJson(fill(read(fixture), values))));
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
