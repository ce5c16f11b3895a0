package dev.rapport.app;

import dev.rapport.core.command.Rapport;
import java.util.Optional;

/** Starts the Slack adapter when SLACK_BOT_TOKEN and an app token or signing secret are configured. */
final class SlackLauncher {
    private SlackLauncher() {}

    /** The running adapter, or empty when Slack is not configured. */
    static Optional<Running> start(Config config, Rapport rapport) {
        if (!config.hasSlack()) {
            return Optional.empty();
        }
        throw new IllegalStateException(
                "The Slack adapter is not built yet; unset SLACK_BOT_TOKEN to use the console.");
    }
}
