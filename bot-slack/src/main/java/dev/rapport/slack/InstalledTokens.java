package dev.rapport.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.core.install.Installation;
import dev.rapport.core.install.Installations;
import java.time.Duration;
import java.util.Optional;

/**
 * The tokens of the workspaces Rapport is installed on, from core's installations (where they are kept sealed),
 * held opened for a minute: another instance's uninstall is seen within that minute, and a token used in it that
 * Slack refuses stops the sends all the same. A refused token marks the installation broken.
 */
final class InstalledTokens implements SlackTokens {
    private static final Duration HELD = Duration.ofMinutes(1);

    private final Installations installations;
    private final Cache<String, String> opened =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(HELD).build();

    InstalledTokens(Installations installations) {
        this.installations = installations;
    }

    @Override
    public Optional<String> botToken(String teamId) {
        if (teamId == null || teamId.isBlank()) {
            return Optional.empty();
        }
        String known = opened.getIfPresent(teamId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> token =
                installations.active(SlackDirectory.PLATFORM, teamId).map(Installation::botToken);
        token.ifPresent(t -> opened.put(teamId, t));
        return token;
    }

    @Override
    public Optional<String> forFile(Optional<String> teamInPath) {
        // Only the workspace the file belongs to may have its token sent along.
        return teamInPath.flatMap(this::botToken);
    }

    @Override
    public boolean stopsOn(String error) {
        return error != null && REFUSED.contains(error);
    }

    @Override
    public void refused(String teamId, String error) {
        opened.invalidate(teamId);
        installations.broken(SlackDirectory.PLATFORM, teamId, error);
    }

    @Override
    public void forget(String teamId) {
        opened.invalidate(teamId);
    }

    @Override
    public String toString() {
        return "InstalledTokens[" + opened.estimatedSize() + " held, (hidden)]";
    }
}
