package dev.rapport.core.install;

import dev.rapport.core.port.InstallationStore;
import dev.rapport.core.port.InstallationStore.State;
import dev.rapport.core.port.InstallationStore.Stored;
import dev.rapport.core.port.WorkspacePurge;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspaces Rapport is installed on. A bot token is sealed ({@link TokenCipher}) before the store sees it and
 * opened only when an adapter asks for an active installation; an uninstall, a revocation or a token the platform
 * refused deletes it, and nothing is sent to that workspace again until it is reinstalled. The users' notes stay
 * until they forget them, the workspace is reinstalled, or an operator purges the workspace.
 */
public final class Installations {
    private static final Logger log = LoggerFactory.getLogger(Installations.class);

    private final Clock clock;
    private final InstallationStore store;
    private final WorkspacePurge purge;
    private final TokenCipher cipher;

    public Installations(Clock clock, InstallationStore store, WorkspacePurge purge, TokenCipher cipher) {
        this.clock = clock;
        this.store = store;
        this.purge = purge;
        this.cipher = cipher;
    }

    /** Records the installation (a reinstall replaces the earlier one, and makes it active again). */
    public void installed(Installation installation) {
        store.put(new Stored(
                installation.platform(),
                installation.workspace(),
                installation.enterpriseId(),
                installation.teamId(),
                installation.botUserId(),
                installation.botId(),
                installation.scopes(),
                installation.installerUserId(),
                Optional.of(cipher.seal(
                        installation.botToken(), context(installation.platform(), installation.workspace()))),
                State.ACTIVE,
                Optional.empty(),
                installation.installedAt(),
                clock.instant()));
        log.info("Rapport was installed on {} workspace {}", installation.platform(), installation.workspace());
    }

    /** The workspace's installation with its token, when Rapport may act there. */
    public Optional<Installation> active(String platform, String workspace) {
        Optional<Stored> found = store.find(platform, workspace).filter(stored -> stored.state() == State.ACTIVE);
        if (found.isEmpty() || found.get().sealedToken().isEmpty()) {
            return Optional.empty();
        }
        Stored stored = found.get();
        Optional<TokenCipher.Opened> opened = cipher.open(stored.sealedToken().get(), context(platform, workspace));
        if (opened.isEmpty()) {
            log.error(
                    "The token of {} workspace {} does not open with {} (or {}): was the key changed without"
                            + " keeping the previous one?",
                    platform,
                    workspace,
                    TokenCipher.KEY,
                    TokenCipher.OLD_KEY);
            return Optional.empty();
        }
        return Optional.of(new Installation(
                platform,
                workspace,
                stored.enterpriseId(),
                stored.teamId(),
                stored.botUserId(),
                stored.botId(),
                stored.scopes(),
                stored.installerUserId(),
                opened.get().token(),
                stored.installedAt()));
    }

    /** Where the workspace's installation is, if Rapport was ever installed there. */
    public Optional<State> state(String platform, String workspace) {
        return store.find(platform, workspace).map(Stored::state);
    }

    /** Rapport was uninstalled, or its tokens revoked: the token is deleted; true when it was active. */
    public boolean removed(String platform, String workspace, String reason) {
        boolean closed = store.close(platform, workspace, State.REMOVED, reason, clock.instant());
        if (closed) {
            log.info(
                    "Rapport was removed from {} workspace {} ({}); its token is deleted", platform, workspace, reason);
        }
        return closed;
    }

    /** The platform refused the token: it is deleted and not tried again; true when it was active. */
    public boolean broken(String platform, String workspace, String reason) {
        boolean closed = store.close(platform, workspace, State.BROKEN, reason, clock.instant());
        if (closed) {
            log.warn(
                    "{} refused the token of workspace {} ({}); nothing more is sent there until it is reinstalled",
                    platform,
                    workspace,
                    reason);
        }
        return closed;
    }

    /** What re-sealing found: tokens sealed again under the current key, and tokens neither key opens. */
    public record Resealed(int resealed, int unreadable) {}

    /**
     * Seals again, under the current key, every token of the platform that only the previous key opens: run at each
     * start, so that once it reports none the previous key can be dropped.
     */
    public Resealed reseal(String platform) {
        int resealed = 0;
        int unreadable = 0;
        for (Stored stored : store.withTokens(platform)) {
            String context = context(platform, stored.workspace());
            Optional<TokenCipher.Opened> opened =
                    cipher.open(stored.sealedToken().orElseThrow(), context);
            if (opened.isEmpty()) {
                unreadable++;
                log.error("The token of {} workspace {} opens with neither key", platform, stored.workspace());
            } else if (opened.get().underPreviousKey()
                    && store.reseal(
                            platform,
                            stored.workspace(),
                            cipher.seal(opened.get().token(), context))) {
                resealed++;
            }
        }
        if (resealed > 0) {
            log.info("Sealed {} {} token(s) again under the current {}", resealed, platform, TokenCipher.KEY);
        }
        return new Resealed(resealed, unreadable);
    }

    /** Deletes everything Rapport holds of the workspace, its installation included. */
    public WorkspacePurge.Purged purge(String platform, String workspace) {
        WorkspacePurge.Purged purged = purge.purge(platform, workspace);
        log.info(
                "Purged {} workspace {}: {} user(s), {} channel(s), {} waiting request(s)",
                platform,
                workspace,
                purged.users(),
                purged.channels(),
                purged.requests());
        return purged;
    }

    private static String context(String platform, String workspace) {
        return platform + ":" + workspace;
    }
}
