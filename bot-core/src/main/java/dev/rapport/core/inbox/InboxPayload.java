package dev.rapport.core.inbox;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.ChannelRights;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.domain.UserKey;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

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
        Requester from = from();
        Place place;
        if (this instanceof Command c) {
            place = c.request().place();
        } else if (this instanceof Upload u) {
            place = u.request().place();
        } else {
            place = ((Action) this).request().place();
        }
        FormFields fields = FormFields.empty()
                .with("platform", from.key().platform())
                .with("workspace", from.key().workspace())
                .with("user", from.key().platformUserId())
                .with("name", from.displayName())
                .with("zone", from.platformZone().map(ZoneId::getId))
                .with("place", place.kind().name())
                .with("channel", place.channelId());
        if (this instanceof Command command) {
            fields = withCommand(fields.with("type", "command"), command.request());
        } else if (this instanceof Upload upload) {
            fields = withCommand(fields.with("type", "upload"), upload.request())
                    .with("file.name", upload.file().name())
                    .with("file.location", upload.file().location())
                    .with("file.size", Long.toString(upload.file().size()));
        } else {
            ActionRequest action = ((Action) this).request();
            fields = fields.with("type", "action")
                    .with("action", action.actionId())
                    .with("input", action.input());
        }
        return fields.encode();
    }

    private static FormFields withCommand(FormFields fields, CommandRequest request) {
        FormFields with = fields.with("command", request.command()).with("text", request.text());
        for (Map.Entry<String, Mentioned> mention : request.mentions().entrySet()) {
            Mentioned who = mention.getValue();
            with = with.with("mention." + mention.getKey(), (who.bot() ? "1" : "0") + who.name());
        }
        return with;
    }

    /** Reads a stored payload back; throws IllegalArgumentException when it is not one core wrote. */
    static InboxPayload decode(String encoded) {
        FormFields fields = FormFields.decode(encoded);
        Map<String, Mentioned> mentions = new LinkedHashMap<>();
        fields.all().forEach((name, value) -> {
            if (name.startsWith("mention.") && !value.isEmpty()) {
                mentions.put(
                        name.substring("mention.".length()), new Mentioned(value.substring(1), value.charAt(0) == '1'));
            }
        });
        Requester from = new Requester(
                new UserKey(fields.need("platform"), fields.need("workspace"), fields.need("user")),
                fields.get("name").orElse(""),
                fields.get("zone").map(ZoneId::of));
        Place place = new Place(Place.Kind.valueOf(fields.need("place")), fields.get("channel"));
        return switch (fields.need("type")) {
            case "command" -> new Command(command(fields, from, place, mentions));
            case "upload" ->
                new Upload(
                        command(fields, from, place, mentions),
                        new SharedFile(
                                fields.get("file.name").orElse(""),
                                fields.need("file.location"),
                                size(fields.need("file.size"))));
            case "action" -> new Action(new ActionRequest(from, place, fields.need("action"), fields.get("input")));
            default -> throw new IllegalArgumentException("Not an inbox payload");
        };
    }

    private static CommandRequest command(
            FormFields fields, Requester from, Place place, Map<String, Mentioned> mentions) {
        return new CommandRequest(
                from, place, fields.need("command"), fields.get("text").orElse(null), mentions, ChannelRights.NONE);
    }

    private static long size(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("An inbox payload with a file size that is not a number");
        }
    }
}
