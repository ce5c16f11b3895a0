package dev.rapport.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.model.File;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.FileInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.SharedFile;
import dev.rapport.core.reply.FilePrompt;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modal a command that takes a file opens when typed without one (/import): core's hint, with the size limit,
 * above one file input. Its private metadata remembers the command and where the answer goes (the command's
 * response_url, which outlives the modal).
 */
final class FileModal {
    static final String CALLBACK_ID = "rapport_file";
    static final String BLOCK_ID = "file";
    static final String INPUT_ID = "file";
    private static final Gson GSON = new Gson();

    private FileModal() {}

    /** What the submission needs to know; serialised into the view's private metadata. */
    record Origin(String command, String placeKind, String channelId, String responseUrl) {
        static Origin of(String command, Place place, String responseUrl) {
            return new Origin(command, place.kind().name(), place.channelId().orElse(null), responseUrl);
        }

        /** Where the command was typed. */
        Place place() {
            return SlackPlaces.stored(placeKind, channelId);
        }

        Optional<String> response() {
            return Optional.ofNullable(responseUrl).filter(url -> !url.isBlank());
        }
    }

    static View view(FilePrompt prompt, Origin origin) {
        String metadata = GSON.toJson(origin);
        if (metadata.length() > Limits.PRIVATE_METADATA) {
            // Only a very long response_url could do this; the answer then goes to a direct message.
            metadata = GSON.toJson(new Origin(origin.command(), origin.placeKind(), origin.channelId(), null));
        }
        List<LayoutBlock> blocks = List.of(
                SectionBlock.builder()
                        .text(SlackReplyRenderer.plain(Limits.clip(prompt.hint(), Limits.SECTION_TEXT)))
                        .build(),
                InputBlock.builder()
                        .blockId(BLOCK_ID)
                        .label(SlackReplyRenderer.plain(Limits.clip(prompt.label(), Limits.INPUT_LABEL)))
                        .element(FileInputElement.builder()
                                .actionId(INPUT_ID)
                                .filetypes(prompt.fileTypes())
                                .maxFiles(1)
                                .build())
                        .build());
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text(Limits.clip(prompt.title(), Limits.MODAL_TITLE))
                        .emoji(true)
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(Limits.clip(prompt.submit(), Limits.BUTTON_TEXT))
                        .build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(metadata)
                .blocks(blocks)
                .build();
    }

    static Optional<Origin> origin(View view) {
        try {
            return Optional.ofNullable(GSON.fromJson(view.getPrivateMetadata(), Origin.class))
                    .filter(origin ->
                            origin.command() != null && !origin.command().isBlank());
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** The file chosen in the modal, as Slack describes it: where it is kept and its size; empty if none. */
    static Optional<SharedFile> file(View view) {
        if (view.getState() == null || view.getState().getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = view.getState().getValues().get(BLOCK_ID);
        ViewState.Value value = block == null ? null : block.get(INPUT_ID);
        if (value == null || value.getFiles() == null || value.getFiles().isEmpty()) {
            return Optional.empty();
        }
        File file = value.getFiles().get(0);
        String location = file.getUrlPrivateDownload() != null ? file.getUrlPrivateDownload() : file.getUrlPrivate();
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SharedFile(file.getName(), location, file.getSize() == null ? 0 : file.getSize()));
    }
}
