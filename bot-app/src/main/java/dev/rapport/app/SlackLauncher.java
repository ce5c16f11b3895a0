package dev.rapport.app;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.install.Installations;
import dev.rapport.core.install.TokenCipher;
import dev.rapport.http.HttpFront;
import dev.rapport.slack.SlackAdapter;
import dev.rapport.slack.SlackOAuthSettings;
import dev.rapport.slack.SlackPacing;
import dev.rapport.slack.SlackSettings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Slack adapter: with SLACK_BOT_TOKEN and an app token or signing secret, on one workspace; with
 * SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET and RAPPORT_PUBLIC_URL (and no bot token), installable
 * on many workspaces, their tokens sealed under RAPPORT_SECRET_KEY.
 */
final class SlackLauncher {
    private static final Logger log = LoggerFactory.getLogger(SlackLauncher.class);
    private static final List<String> OAUTH_NEEDS =
            List.of("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_SIGNING_SECRET", "RAPPORT_PUBLIC_URL");

    private SlackLauncher() {}

    /** How the configuration asks Rapport to run on Slack. */
    enum Mode {
        NONE,
        /** One workspace, one bot token (Socket Mode or HTTP). */
        ONE_TOKEN,
        /** "Add to Slack": many workspaces, one installation each (HTTP). */
        OAUTH
    }

    static Mode mode(Config config) {
        if (config.hasSlack()) {
            return Mode.ONE_TOKEN;
        }
        boolean oauth = config.get("SLACK_BOT_TOKEN").isEmpty()
                && (config.get("SLACK_CLIENT_ID").isPresent()
                        || config.get("SLACK_CLIENT_SECRET").isPresent());
        return oauth ? Mode.OAUTH : Mode.NONE;
    }

    /**
     * Why Rapport cannot start on Slack as configured, in one line that names what to set (never a value); empty
     * when it can.
     */
    static Optional<String> problem(Config config) {
        if (mode(config) != Mode.NONE) {
            try {
                pacing(config);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        if (mode(config) != Mode.OAUTH) {
            return Optional.empty();
        }
        List<String> missing =
                OAUTH_NEEDS.stream().filter(name -> config.get(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return Optional.of("Slack OAuth (installing on many workspaces) needs " + String.join(", ", missing)
                    + "; see README \"Add Rapport to many workspaces\"");
        }
        if (config.get(TokenCipher.KEY).isEmpty()) {
            return Optional.of("Slack OAuth keeps each workspace's bot token encrypted and needs " + TokenCipher.KEY
                    + ": make one with: openssl rand -base64 32 (and keep it safe: without it the stored tokens"
                    + " cannot be read)");
        }
        try {
            cipher(config);
            oauthSettings(config);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** The running adapter, or empty when Slack is not configured. */
    static Optional<Running> start(
            Config config, CoreAssembly core, InboxWorkers inbox, Optional<HttpFront> front, Clock clock)
            throws Exception {
        Mode mode = mode(config);
        if (mode == Mode.NONE) {
            return Optional.empty();
        }
        SlackAdapter adapter;
        if (mode == Mode.ONE_TOKEN) {
            adapter = SlackAdapter.create(settings(config), core.rapport(), inbox);
        } else {
            Installations installations = core.installations(cipher(config));
            Installations.Resealed resealed = installations.reseal("slack");
            if (resealed.unreadable() > 0) {
                log.warn(
                        "{} installation token(s) open with neither {} nor {}: those workspaces must install"
                                + " Rapport again",
                        resealed.unreadable(),
                        TokenCipher.KEY,
                        TokenCipher.OLD_KEY);
            }
            adapter = SlackAdapter.installable(
                    oauthSettings(config), core.rapport(), inbox, installations, core.installStates(), clock);
        }
        try {
            if (mode == Mode.OAUTH || config.get("SLACK_APP_TOKEN").isEmpty()) {
                adapter.mount(front.orElseThrow(() -> new IllegalStateException("Slack HTTP mode needs the front")));
            }
            adapter.start();
        } catch (Exception e) {
            adapter.close();
            throw e;
        }
        return Optional.of(new Running(
                adapter,
                adapter.messenger(core.dmChannels(), pacing(config), clock),
                adapter.channelMembers(),
                adapter::connected));
    }

    /**
     * Slack's published tiers per method and workspace, or one budget for every method with
     * SLACK_REQUESTS_PER_SECOND (a proxy, or a stand-in server with a single limit).
     */
    static SlackPacing pacing(Config config) {
        Optional<String> rate = config.get("SLACK_REQUESTS_PER_SECOND");
        if (rate.isEmpty()) {
            return SlackPacing.tiers();
        }
        try {
            return SlackPacing.allMethods(Double.parseDouble(rate.get().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SLACK_REQUESTS_PER_SECOND must be a positive number");
        }
    }

    static SlackSettings settings(Config config) {
        return new SlackSettings(
                config.get("SLACK_BOT_TOKEN").orElseThrow(),
                config.get("SLACK_APP_TOKEN"),
                config.get("SLACK_SIGNING_SECRET"),
                port(config),
                config.get("SLACK_API_URL"));
    }

    static SlackOAuthSettings oauthSettings(Config config) {
        return new SlackOAuthSettings(
                config.get("SLACK_CLIENT_ID").orElse(""),
                config.get("SLACK_CLIENT_SECRET").orElse(""),
                config.get("SLACK_SIGNING_SECRET").orElse(""),
                config.get("RAPPORT_PUBLIC_URL").orElse(""),
                port(config),
                config.get("SLACK_API_URL"));
    }

    private static TokenCipher cipher(Config config) {
        return TokenCipher.of(config.get(TokenCipher.KEY).orElseThrow(), config.get(TokenCipher.OLD_KEY));
    }

    /** Whether Slack is configured in HTTP mode, which needs the HTTP front. */
    static boolean needsFront(Config config) {
        return switch (mode(config)) {
            case ONE_TOKEN -> config.get("SLACK_APP_TOKEN").isEmpty();
            case OAUTH -> true;
            case NONE -> false;
        };
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
