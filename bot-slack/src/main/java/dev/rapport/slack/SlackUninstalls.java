package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's word that Rapport was uninstalled from a workspace ({@code app_uninstalled}), or that its bot token was
 * revoked ({@code tokens_revoked} naming the bot): the installation's token is deleted before the event is
 * acknowledged, so from then on nothing is sent there. The users' notes are kept.
 */
final class SlackUninstalls {
    private static final Logger log = LoggerFactory.getLogger(SlackUninstalls.class);

    private final SlackInstallStore store;

    SlackUninstalls(SlackInstallStore store) {
        this.store = store;
    }

    void register(App app) {
        app.event(AppUninstalledEvent.class, (payload, context) -> {
            store.removed(workspace(payload.getEnterpriseId(), payload.getTeamId()), "app_uninstalled");
            return context.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, context) -> {
            TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
            List<String> bots = tokens == null || tokens.getBot() == null ? List.of() : tokens.getBot();
            if (bots.isEmpty()) {
                // Only user tokens, and Rapport keeps none.
                log.info("Slack revoked user tokens on workspace {}; Rapport holds none", payload.getTeamId());
            } else {
                store.removed(workspace(payload.getEnterpriseId(), payload.getTeamId()), "tokens_revoked");
            }
            return context.ack();
        });
    }

    private static String workspace(String enterpriseId, String teamId) {
        return teamId != null ? teamId : enterpriseId;
    }
}
