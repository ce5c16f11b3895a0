package dev.rapport.slack;

import java.util.Optional;
import java.util.Set;

/**
 * Which bot token speaks for a workspace: the one token of a self-hosted Rapport, or, for Rapport installed on many
 * workspaces, the workspace's own installation's. Every Web API call goes through {@link SlackClients}, which asks
 * here for the token of the workspace the call concerns.
 */
interface SlackTokens {
    /** What Slack answers when a token itself no longer works. */
    Set<String> REFUSED = Set.of("invalid_auth", "token_revoked", "account_inactive");

    /** The workspace's bot token, when Rapport may act there. */
    Optional<String> botToken(String teamId);

    /** The token for a private file whose address names {@code teamInPath} (Slack's files-pri/T…-F… paths). */
    Optional<String> forFile(Optional<String> teamInPath);

    /** Whether Slack's {@code error} means nothing more can be sent to that workspace (so do not retry). */
    boolean stopsOn(String error);

    /** Slack refused the workspace's token with {@code error} (one of those {@link #stopsOn} is true for). */
    void refused(String teamId, String error);

    /** Forgets what is known of the workspace's token (it was uninstalled, or installed anew). */
    void forget(String teamId);

    /** A self-hosted Rapport's one bot token, for whatever workspace a request came from; it is never given up on. */
    static SlackTokens one(String botToken) {
        return new SlackTokens() {
            @Override
            public Optional<String> botToken(String teamId) {
                return Optional.of(botToken);
            }

            @Override
            public Optional<String> forFile(Optional<String> teamInPath) {
                return Optional.of(botToken);
            }

            @Override
            public boolean stopsOn(String error) {
                return false;
            }

            @Override
            public void refused(String teamId, String error) {}

            @Override
            public void forget(String teamId) {}

            @Override
            public String toString() {
                return "SlackTokens.one[(hidden)]";
            }
        };
    }
}
