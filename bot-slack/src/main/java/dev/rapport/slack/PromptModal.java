package dev.rapport.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.rapport.core.api.Place;
import dev.rapport.core.reply.Prompt;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modal a prompting button opens: one text input. Its private metadata remembers which core action to run with
 * the text, and where the answer goes (the clicked message's response_url, or the Home tab).
 */
final class PromptModal {
    static final String CALLBACK_ID = "rapport_prompt";
    static final String BLOCK_ID = "prompt";
    static final String INPUT_ID = "text";
    private static final Gson GSON = new Gson();

    private PromptModal() {}

    /** What the modal's submission needs to know; serialised into the view's private metadata. */
    record Origin(String actionId, String placeKind, String channelId, String responseUrl, boolean fromHome) {
        static Origin of(String actionId, Place place, String responseUrl, boolean fromHome) {
            return new Origin(actionId, place.kind().name(), place.channelId().orElse(null), responseUrl, fromHome);
        }

        /** Where the button was pressed, as the click said. */
        Place place() {
            return SlackPlaces.stored(placeKind, channelId);
        }

        Optional<String> response() {
            return Optional.ofNullable(responseUrl).filter(url -> !url.isBlank());
        }
    }

    static View view(Prompt prompt, Origin origin) {
        String metadata = GSON.toJson(origin);
        if (metadata.length() > Limits.PRIVATE_METADATA) {
            // Only a very long response_url could do this; the answer then goes to the Home tab or a DM.
            metadata = GSON.toJson(
                    new Origin(origin.actionId(), origin.placeKind(), origin.channelId(), null, origin.fromHome()));
        }
        String title = prompt.title().isBlank() ? "Rapport" : prompt.title();
        PlainTextInputElement.PlainTextInputElementBuilder input = PlainTextInputElement.builder()
                .actionId(INPUT_ID)
                .multiline(true)
                .focusOnLoad(true)
                .maxLength(Math.max(1, Math.min(prompt.maxLength(), Limits.INPUT_MAX)));
        if (!prompt.placeholder().isBlank()) {
            input.placeholder(SlackReplyRenderer.plain(Limits.clip(prompt.placeholder(), Limits.PLACEHOLDER)));
        }
        String label = prompt.label().isBlank() ? title : prompt.label();
        List<LayoutBlock> blocks = List.of(InputBlock.builder()
                .blockId(BLOCK_ID)
                .optional(prompt.optional())
                .label(SlackReplyRenderer.plain(Limits.clip(label, Limits.INPUT_LABEL)))
                .element(input.build())
                .build());
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(Limits.clip(title, Limits.MODAL_TITLE))
                        .emoji(true)
                        .build())
                .submit(ViewSubmit.builder().type("plain_text").text("Save").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(metadata)
                .blocks(blocks)
                .build();
    }

    static Optional<Origin> origin(View view) {
        try {
            return Optional.ofNullable(GSON.fromJson(view.getPrivateMetadata(), Origin.class))
                    .filter(origin -> origin.actionId() != null);
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** The text typed into the modal, empty if none. */
    static String input(View view) {
        if (view.getState() == null || view.getState().getValues() == null) {
            return "";
        }
        Map<String, ViewState.Value> block = view.getState().getValues().get(BLOCK_ID);
        ViewState.Value value = block == null ? null : block.get(INPUT_ID);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }
}
