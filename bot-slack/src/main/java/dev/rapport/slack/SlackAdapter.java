package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.http.HttpFront;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rapport on Slack: a Bolt app with every slash command, the buttons and modals, and the App Home tab, reached by
 * Socket Mode or HTTP; the direct messenger that core sends digests and round messages through; and the channel
 * members that pairing rounds are made of.
 */
public final class SlackAdapter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    private static final int WORKERS = 4;

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final SlackMessenger messenger;
    private final SlackChannels channels;
    private final Optional<ExecutorService> ownWorkers;
    private final InboxWorkers inbox;
    private Optional<SocketModeApp> socketMode = Optional.empty();
    private boolean mounted;

    private SlackAdapter(
            SlackSettings settings,
            Rapport rapport,
            InboxWorkers inbox,
            Executor work,
            Optional<ExecutorService> ownWorkers) {
        this.settings = settings;
        this.ownWorkers = ownWorkers;
        this.inbox = inbox;
        SlackConfig config = new SlackConfig();
        settings.apiBase().ifPresent(config::setMethodsEndpointUrlPrefix);
        config.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(config);
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder().slack(slack).singleTeamBotToken(settings.botToken());
        settings.signingSecret()
                .ifPresentOrElse(
                        appConfig::signingSecret,
                        () -> appConfig.signingSecret(null).requestVerificationEnabled(false));
        this.app = new App(appConfig.build());

        MethodsClient methods = slack.methods(settings.botToken());
        SlackReplyRenderer renderer = new SlackReplyRenderer();
        SlackDirectory directory = new SlackDirectory(methods);
        SlackReplies replies = new SlackReplies(slack, methods, renderer);
        SlackHome home = new SlackHome(rapport, methods, renderer);
        this.messenger = new SlackMessenger(methods, renderer);
        this.channels = new SlackChannels(methods, directory);
        new SlackCommands(inbox).register(app);
        new SlackInteractions(inbox).register(app);
        inbox.channel(new SlackInbox(
                directory, channels, replies, home, methods, new SlackFiles(settings.botToken(), settings.apiBase())));
        app.event(AppHomeOpenedEvent.class, (payload, context) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if ("home".equals(event.getTab())) {
                String teamId = payload.getTeamId();
                work.execute(() -> home.publish(directory.requester(teamId, event.getUser(), ""), Optional.empty()));
            }
            return context.ack();
        });
    }

    /**
     * An adapter that writes every command, click and submission to {@code inbox} before acknowledging it (the
     * inbox's workers run them and answer through this adapter), and does its other work (the Home tab) on a small
     * pool of its own.
     */
    public static SlackAdapter create(SlackSettings settings, Rapport rapport, InboxWorkers inbox) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("rapport-slack"));
        return new SlackAdapter(settings, rapport, inbox, workers, Optional.of(workers));
    }

    /**
     * HTTP mode: mounts {@code POST /slack/events} on the front (call before {@link #start}). Requests are checked
     * against the signing secret before anything reads them.
     */
    public void mount(HttpFront front) {
        String secret = settings.signingSecret()
                .orElseThrow(() -> new IllegalStateException("HTTP mode needs SLACK_SIGNING_SECRET"));
        front.route(SlackEvents.PATH, new SlackEvents(app, secret, Clock.systemUTC()));
        mounted = true;
    }

    /** Connects to Slack (Socket Mode) or starts listening for it (HTTP mode). */
    public void start() throws Exception {
        if (settings.mode() == SlackSettings.Mode.SOCKET) {
            SocketModeApp socket = new SocketModeApp(settings.appToken().orElseThrow(), app);
            socket.startAsync();
            socketMode = Optional.of(socket);
            log.info("Slack adapter connected in Socket Mode");
        } else {
            if (!mounted) {
                throw new IllegalStateException("HTTP mode: mount the adapter on the HTTP front before starting it");
            }
            app.start();
            log.info("Slack adapter serving {} on the HTTP front", SlackEvents.PATH);
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
        ownWorkers.ifPresent(ExecutorService::shutdown);
        slack.close();
    }
}
