package dev.rapport.slack;

import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2SuccessHandler;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import dev.rapport.core.install.InstallText;
import dev.rapport.core.install.Installation;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows Slack's {@code oauth.v2.access} answer: the installation is stored (its token sealed by core), the
 * browser gets the page with the first steps, and the person who installed Rapport gets a welcome message from it,
 * sent with the new workspace's own token.
 */
final class SlackInstalled implements OAuthV2SuccessHandler {
    private static final Logger log = LoggerFactory.getLogger(SlackInstalled.class);

    private final SlackInstallStore store;
    private final SlackInstallPages pages;
    private final SlackReplies replies;
    private final Executor work;
    private final Clock clock;

    SlackInstalled(SlackInstallStore store, SlackInstallPages pages, SlackReplies replies, Executor work, Clock clock) {
        this.store = store;
        this.pages = pages;
        this.replies = replies;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public Response handle(OAuthCallbackRequest request, Response response, OAuthV2AccessResponse granted) {
        String teamId = granted.getTeam() == null ? null : granted.getTeam().getId();
        String enterpriseId =
                granted.getEnterprise() == null ? null : granted.getEnterprise().getId();
        String workspace = SlackInstallStore.workspace(enterpriseId, teamId, granted.isEnterpriseInstall());
        if (workspace == null || granted.getAccessToken() == null || granted.getAuthedUser() == null) {
            log.warn("oauth.v2.access answered without a workspace, a bot token or an installer; nothing installed");
            return pages.refused(502, InstallText.Refusal.FAILED);
        }
        String installer = granted.getAuthedUser().getId();
        store.save(new Installation(
                SlackDirectory.PLATFORM,
                workspace,
                Optional.ofNullable(enterpriseId),
                Optional.ofNullable(teamId),
                granted.getBotUserId(),
                "",
                granted.getScope(),
                installer,
                granted.getAccessToken(),
                clock.instant()));
        String teamName = granted.getTeam() == null ? "" : granted.getTeam().getName();
        work.execute(() -> {
            if (!replies.directMessage(workspace, installer, InstallText.welcome(teamName))) {
                log.warn("The welcome message to the installer of workspace {} was not delivered", workspace);
            }
        });
        Response page = pages.installed(teamName, workspace, granted.getAppId());
        // The state's cookie is cleared on the way out (Bolt consumed the state before calling here).
        page.setHeaders(response.getHeaders());
        return page;
    }
}
