package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.util.http.listener.DetailedLoggingListener;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.delivery.Pacer;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.install.InstallStates;
import dev.rapport.core.install.InstallText;
import dev.rapport.core.install.Installations;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DmChannels;
import dev.rapport.http.HttpFront;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rapport on Slack: a Bolt app with every slash command, the buttons and modals, and the App Home tab, reached by
 * Socket Mode or HTTP; the direct messenger that core sends digests and round messages through; and the channel
 * members that pairing rounds are made of. It runs with one bot token ({@link #create}), or installed on many
 * workspaces through OAuth ({@link #installable}), where every call uses the token of the workspace it concerns.
 */
public final class SlackAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    private static final int WORKERS = 4;
    private static final Duration AUTH_TEST_CACHED = Duration.ofMinutes(1);

    private final Slack slack;
    private final App app;
    private final Optional<String> appToken;
    private final Optional<String> signingSecret;
    private final SlackMessenger messenger;
    private final SlackClients clients;
    private final SlackReplyRenderer renderer;
    private final SlackChannels channels;
    private final ExecutorService workers;
    private final Optional<SlackOAuthRoute> oauthPages;
    private Optional<SocketModeApp> socketMode = Optional.empty();
    private boolean mounted;

    /** What only an installable adapter has. */
    private record Installable(
            Installations installations, InstallStates states, SlackInstallPages pages, Clock clock) {}

    private SlackAdapter(
            Slack slack,
            App app,
            SlackTokens tokens,
            Optional<String> apiBase,
            Optional<String> appToken,
            Optional<String> signingSecret,
            Rapport rapport,
            InboxWorkers inbox,
            Optional<Installable> installable) {
        this.slack = slack;
        this.app = app;
        this.appToken = appToken;
        this.signingSecret = signingSecret;
        this.workers = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("rapport-slack"));

        SlackClients clients = new SlackClients(slack, tokens);
        SlackReplyRenderer renderer = new SlackReplyRenderer();
        this.clients = clients;
        this.renderer = renderer;
        SlackDirectory directory = new SlackDirectory(clients);
        SlackReplies replies = new SlackReplies(clients, renderer);
        SlackHome home = new SlackHome(rapport, clients, renderer);
        this.messenger = new SlackMessenger(clients, renderer);
        this.channels = new SlackChannels(clients, directory);
        new SlackCommands(inbox).register(app);
        new SlackInteractions(inbox).register(app);
        new SlackCaptures(rapport, directory, clients, replies, renderer, workers).register(app);
        inbox.channel(new SlackInbox(directory, channels, replies, home, clients, new SlackFiles(tokens, apiBase)));
        app.event(AppHomeOpenedEvent.class, (payload, context) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if ("home".equals(event.getTab())) {
                String teamId = payload.getTeamId();
                workers.execute(() -> home.publish(directory.requester(teamId, event.getUser(), ""), Optional.empty()));
            }
            return context.ack();
        });
        this.oauthPages = installable.map(parts -> {
            installOAuth(parts, tokens, replies);
            return new SlackOAuthRoute(app);
        });
    }

    private void installOAuth(Installable parts, SlackTokens tokens, SlackReplies replies) {
        SlackInstallStore store = new SlackInstallStore(parts.installations(), tokens, parts.clock());
        SlackInstallPages pages = parts.pages();
        // service(InstallationService) also sets Bolt's own success handler: ours is set after it.
        app.service(store);
        app.service(new SlackInstallStates(parts.states()));
        app.oauthCallback(new SlackInstalled(store, pages, replies, workers, parts.clock()));
        app.oauthCallbackStateError((request, response) -> pages.refused(400, InstallText.Refusal.STATE));
        app.oauthCallbackError((request, response) -> pages.refused(200, InstallText.Refusal.DENIED));
        app.oauthCallbackAccessError((OAuthV2AccessErrorHandler) (request, response, refused) -> {
            log.warn("Slack refused to complete an install: {}", refused.getError());
            return pages.refused(502, InstallText.Refusal.FAILED);
        });
        app.oauthCallbackException((request, response, e) -> {
            log.error("An install failed: {}", e.getClass().getSimpleName());
            return pages.refused(500, InstallText.Refusal.FAILED);
        });
        new SlackUninstalls(store).register(app);
    }

    /**
     * The adapter of a self-hosted Rapport with one bot token: it writes every command, click and submission to
     * {@code inbox} before acknowledging it (the inbox's workers run them and answer through this adapter), and does
     * its other work (the Home tab) on a small pool of its own.
     */
    public static SlackAdapter create(SlackSettings settings, Rapport rapport, InboxWorkers inbox) {
        Slack slack = slack(settings.apiBase());
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                // Bolt would otherwise read SLACK_CLIENT_ID from the environment and turn into an OAuth app.
                .clientId(null)
                .clientSecret(null);
        settings.signingSecret()
                .ifPresentOrElse(
                        appConfig::signingSecret,
                        () -> appConfig.signingSecret(null).requestVerificationEnabled(false));
        App app = new App(appConfig.build());
        return new SlackAdapter(
                slack,
                app,
                SlackTokens.one(settings.botToken()),
                settings.apiBase(),
                settings.appToken(),
                settings.signingSecret(),
                rapport,
                inbox,
                Optional.empty());
    }

    /**
     * The adapter of a Rapport installed on many workspaces (HTTP mode): besides the events path it serves
     * {@code /slack/install} and {@code /slack/oauth_redirect}, keeps each workspace's installation in core's
     * {@code installations} (the bot token sealed), and answers, messages and lists channels on each workspace with
     * that workspace's own token.
     */
    public static SlackAdapter installable(
            SlackOAuthSettings settings,
            Rapport rapport,
            InboxWorkers inbox,
            Installations installations,
            InstallStates states,
            Clock clock) {
        Slack slack = slack(settings.apiBase());
        SlackInstallPages pages = new SlackInstallPages();
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope(SlackScopes.joined())
                .userScope("")
                .redirectUri(settings.redirectUri())
                .appPath("/slack")
                .oauthInstallPath("/install")
                .oauthRedirectUriPath("/oauth_redirect")
                .stateValidationEnabled(true)
                .oAuthInstallPageRenderingEnabled(true)
                .oAuthInstallPageRenderer(pages)
                .oAuthRedirectUriPageRenderer(pages)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(AUTH_TEST_CACHED.toMillis())
                .build();
        App app = new App(config).asOAuthApp(true);
        return new SlackAdapter(
                slack,
                app,
                new InstalledTokens(installations),
                settings.apiBase(),
                Optional.empty(),
                Optional.of(settings.signingSecret()),
                rapport,
                inbox,
                Optional.of(new Installable(installations, states, pages, clock)));
    }

    private static Slack slack(Optional<String> apiBase) {
        SlackConfig config = new SlackConfig();
        apiBase.ifPresent(config::setMethodsEndpointUrlPrefix);
        config.setPrettyResponseLoggingEnabled(false);
        // Its debug lines carry request bodies (oauth.v2.access's client secret among them): never log them.
        config.getHttpClientResponseHandlers().removeIf(DetailedLoggingListener.class::isInstance);
        return Slack.getInstance(config);
    }

    /**
     * HTTP mode: mounts {@code POST /slack/events} on the front (call before {@link #start}), and, when installable,
     * the install page and the OAuth redirect. Slack's requests are checked against the signing secret before
     * anything reads them.
     */
    public void mount(HttpFront front) {
        String secret =
                signingSecret.orElseThrow(() -> new IllegalStateException("HTTP mode needs SLACK_SIGNING_SECRET"));
        front.route(SlackEvents.PATH, new SlackEvents(app, secret, Clock.systemUTC()));
        oauthPages.ifPresent(pages -> {
            front.route(SlackOAuthSettings.INSTALL_PATH, pages);
            front.route(SlackOAuthSettings.REDIRECT_PATH, pages);
        });
        mounted = true;
    }

    /** Connects to Slack (Socket Mode) or starts listening for it (HTTP mode). */
    public void start() throws Exception {
        if (appToken.isPresent()) {
            SocketModeApp socket = new SocketModeApp(appToken.get(), app);
            socket.startAsync();
            socketMode = Optional.of(socket);
            log.info("Slack adapter connected in Socket Mode");
        } else {
            if (!mounted) {
                throw new IllegalStateException("HTTP mode: mount the adapter on the HTTP front before starting it");
            }
            app.start();
            log.info(
                    "Slack adapter serving {}{} on the HTTP front",
                    SlackEvents.PATH,
                    oauthPages.isPresent()
                            ? ", " + SlackOAuthSettings.INSTALL_PATH + " and " + SlackOAuthSettings.REDIRECT_PATH
                            : "");
        }
    }

    /**
     * Whether Slack can reach Rapport now: in Socket Mode, the socket is up; in HTTP mode, the adapter is mounted on the running HTTP front
     * (Slack calls us, so there is nothing more to know from here).
     */
    public boolean connected() {
        if (socketMode.isPresent()) {
            SocketModeApp socket = socketMode.get();
            return !socket.isClientStopped()
                    && socket.getClient() != null
                    && socket.getClient().verifyConnection();
        }
        return mounted;
    }

    public DirectMessenger messenger() {
        return messenger;
    }

    /**
     * The messenger a running Rapport sends digests and round messages through: each person's DM channel kept in
     * {@code channels} (a restart or another instance does not open it again), and every Web API call paced to
     * {@code pacing}'s budgets on the clock's time, so that Slack is not sent what it would refuse.
     */
    public DirectMessenger messenger(DmChannels channels, SlackPacing pacing, Clock clock) {
        return messenger(channels, pacing, pacing.pacer(clock, Pacer.Waiter.SLEEP));
    }

    /** As {@link #messenger(DmChannels, SlackPacing, Clock)}, with the pacer given (built on {@code pacing}). */
    public DirectMessenger messenger(DmChannels channels, SlackPacing pacing, Pacer pacer) {
        return new SlackMessenger(clients, renderer, Optional.of(channels), Optional.of(pacer), pacing);
    }

    /**
     * Who is in a Slack channel, for pairing rounds: conversations.members without bots, deactivated accounts and
     * Rapport itself. It throws when Slack cannot list them, so the round waits.
     */
    public ChannelMembers channelMembers() {
        return channels;
    }

    App app() {
        return app;
    }

    @Override
    public void close() throws Exception {
        if (socketMode.isPresent()) {
            socketMode.get().close();
        }
        if (mounted) {
            app.stop();
        }
        workers.shutdown();
        slack.close();
    }
}
