package dev.rapport.discord;

import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.port.Storage;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.testing.MutableClock;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorage;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.command.SlashCommands;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Rapport on a real SQLite file with the real migrations and a clock the test moves, behind the Discord adapter and
 * its inbox, with Discord itself faked by {@link DiscordTester}. Each delivered interaction is written down and
 * deferred by the router, then run by the inbox's workers on the test's thread ({@code inbox.drain()}).
 */
final class TestBot implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    /** Discord permission bits in a channel: View Channel and Send Messages, and with Manage Channels. */
    static final String MEMBER_RIGHTS = "3072";

    static final String MANAGER_RIGHTS = "3088";

    /** A Discord user in the fixtures. */
    record Person(String id, String username, String displayName, boolean bot) {
        Person(String id, String username, String displayName) {
            this(id, username, displayName, false);
        }

        DataObject json() {
            return DataObject.empty()
                    .put("id", id)
                    .put("username", username)
                    .put("global_name", displayName)
                    .put("discriminator", "0")
                    .put("avatar", null)
                    .put("bot", bot)
                    .put("public_flags", 0);
        }

        Requester requester() {
            return new Requester(Requesters.key(id), displayName, Optional.empty());
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("userId", id);
            values.put("username", username);
            values.put("displayName", displayName);
            return values;
        }
    }

    static final Person ANA = new Person("500000000000000001", "ana", "Ana");
    static final Person BEN = new Person("500000000000000002", "ben", "Ben");
    static final Person MARC = new Person("500000000000000003", "marc.kelly", "Marc Kelly");
    static final Person ZOE = new Person("500000000000000004", "zoe", "Zoë");

    /** Rapport itself, as Discord shows its bot user. */
    static final Person SELF = new Person(Long.toString(DiscordTester.APPLICATION_ID), "Rapport", null, true);

    static final List<Person> EVERYONE = List.of(ANA, BEN, MARC, ZOE);

    /** The server's roles, by id, as a mention of one inside text is resolved. */
    static final Map<String, String> ROLES = Map.of("700000000000000001", "Sailing Crew");

    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");

    final DiscordTester discord = new DiscordTester();
    final MutableClock clock = new MutableClock(CLOCK.instant());
    final OpenStorage store;
    final Storage storage;
    final CoreAssembly core;
    final Rapport rapport;
    final InboxWorkers inbox;
    final Acknowledgements acks = new Acknowledgements();
    final InteractionRouter router;
    private final Optional<String> cdnBase;

    TestBot(Path folder) {
        this(folder, Optional.empty());
    }

    /** @param cdnBase the origin of a local Discord CDN the adapter may fetch attachments from */
    TestBot(Path folder, Optional<String> cdnBase) {
        this.cdnBase = cdnBase;
        store = TestStorage.open(folder);
        storage = store.storage();
        core = CoreAssembly.over(clock, storage);
        rapport = core.rapport();
        inbox = core.inbox(2).channel(channel());
        router = freshRouter();
    }

    /** The adapter's side of the inbox, over the fake Discord. */
    DiscordInbox channel() {
        return new DiscordInbox(
                () -> Optional.of(discord.jda), acks, new DiscordReplyRenderer(), new DiscordFiles(cdnBase));
    }

    /** A router as another run of the adapter has it: it knows nothing of the buttons it drew. */
    InteractionRouter freshRouter() {
        return new InteractionRouter(rapport, inbox, acks, SlashCommands.all());
    }

    /** An interaction as Discord delivers it, and what the inbox's workers then do with it. */
    void deliver(GenericEvent event) {
        deliver(router, event);
    }

    void deliver(InteractionRouter through, GenericEvent event) {
        through.onEvent(event);
        inbox.drain();
    }

    /** GIVEN steps go straight to core, as typed text. */
    Reply given(Person who, String command, String text) {
        return rapport.handle(CommandRequest.of(who.requester(), command, text));
    }

    /** Runs a slash command typed by Ana in a server; options are name → String or Integer. */
    DiscordTester.Sent slash(String command, Map<String, Object> options) {
        return slash(ANA, command, Optional.empty(), options);
    }

    DiscordTester.Sent slash(String command, String subcommand, Map<String, Object> options) {
        return slash(ANA, command, Optional.of(subcommand), options);
    }

    DiscordTester.Sent slash(Person who, String command, Optional<String> subcommand, Map<String, Object> options) {
        return slash(who, MEMBER_RIGHTS, command, subcommand.map(List::of).orElse(List.of()), options);
    }

    /**
     * A slash command typed in a server channel by someone with these permission bits there. {@code path} is the
     * subcommand, or the group and the subcommand; option values are String, Integer, Boolean or a Person (a user
     * option, resolved as Discord does).
     */
    DiscordTester.Sent slash(
            Person who, String permissions, String command, List<String> path, Map<String, Object> options) {
        deliver(slashEvent(who, permissions, command, path, options, Map.of()));
        return discord.lastMessage();
    }

    /**
     * The interaction of a slash command typed in a server channel, not delivered yet; {@code identity} may choose its
     * {@code interactionId} and {@code token}.
     */
    SlashCommandInteractionEvent slashEvent(
            Person who,
            String permissions,
            String command,
            List<String> path,
            Map<String, Object> options,
            Map<String, String> identity) {
        Map<String, String> values = who.values();
        values.put("data", data(command, path, options).toString());
        values.put("permissions", permissions);
        values.putAll(identity);
        return discord.slash("slash-command-in-server.json", values);
    }

    /** A slash command typed in a server channel by Ana, not delivered yet. */
    SlashCommandInteractionEvent slashEvent(String command, Map<String, Object> options) {
        return slashEvent(ANA, MEMBER_RIGHTS, command, List.of(), options, Map.of());
    }

    /** A slash command typed in a direct message with Rapport. */
    DiscordTester.Sent slashInDm(Person who, String command, List<String> path, Map<String, Object> options) {
        Map<String, String> values = who.values();
        values.put("data", data(command, path, options).toString());
        deliver(discord.slash("slash-command-in-dm.json", values));
        return discord.lastMessage();
    }

    private static DataObject data(String command, List<String> path, Map<String, Object> options) {
        DataArray typed = DataArray.empty();
        DataObject users = DataObject.empty();
        DataObject roles = DataObject.empty();
        options.forEach((name, value) -> {
            DataObject option = DataObject.empty().put("name", name);
            if (value instanceof Person person) {
                option.put("type", 6).put("value", person.id());
                users.put(person.id(), person.json());
            } else {
                option.put("type", value instanceof Integer ? 4 : value instanceof Boolean ? 5 : 3)
                        .put("value", value);
                // Discord resolves the users mentioned inside a text option
                if (value instanceof String text) {
                    Matcher mention = MENTION.matcher(text);
                    while (mention.find()) {
                        String id = mention.group(1);
                        EVERYONE.stream()
                                .filter(person -> person.id().equals(id))
                                .forEach(person -> users.put(id, person.json()));
                    }
                    Matcher role = ROLE_MENTION.matcher(text);
                    while (role.find()) {
                        String id = role.group(1);
                        if (ROLES.containsKey(id)) {
                            roles.put(id, role(id, ROLES.get(id)));
                        }
                    }
                }
            }
            typed.add(option);
        });
        DataArray nested = typed;
        for (int i = path.size() - 1; i >= 0; i--) {
            nested = DataArray.empty()
                    .add(DataObject.empty()
                            .put("name", path.get(i))
                            .put("type", i == path.size() - 1 ? 1 : 2)
                            .put("options", nested));
        }
        DataObject data = DataObject.empty()
                .put("id", "1200000000000000009")
                .put("name", command)
                .put("type", 1)
                .put("options", nested);
        DataObject resolved = DataObject.empty();
        if (!users.keys().isEmpty()) {
            resolved.put("users", users);
        }
        if (!roles.keys().isEmpty()) {
            resolved.put("roles", roles);
        }
        if (!resolved.keys().isEmpty()) {
            data.put("resolved", resolved);
        }
        return data;
    }

    /** A role object in Discord's shape. */
    private static DataObject role(String id, String name) {
        return DataObject.empty()
                .put("id", id)
                .put("name", name)
                .put("color", 0)
                .put("colors", DataObject.empty().put("primary_color", 0))
                .put("hoist", false)
                .put("icon", null)
                .put("unicode_emoji", null)
                .put("position", 1)
                .put("permissions", "0")
                .put("managed", false)
                .put("mentionable", true)
                .put("flags", 0);
    }

    /** Where a menu command is used: the envelope of its interaction (a server channel, a DM, a group DM). */
    enum Where {
        SERVER("slash-command-in-server.json"),
        /** A server Rapport was never added to, used through a personal install. */
        SERVER_PERSONAL("command-in-server-user-install.json"),
        BOT_DM("command-in-bot-dm.json"),
        PRIVATE_CHANNEL("command-in-private-channel.json"),
        GROUP_DM("command-in-group-dm.json");

        final String fixture;

        Where(String fixture) {
            this.fixture = fixture;
        }
    }

    /** "Open contact" used by {@code who} on {@code target}, with the target resolved as Discord resolves it. */
    DiscordTester.Sent openContact(Person who, Where where, Person target) {
        DataObject resolved = DataObject.empty().put("users", DataObject.empty().put(target.id(), target.json()));
        if (where == Where.SERVER || where == Where.SERVER_PERSONAL) {
            resolved.put(
                    "members",
                    DataObject.empty()
                            .put(
                                    target.id(),
                                    DataObject.empty()
                                            .put("nick", null)
                                            .put("roles", DataArray.empty())
                                            .put("joined_at", "2024-02-01T10:00:00.000000+00:00")
                                            .put("flags", 0)
                                            .put("pending", false)
                                            .put("permissions", MEMBER_RIGHTS)));
        }
        DataObject data = DataObject.empty()
                .put("id", "1200000000000000020")
                .put("name", "Open contact")
                .put("type", 2)
                .put("target_id", target.id())
                .put("resolved", resolved);
        Map<String, String> values = who.values();
        values.put("data", data.toString());
        values.put("permissions", MEMBER_RIGHTS);
        deliver(discord.userCommand(where.fixture, values));
        return discord.lastMessage();
    }

    /** The id of the message "Remember this" is used on in the tests. */
    static final String MESSAGE_ID = "1330000000000000042";

    /** "Remember this" used by {@code who} on a message of {@code author}, the message resolved as Discord does. */
    DiscordTester.Sent rememberThis(Person who, Where where, Person author, String content) {
        String channelId = channelOf(where);
        DataObject message = DataObject.empty()
                .put("id", MESSAGE_ID)
                .put("channel_id", channelId)
                .put("type", 0)
                .put("author", author.json())
                .put("content", content)
                .put("timestamp", "2026-11-25T09:30:00.000000+00:00")
                .put("edited_timestamp", null)
                .put("tts", false)
                .put("mention_everyone", false)
                .put("mentions", mentionedIn(content))
                .put("mention_roles", DataArray.fromCollection(rolesIn(content)))
                .put("attachments", DataArray.empty())
                .put("embeds", DataArray.empty())
                .put("components", DataArray.empty())
                .put("pinned", false)
                .put("flags", 0);
        DataObject data = DataObject.empty()
                .put("id", "1200000000000000021")
                .put("name", "Remember this")
                .put("type", 3)
                .put("target_id", MESSAGE_ID)
                .put(
                        "resolved",
                        DataObject.empty().put("messages", DataObject.empty().put(MESSAGE_ID, message)));
        Map<String, String> values = who.values();
        values.put("data", data.toString());
        values.put("permissions", MEMBER_RIGHTS);
        deliver(discord.messageCommand(where.fixture, values));
        return discord.lastCallback();
    }

    /** The people a message's text mentions, as Discord lists them with the message. */
    private static DataArray mentionedIn(String content) {
        DataArray mentioned = DataArray.empty();
        EVERYONE.stream()
                .filter(person -> content.contains("<@" + person.id() + ">"))
                .forEach(person -> mentioned.add(person.json()));
        return mentioned;
    }

    private static List<String> rolesIn(String content) {
        List<String> ids = new java.util.ArrayList<>();
        Matcher role = ROLE_MENTION.matcher(content);
        while (role.find()) {
            ids.add(role.group(1));
        }
        return ids;
    }

    /** The capture form submitted, in Discord's shape: labels around text inputs and a checkbox. */
    DiscordTester.Sent submitCapture(
            Person who, Where where, String modalId, String name, String note, boolean ask, String followUp) {
        return submitCapture(who, where, modalId, name, note, ask, followUp, Map.of());
    }

    /** The capture form submitted as one interaction; {@code identity} may choose its interactionId and token. */
    DiscordTester.Sent submitCapture(
            Person who,
            Where where,
            String modalId,
            String name,
            String note,
            boolean ask,
            String followUp,
            Map<String, String> identity) {
        DataArray components = DataArray.empty()
                .add(label(
                        1,
                        DataObject.empty()
                                .put("type", 4)
                                .put("id", 2)
                                .put("custom_id", "who")
                                .put("value", name)))
                .add(label(
                        3,
                        DataObject.empty()
                                .put("type", 4)
                                .put("id", 4)
                                .put("custom_id", "note")
                                .put("value", note)))
                .add(label(
                        5,
                        DataObject.empty()
                                .put("type", 23)
                                .put("id", 6)
                                .put("custom_id", "ask")
                                .put("value", ask)))
                .add(label(
                        7,
                        DataObject.empty()
                                .put("type", 4)
                                .put("id", 8)
                                .put("custom_id", "followup")
                                .put("value", followUp)));
        DataObject data = DataObject.empty().put("custom_id", modalId).put("components", components);
        Map<String, String> values = who.values();
        values.put("data", data.toString());
        values.put("permissions", MEMBER_RIGHTS);
        values.putAll(identity);
        String fixture = switch (where) {
            case SERVER -> "modal-in-server.json";
            case SERVER_PERSONAL -> "modal-in-server-user-install.json";
            case BOT_DM -> "modal-in-bot-dm.json";
            default -> "modal-in-private-channel.json";
        };
        deliver(discord.modal(fixture, values));
        return discord.lastMessage();
    }

    private static DataObject label(int id, DataObject component) {
        return DataObject.empty().put("type", 18).put("id", id).put("component", component);
    }

    /** The channel of each envelope. */
    static String channelOf(Where where) {
        return switch (where) {
            case SERVER -> "910000000000000001";
            case SERVER_PERSONAL -> "910000000000000077";
            case BOT_DM -> "920000000000000001";
            case PRIVATE_CHANNEL -> "930000000000000001";
            case GROUP_DM -> "940000000000000001";
        };
    }

    /** A slash command typed somewhere other than a server channel. */
    DiscordTester.Sent slashIn(
            Where where, Person who, String command, List<String> path, Map<String, Object> options) {
        Map<String, String> values = who.values();
        values.put("data", data(command, path, options).toString());
        values.put("permissions", MEMBER_RIGHTS);
        deliver(discord.slash(where.fixture, values));
        return discord.lastMessage();
    }

    /** A button pressed on a message in the server channel. */
    void pressInServer(Person who, String customId) {
        Map<String, String> values = who.values();
        values.put("customId", customId);
        deliver(discord.button("button-click-in-server.json", values));
    }

    /** A modal submitted in the server channel. */
    void submitInServer(Person who, String modalId, String value) {
        Map<String, String> values = who.values();
        values.put("customId", modalId);
        values.put("value", jsonString(value));
        deliver(discord.modal("modal-submit-in-server.json", values));
    }

    /** A button pressed in a direct message with Rapport. */
    void pressInDm(Person who, String customId) {
        Map<String, String> values = who.values();
        values.put("customId", customId);
        deliver(discord.button("button-click-in-dm.json", values));
    }

    /** A modal submitted in a direct message with Rapport. */
    void submitInDm(Person who, String modalId, String value) {
        Map<String, String> values = who.values();
        values.put("customId", modalId);
        values.put("value", jsonString(value));
        deliver(discord.modal("modal-submit-in-dm.json", values));
    }

    /** A string as a JSON literal, quotes and escapes included. */
    static String jsonString(String value) {
        String array = DataArray.empty().add(value).toString();
        return array.substring(1, array.length() - 1);
    }

    @Override
    public void close() {
        inbox.stop(Duration.ofSeconds(5));
        store.close();
    }
}
