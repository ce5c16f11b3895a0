package dev.rapport.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab: core's home view (the user's circle and follow-ups), published each time it is opened, and after
 * a button on it is pressed (with the outcome on top).
 */
final class SlackHome {
    private static final Logger log = LoggerFactory.getLogger(SlackHome.class);
    private static final String FOOTER = "Type /help in any channel or in this app's Messages tab for every command.";

    private final Rapport rapport;
    private final SlackClients clients;
    private final SlackReplyRenderer renderer;

    SlackHome(Rapport rapport, SlackClients clients, SlackReplyRenderer renderer) {
        this.rapport = rapport;
        this.clients = clients;
        this.renderer = renderer;
    }

    /** Publishes the Home tab, with the outcome of a press on top; true when Slack took it. */
    boolean publish(Requester from, Optional<Reply> outcome) {
        Reply home = rapport.home(from);
        List<LayoutBlock> blocks = new ArrayList<>();
        int budget = Limits.VIEW_BLOCKS - 1;
        if (outcome.isPresent()) {
            blocks.addAll(renderer.blocks(outcome.get(), Math.min(10, budget)));
            blocks.add(DividerBlock.builder().build());
        }
        blocks.addAll(renderer.blocks(home, budget - blocks.size()));
        List<ContextBlockElement> footer = List.of(SlackReplyRenderer.markdown(Mrkdwn.escape(FOOTER)));
        blocks.add(ContextBlock.builder().elements(footer).build());
        String userId = from.key().platformUserId();
        try {
            Optional<ViewsPublishResponse> answered = clients.call(
                    from.key().workspace(),
                    m -> m.viewsPublish(r -> r.userId(userId)
                            .view(View.builder().type("home").blocks(blocks).build())));
            if (answered.isEmpty()) {
                return false;
            }
            ViewsPublishResponse published = answered.get();
            if (!published.isOk()) {
                log.warn("views.publish failed: {}", published.getError());
            }
            return published.isOk();
        } catch (IOException | SlackApiException e) {
            log.warn("views.publish failed: {}", e.toString());
            return false;
        }
    }
}
