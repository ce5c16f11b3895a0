package dev.rapport.core.inbox;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.ChannelRights;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.domain.UserKey;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A core request as the inbox stores it: form-encoded fields, written and read by core alone, so that no platform's
 * JSON is ever stored. Channel rights are not stored (they are asked of the platform when the request runs).
 */
public sealed interface InboxPayload {
    Requester from();

    /** A slash command. */
    record Command(CommandRequest request) implements InboxPayload {
        @Override
        public Requester from() {
            return request.from();
        }
    }

    /** A command with a file its platform still holds (a Slack modal's file input), fetched when it runs. */
    record Upload(CommandRequest request, SharedFile file) implements InboxPayload {
        @Override
        public Requester from() {
            return request.from();
        }
    }

    /** A button press, or a modal's submission when it carries input. */
    record Action(ActionRequest request) implements InboxPayload {
        @Override
        public Requester from() {
            return request.from();
        }
    }

    static InboxPayload of(CommandRequest request) {
        return new Command(request);
    }

    static InboxPayload of(CommandRequest request, SharedFile file) {
        return new Upload(request, file);
    }

    static InboxPayload of(ActionRequest request) {
        return new Action(request);
    }

    /** What the user sent, as they would recognise it ("/remember Marc Kelly", "a button"). */
    default String shown() {
        if (this instanceof Command command) {
            String text = command.request().text().strip();
            return "/" + command.request().command() + (text.isEmpty() ? "" : " " + text);
        }
        if (this instanceof Upload upload) {
            return "/" + upload.request().command() + " with " + upload.file().name();
        }
        return ((Action) this).request().input().isPresent() ? "a form you sent" : "a button you pressed";
    }

    default String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        Requester from = from();
        fields.put("platform", from.key().platform());
        fields.put("workspace", from.key().workspace());
        fields.put("user", from.key().platformUserId());
        fields.put("name", from.displayName());
        from.platformZone().ifPresent(zone -> fields.put("zone", zone.getId()));
        Place place;
        if (this instanceof Command c) {
            place = c.request().place();
        } else if (this instanceof Upload u) {
            place = u.request().place();
        } else {
            place = ((Action) this).request().place();
        }
        fields.put("place", place.kind().name());
        place.channelId().ifPresent(id -> fields.put("channel", id));
        if (this instanceof Command command) {
            fields.put("type", "command");
            putCommand(fields, command.request());
        } else if (this instanceof Upload upload) {
            fields.put("type", "upload");
            putCommand(fields, upload.request());
            fields.put("file.name", upload.file().name());
            fields.put("file.location", upload.file().location());
            fields.put("file.size", Long.toString(upload.file().size()));
        } else {
            ActionRequest action = ((Action) this).request();
            fields.put("type", "action");
            fields.put("action", action.actionId());
            action.input().ifPresent(input -> fields.put("input", input));
        }
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    private static void putCommand(Map<String, String> fields, CommandRequest request) {
        fields.put("command", request.command());
        fields.put("text", request.text());
        request.mentions().forEach((id, who) -> fields.put("mention." + id, (who.bot() ? "1" : "0") + who.name()));
    }

    /** Reads a stored payload back; throws IllegalArgumentException when it is not one core wrote. */
    static InboxPayload decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Mentioned> mentions = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Not an inbox payload");
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.startsWith("mention.") && !value.isEmpty()) {
                mentions.put(
                        name.substring("mention.".length()), new Mentioned(value.substring(1), value.charAt(0) == '1'));
            } else {
                fields.put(name, value);
            }
        }
        Requester from = new Requester(
                new UserKey(need(fields, "platform"), need(fields, "workspace"), need(fields, "user")),
                fields.getOrDefault("name", ""),
                Optional.ofNullable(fields.get("zone")).map(ZoneId::of));
        Place place = new Place(Place.Kind.valueOf(need(fields, "place")), Optional.ofNullable(fields.get("channel")));
        return switch (need(fields, "type")) {
            case "command" ->
                new Command(new CommandRequest(
                        from, place, need(fields, "command"), fields.get("text"), mentions, ChannelRights.NONE));
            case "upload" ->
                new Upload(
                        new CommandRequest(
                                from, place, need(fields, "command"), fields.get("text"), mentions, ChannelRights.NONE),
                        new SharedFile(
                                fields.get("file.name"),
                                need(fields, "file.location"),
                                size(need(fields, "file.size"))));
            case "action" ->
                new Action(new ActionRequest(
                        from, place, need(fields, "action"), Optional.ofNullable(fields.get("input"))));
            default -> throw new IllegalArgumentException("Not an inbox payload");
        };
    }

    private static long size(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("An inbox payload with a file size that is not a number");
        }
    }

    private static String need(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("An inbox payload without " + name);
        }
        return value;
    }
}
