package dev.rapport.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.ExternalSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.UsersSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.rapport.core.api.PlatformUser;
import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core's capture form drawn as a Slack modal: a users select (starting on the message's author), a free name whose
 * options Slack asks for as the user types ({@code block_suggestion}), the note, an "ask next time" checkbox and the
 * follow-up phrase. Its private metadata keeps the message's link and what Slack said of its author, so the
 * submission needs no second look-up for them.
 */
final class CaptureModal {
    static final String CALLBACK_ID = "rapport_capture";
    static final String PERSON_BLOCK = "capture_person";
    static final String PERSON_INPUT = "user";
    static final String NAME_BLOCK = "capture_name";
    static final String NAME_INPUT = "capture_name_pick";
    static final String NOTE_BLOCK = "capture_note";
    static final String NOTE_INPUT = "note";
    static final String ASK_BLOCK = "capture_ask";
    static final String ASK_INPUT = "ask";
    static final String ASK_VALUE = "ask";
    static final String FOLLOW_UP_BLOCK = "capture_followup";
    static final String FOLLOW_UP_INPUT = "followup";
    private static final Gson GSON = new Gson();

    private CaptureModal() {}

    /** What the submission needs: the source link, and the message's author as the directory described them. */
    record Origin(String source, String authorId, String authorName, String authorStanding) {
        static Origin of(CaptureForm form, Optional<PlatformUser> author) {
            return new Origin(
                    form.source().orElse(null),
                    author.map(PlatformUser::id).orElse(null),
                    author.map(PlatformUser::name).orElse(null),
                    author.map(a -> a.standing().name()).orElse(null));
        }

        Optional<String> link() {
            return Optional.ofNullable(source).filter(s -> !s.isBlank());
        }

        /** The author as the modal was opened on, when the user chosen is still them. */
        Optional<PlatformUser> author(String chosenId) {
            if (authorId == null || !authorId.equals(chosenId) || authorName == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(
                        new PlatformUser(authorId, authorName, PlatformUser.Standing.valueOf(authorStanding)));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.empty();
            }
        }
    }

    static View view(CaptureForm form, Origin origin) {
        String metadata = GSON.toJson(origin);
        if (metadata.length() > Limits.PRIVATE_METADATA) {
            // Only an absurd link could do this: the note is then saved without it.
            metadata = GSON.toJson(new Origin(null, origin.authorId(), origin.authorName(), origin.authorStanding()));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        UsersSelectElement.UsersSelectElementBuilder person =
                UsersSelectElement.builder().actionId(PERSON_INPUT);
        form.personId().ifPresent(person::initialUser);
        blocks.add(InputBlock.builder()
                .blockId(PERSON_BLOCK)
                // With a free name beside it, either may be given: core says when neither was.
                .optional(form.name().isPresent())
                .label(SlackReplyRenderer.plain(Limits.clip(form.personLabel(), Limits.INPUT_LABEL)))
                .element(person.build())
                .build());
        form.name()
                .ifPresent(name -> blocks.add(InputBlock.builder()
                        .blockId(NAME_BLOCK)
                        .optional(true)
                        .label(SlackReplyRenderer.plain(Limits.clip(name.label(), Limits.INPUT_LABEL)))
                        .element(ExternalSelectElement.builder()
                                .actionId(NAME_INPUT)
                                .minQueryLength(1)
                                .placeholder(
                                        SlackReplyRenderer.plain(Limits.clip(name.placeholder(), Limits.PLACEHOLDER)))
                                .build())
                        .build()));
        PlainTextInputElement.PlainTextInputElementBuilder note =
                text(form.note(), NOTE_INPUT).multiline(true);
        if (!form.noteText().isEmpty()) {
            note.initialValue(form.noteText());
        }
        blocks.add(input(NOTE_BLOCK, form.note(), note.build()));
        blocks.add(InputBlock.builder()
                .blockId(ASK_BLOCK)
                .optional(true)
                .label(SlackReplyRenderer.plain(Limits.clip(form.askLabel(), Limits.INPUT_LABEL)))
                .element(CheckboxesElement.builder()
                        .actionId(ASK_INPUT)
                        .options(List.of(OptionObject.builder()
                                .text(SlackReplyRenderer.plain(Limits.clip(form.askOption(), Limits.OPTION_TEXT)))
                                .value(ASK_VALUE)
                                .build()))
                        .build())
                .build());
        blocks.add(input(
                FOLLOW_UP_BLOCK,
                form.followUp(),
                text(form.followUp(), FOLLOW_UP_INPUT).build()));
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(title(form.title()))
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(Limits.clip(form.submit(), Limits.MODAL_TITLE))
                        .build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(metadata)
                .blocks(blocks)
                .build();
    }

    /** The modal after a capture was saved: core's confirmation, and a close button. */
    static View saved(String title, List<LayoutBlock> confirmation) {
        return View.builder()
                .type("modal")
                .title(title(title))
                .close(ViewClose.builder().type("plain_text").text("Done").build())
                .blocks(confirmation)
                .build();
    }

    private static ViewTitle title(String text) {
        return ViewTitle.builder()
                .type("plain_text")
                .text(Limits.clip(text, Limits.MODAL_TITLE))
                .emoji(true)
                .build();
    }

    private static PlainTextInputElement.PlainTextInputElementBuilder text(Prompt prompt, String actionId) {
        PlainTextInputElement.PlainTextInputElementBuilder input = PlainTextInputElement.builder()
                .actionId(actionId)
                .maxLength(Math.max(1, Math.min(prompt.maxLength(), Limits.INPUT_MAX)));
        if (!prompt.placeholder().isBlank()) {
            input.placeholder(SlackReplyRenderer.plain(Limits.clip(prompt.placeholder(), Limits.PLACEHOLDER)));
        }
        return input;
    }

    private static InputBlock input(String blockId, Prompt prompt, PlainTextInputElement element) {
        return InputBlock.builder()
                .blockId(blockId)
                .optional(prompt.optional())
                .label(SlackReplyRenderer.plain(Limits.clip(prompt.label(), Limits.INPUT_LABEL)))
                .element(element)
                .build();
    }

    static Optional<Origin> origin(View view) {
        try {
            return Optional.ofNullable(GSON.fromJson(view.getPrivateMetadata(), Origin.class));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** The user chosen in the users select, if any. */
    static Optional<String> person(View view) {
        return value(view, PERSON_BLOCK, PERSON_INPUT)
                .map(ViewState.Value::getSelectedUser)
                .filter(id -> !id.isBlank());
    }

    /** The name chosen among the suggestions, if any. */
    static Optional<String> name(View view) {
        return value(view, NAME_BLOCK, NAME_INPUT)
                .map(ViewState.Value::getSelectedOption)
                .map(ViewState.SelectedOption::getValue)
                .filter(name -> !name.isBlank());
    }

    static String note(View view) {
        return value(view, NOTE_BLOCK, NOTE_INPUT)
                .map(ViewState.Value::getValue)
                .orElse("");
    }

    static boolean ask(View view) {
        return value(view, ASK_BLOCK, ASK_INPUT)
                .map(ViewState.Value::getSelectedOptions)
                .map(options -> options.stream().anyMatch(o -> ASK_VALUE.equals(o.getValue())))
                .orElse(false);
    }

    static Optional<String> followUp(View view) {
        return value(view, FOLLOW_UP_BLOCK, FOLLOW_UP_INPUT)
                .map(ViewState.Value::getValue)
                .filter(text -> !text.isBlank());
    }

    /** Core's reasons, each beside its block (a person's reason beside the users select). */
    static Map<String, String> errors(Map<CaptureForm.Field, String> problems, View view) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean hasName =
                view.getBlocks() != null && view.getBlocks().stream().anyMatch(b -> NAME_BLOCK.equals(b.getBlockId()));
        problems.forEach((field, reason) -> errors.put(
                switch (field) {
                    case PERSON -> PERSON_BLOCK;
                    case NAME -> hasName ? NAME_BLOCK : PERSON_BLOCK;
                    case NOTE -> NOTE_BLOCK;
                    case FOLLOW_UP -> FOLLOW_UP_BLOCK;
                },
                reason));
        return errors;
    }

    private static Optional<ViewState.Value> value(View view, String block, String input) {
        if (view.getState() == null || view.getState().getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> values = view.getState().getValues().get(block);
        return Optional.ofNullable(values == null ? null : values.get(input));
    }
}
