package dev.rapport.app;

import dev.rapport.core.api.Rapport;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.http.HttpFront;
import dev.rapport.slack.SlackAdapter;
import dev.rapport.slack.SlackSettings;
import java.util.Optional;

/** Starts the Slack adapter when SLACK_BOT_TOKEN and an app token or signing secret are configured. */
final class SlackLauncher {
    private SlackLauncher() {}

    /** The running adapter, or empty when Slack is not configured. */
    static Optional<Running> start(Config config, Rapport rapport, InboxWorkers inbox, Optional<HttpFront> front)
            throws Exception {
        if (!config.hasSlack()) {
            return Optional.empty();
        }
        SlackSettings settings = settings(config);
        SlackAdapter adapter = SlackAdapter.create(settings, rapport, inbox);
        try {
            if (settings.mode() == SlackSettings.Mode.HTTP) {
                adapter.mount(front.orElseThrow(() -> new IllegalStateException("Slack HTTP mode needs the front")));
            }
            adapter.start();
        } catch (Exception e) {
            adapter.close();
            throw e;
        }
        return Optional.of(new Running(adapter, adapter.messenger(), adapter.channelMembers(), adapter::connected));
    }

    static SlackSettings settings(Config config) {
        return new SlackSettings(
                config.get("SLACK_BOT_TOKEN").orElseThrow(),
                config.get("SLACK_APP_TOKEN"),
                config.get("SLACK_SIGNING_SECRET"),
                port(config),
                config.get("SLACK_API_URL"));
    }

    /** Whether Slack is configured in HTTP mode, which needs the HTTP front. */
    static boolean needsFront(Config config) {
        return config.hasSlack() && config.get("SLACK_APP_TOKEN").isEmpty();
    }

    static int port(Config config) {
        Optional<String> port = config.get("PORT");
        if (port.isEmpty()) {
            return SlackSettings.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(port.get());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("PORT must be a number, was \"" + port.get() + "\"", e);
        }
    }
}
