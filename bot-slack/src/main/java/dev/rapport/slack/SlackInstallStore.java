package dev.rapport.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import dev.rapport.core.install.InstallText;
import dev.rapport.core.install.Installation;
import dev.rapport.core.install.Installations;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Bolt's installation service over core's installations (Bolt ships only file and S3 stores): Bolt finds each
 * request's bot token here, and an uninstall deletes it. Only the bot token is kept; installers' user tokens are
 * never asked for, so none is stored.
 */
final class SlackInstallStore implements InstallationService {
    private final Installations installations;
    private final SlackTokens tokens;
    private final Clock clock;

    SlackInstallStore(Installations installations, SlackTokens tokens, Clock clock) {
        this.installations = installations;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The workspace key: the team id, or the enterprise id of an organisation-wide install. */
    static String workspace(String enterpriseId, String teamId, boolean enterpriseInstall) {
        return enterpriseInstall && enterpriseId != null ? enterpriseId : teamId;
    }

    /** Records an installation Slack just granted; a reinstall replaces the earlier one. */
    void save(Installation installation) {
        installations.installed(installation);
        tokens.forget(installation.workspace());
    }

    /** Rapport was uninstalled from the workspace, or its bot token revoked. */
    boolean removed(String workspace, String reason) {
        tokens.forget(workspace);
        return installations.removed(SlackDirectory.PLATFORM, workspace, reason);
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("Rapport keeps one installation per workspace");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        save(new Installation(
                SlackDirectory.PLATFORM,
                workspace(
                        installer.getEnterpriseId(),
                        installer.getTeamId(),
                        Boolean.TRUE.equals(installer.getIsEnterpriseInstall())),
                Optional.ofNullable(installer.getEnterpriseId()),
                Optional.ofNullable(installer.getTeamId()),
                installer.getBotUserId(),
                installer.getBotId(),
                installer.getBotScope(),
                installer.getInstallerUserId(),
                installer.getBotAccessToken(),
                installer.getInstalledAt() == null
                        ? clock.instant()
                        : Instant.ofEpochMilli(installer.getInstalledAt())));
    }

    /** Bolt deletes a bot whose token auth.test calls account_inactive: the installation is broken. */
    @Override
    public void deleteBot(Bot bot) {
        String workspace =
                workspace(bot.getEnterpriseId(), bot.getTeamId(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall()));
        tokens.forget(workspace);
        installations.broken(SlackDirectory.PLATFORM, workspace, "account_inactive");
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // No installer token is kept: nothing to delete.
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        removed(teamId != null ? teamId : enterpriseId, "app_uninstalled");
    }

    /** The workspace's bot, or the organisation's when Rapport was installed organisation-wide. */
    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        Optional<Installation> found = Optional.empty();
        if (teamId != null) {
            found = installations.active(SlackDirectory.PLATFORM, teamId);
        }
        if (found.isEmpty() && enterpriseId != null) {
            found = installations.active(SlackDirectory.PLATFORM, enterpriseId);
        }
        return found.map(SlackInstallStore::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return InstallText.notInstalled();
    }

    private static Bot bot(Installation installation) {
        HiddenTokenBot bot = new HiddenTokenBot();
        bot.setEnterpriseId(installation.enterpriseId().orElse(null));
        bot.setTeamId(installation.teamId().orElse(null));
        bot.setIsEnterpriseInstall(installation.teamId().isEmpty());
        bot.setBotId(installation.botId());
        bot.setBotUserId(installation.botUserId());
        bot.setBotScope(installation.scopes());
        bot.setScope(installation.scopes());
        bot.setTokenType("bot");
        bot.setBotAccessToken(installation.botToken());
        bot.setInstalledAt(installation.installedAt().toEpochMilli());
        return bot;
    }

    /** Bolt's bot, whose generated toString would print the token. */
    private static final class HiddenTokenBot extends DefaultBot {
        @Override
        public String toString() {
            return "Bot[team=" + getTeamId() + ", botUserId=" + getBotUserId() + ", token (hidden)]";
        }
    }
}
