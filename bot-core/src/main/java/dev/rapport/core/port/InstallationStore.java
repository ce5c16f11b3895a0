package dev.rapport.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where Rapport is installed (a Slack workspace added through "Add to Slack"), one row per platform and workspace.
 * The bot token arrives here already sealed (encrypted): a store keeps the ciphertext and never sees the token.
 */
public interface InstallationStore {

    /** Saves the installation, replacing the workspace's earlier one (a reinstall). */
    void put(Stored installation);

    Optional<Stored> find(String platform, String workspace);

    /** Every installation of the platform that still holds a sealed token, to re-seal them under a new key. */
    List<Stored> withTokens(String platform);

    /** Replaces the sealed token of an active installation; false when it is no longer active. */
    boolean reseal(String platform, String workspace, String sealedToken);

    /**
     * Deletes the sealed token and leaves the installation {@code state} (removed or broken) with its reason; false
     * when it was not active.
     */
    boolean close(String platform, String workspace, State state, String reason, Instant at);

    /** Where an installation is in its life. */
    enum State {
        /** Rapport may act on the workspace with its token. */
        ACTIVE,
        /** Uninstalled, or its tokens revoked: the token is deleted, the users' notes kept. */
        REMOVED,
        /** The platform refused the token (invalid_auth, token_revoked, account_inactive): deleted, not retried. */
        BROKEN
    }

    /**
     * One installation: the workspace key (the Slack team id, or the enterprise id of an organisation-wide install),
     * both ids as the platform gave them, the bot's ids and scopes, who installed it, and the sealed bot token.
     */
    record Stored(
            String platform,
            String workspace,
            Optional<String> enterpriseId,
            Optional<String> teamId,
            String botUserId,
            String botId,
            String scopes,
            String installerUserId,
            Optional<String> sealedToken,
            State state,
            Optional<String> reason,
            Instant installedAt,
            Instant changedAt) {}
}
