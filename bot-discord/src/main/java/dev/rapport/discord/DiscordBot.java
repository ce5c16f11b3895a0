package dev.rapport.discord;

import dev.rapport.core.api.Rapport;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DmChannels;
import dev.rapport.discord.command.MenuCommands;
import dev.rapport.discord.command.SlashCommand;
import dev.rapport.discord.command.SlashCommands;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import okhttp3.OkHttpClient;

/**
 * Rapport on Discord: a JDA session with no gateway intents beyond the
 * GUILDS one JDA always sends (slash commands, buttons and modals arrive as
 * interactions, which need none), the commands registered at start, and direct messages for core.
 */
public final class DiscordBot implements AutoCloseable {
    /** The OAuth2 scopes the invite asks for. */
    public static final List<String> SCOPES = List.of("bot", "applications.commands");
    /** The one scope of a personal (user) install. */
    static final String USER_SCOPE = "applications.commands";
    /**
     * The permissions the invite asks for: none. Every reply is an interaction response (an intro post too: it is the
     * answer to /intro, shown to the channel) and every digest or pairing a direct message, and none of these needs a
     * permission in the server.
     */
    public static final Set<Permission> PERMISSIONS = EnumSet.noneOf(Permission.class);

    /** How long a direct message may take, rate-limit waits included, before it is retried later. */
    public static final Duration DM_TIMEOUT = Duration.ofSeconds(30);

    private static final int HANDLER_THREADS = 4;
    private static final Duration LOGIN_WAIT = Duration.ofSeconds(30);

    private final JDA jda;
    private final ShardManager shards;
    private final Supplier<JDA> connection;

    private DiscordBot(JDA jda, ShardManager shards, Supplier<JDA> connection) {
        this.jda = jda;
        this.shards = shards;
        this.connection = connection;
    }

    /**
     * Logs in on part of the bot's shards (DISCORD_SHARDS / DISCORD_SHARD_IDS) through JDA's DefaultShardManager,
     * with the same listeners as one connection. DMs go over REST through any running shard.
     */
    public static DiscordBot start(
            DiscordSettings settings, DiscordShards shards, Rapport rapport, InboxWorkers inbox, Clock clock) {
        quietAboutMessageContent();
        List<SlashCommand> commands = SlashCommands.all();
        Acknowledgements acks = new Acknowledgements();
        CountDownLatch ready = new CountDownLatch(1);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(
                        settings.token(), EnumSet.noneOf(GatewayIntent.class))
                .enableCache(CacheFlag.MEMBER_OVERRIDES)
                .setShardsTotal(shards.total())
                .setShards(shards.ids())
                .setEventPool(handlerPool(), true)
                .addEventListeners(
                        new InteractionRouter(rapport, inbox, acks, commands),
                        new CommandRegistration(registered(commands), settings.devGuildId(), ready));
        builder.setRestConfig(restConfig(settings)).setHttpClient(httpClient(settings, clock));
        ShardManager manager = builder.build();
        Supplier<JDA> anyShard = () -> manager.getShards().stream()
                .filter(shard -> shard.getStatus() == JDA.Status.CONNECTED)
                .findFirst()
                .orElseGet(() -> manager.getShards().get(0));
        inbox.channel(new DiscordInbox(
                loggedIn(ready, anyShard), acks, new DiscordReplyRenderer(), new DiscordFiles(settings.apiBaseUrl())));
        return new DiscordBot(null, manager, anyShard);
    }

    /** Discord's REST as every connection of the bot uses it: at the configured base URL, if any. */
    public static RestConfig restConfig(DiscordSettings settings) {
        RestConfig rest = new RestConfig();
        settings.apiBaseUrl().ifPresent(rest::setBaseUrl);
        return rest;
    }

    /** The HTTP client of every connection (all shards share it, as they share the bot's global limit): paced. */
    public static OkHttpClient httpClient(DiscordSettings settings, Clock clock) {
        return new DiscordPacing(settings.requestsPerSecond(), clock).client();
    }

    /** Every command Discord is told about: the slash commands, then the menu commands. */
    static List<CommandData> registered(List<SlashCommand> commands) {
        List<CommandData> all = new ArrayList<>();
        commands.forEach(command -> all.add(command.data()));
        all.addAll(MenuCommands.all());
        return all;
    }

    /**
     * Rapport reads a message's text only when someone uses "Remember this" on it, and Discord sends that message's
     * content with the interaction, with no MESSAGE_CONTENT intent: JDA's warning about the intent does not apply.
     */
    private static void quietAboutMessageContent() {
        Message.suppressContentIntentWarning();
    }

    private static ExecutorService handlerPool() {
        AtomicInteger thread = new AtomicInteger();
        return Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
            Thread t = new Thread(runnable, "rapport-discord-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A connection that has logged in (answers through an interaction's webhook need the application it is), waiting
     * for the first login after a start, when rows of an earlier run are already being answered.
     */
    private static Supplier<Optional<JDA>> loggedIn(CountDownLatch ready, Supplier<JDA> connection) {
        return () -> {
            try {
                return ready.await(LOGIN_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                        ? Optional.of(connection.get())
                        : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }

    /**
     * Logs in and registers the commands; returns once the connection is being made. Every command, button press and
     * modal submission is written to {@code inbox} before it is deferred, and answered by its workers.
     */
    public static DiscordBot start(DiscordSettings settings, Rapport rapport, InboxWorkers inbox, Clock clock) {
        quietAboutMessageContent();
        List<SlashCommand> commands = SlashCommands.all();
        Acknowledgements acks = new Acknowledgements();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicInteger thread = new AtomicInteger();
        // Core work runs here, not on the gateway thread, so one slow command never stalls the others.
        ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
            Thread t = new Thread(runnable, "rapport-discord-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // JDA always adds the unprivileged GUILDS intent itself; that is enough to see the development server.
        JDABuilder builder = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                // Manage Channels (who may turn intro rounds on) is worked out from the cached server: with a member's
                // own channel overrides, not only their roles'.
                .enableCache(CacheFlag.MEMBER_OVERRIDES)
                .setEventPool(handlers, true)
                .addEventListeners(
                        new InteractionRouter(rapport, inbox, acks, commands),
                        new CommandRegistration(registered(commands), settings.devGuildId(), ready));
        builder.setRestConfig(restConfig(settings)).setHttpClient(httpClient(settings, clock));
        JDA jda = builder.build();
        inbox.channel(new DiscordInbox(
                loggedIn(ready, () -> jda), acks, new DiscordReplyRenderer(), new DiscordFiles(settings.apiBaseUrl())));
        return new DiscordBot(jda, null, () -> jda);
    }

    /** Direct messages over this bot's connection, each person's private channel kept in {@code channels}. */
    public DirectMessenger messenger(DmChannels channels) {
        return messenger(connection, channels);
    }

    /** The messenger the bot ships, over {@code connection} (the benchmark gives it a REST-only one). */
    public static DiscordMessenger messenger(Supplier<JDA> connection, DmChannels channels) {
        return new DiscordMessenger(connection, new DiscordReplyRenderer(), DM_TIMEOUT, Optional.of(channels));
    }

    /** Whether the gateway session is up (interactions arrive only then). */
    public boolean connected() {
        return connection.get().getStatus() == JDA.Status.CONNECTED;
    }

    /**
     * Who is in a channel, for pairing rounds: nobody, on Discord. Listing a channel's members needs the privileged
     * GUILD_MEMBERS intent, which Rapport does not ask for; members opt in with /intro rounds join instead.
     */
    public static ChannelMembers channelMembers() {
        return ChannelMembers.none();
    }

    @Override
    public void close() throws InterruptedException {
        if (shards != null) {
            shards.shutdown();
            return;
        }
        jda.shutdown();
        if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
            jda.shutdownNow();
        }
    }

    /** The invite URL with exactly the scopes and permissions Rapport needs. */
    static String inviteUrl(JDA jda) {
        return jda.setRequiredScopes(SCOPES).getInviteUrl(PERMISSIONS);
    }

    /** Discord's link that adds Rapport to a server (integration type 0, the bot with its commands). */
    static String serverInstallUrl(JDA jda) {
        return inviteUrl(jda) + "&integration_type=0";
    }

    /**
     * Discord's link that adds Rapport to the account of whoever opens it (integration type 1): its commands then
     * work in every server and DM of theirs. A personal install has only the commands scope; there is no bot in it.
     */
    static String userInstallUrl(JDA jda) {
        return "https://discord.com/oauth2/authorize?client_id="
                + jda.getSelfUser().getApplicationId() + "&integration_type=1&scope=" + USER_SCOPE;
    }
}
