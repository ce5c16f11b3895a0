package dev.rapport.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a core {@link Reply} as Block Kit: a heading becomes a header block, the body a section with escaped mrkdwn,
 * fields sit beside it, buttons form actions blocks. Everything is cut to Slack's limits; what does not fit ends
 * with a pointer to where the rest can be read.
 */
public final class SlackReplyRenderer {
    /** Where to read what was cut: core's replies hold no better pointer yet (see the bot-slack notes). */
    static final String POINTER = "— more: /contact <name> for one person, /export for everything";

    /** Blocks for a message (at most 50). */
    public List<LayoutBlock> message(Reply reply) {
        return blocks(reply, Limits.MESSAGE_BLOCKS);
    }

    /** Blocks for a message, modal or Home tab, at most {@code maxBlocks}. */
    public List<LayoutBlock> blocks(Reply reply, int maxBlocks) {
        Counter buttons = new Counter();
        List<List<LayoutBlock>> groups = new ArrayList<>();
        for (Section section : reply.sections()) {
            groups.add(section(section, buttons));
        }
        List<LayoutBlock> closing = actions(reply.buttons(), buttons);
        int total = closing.size() + groups.stream().mapToInt(List::size).sum();
        List<LayoutBlock> out = new ArrayList<>();
        if (total <= maxBlocks) {
            groups.forEach(out::addAll);
        } else {
            int room = maxBlocks - closing.size() - 1;
            for (List<LayoutBlock> group : groups) {
                if (out.size() + group.size() > room) {
                    break;
                }
                out.addAll(group);
            }
            out.add(context("…more than fits in one Slack message " + POINTER));
        }
        out.addAll(closing);
        return out;
    }

    /**
     * The message's notification and accessibility text: the reply as plain, escaped characters. A post for the whole
     * channel keeps its mentions (the people it introduces), so that its notification names and reaches them.
     */
    public String fallbackText(Reply reply) {
        if (reply.visibility() == Reply.Visibility.CHANNEL) {
            String text = channelText(reply);
            return Mrkdwn.cut(text.isBlank() ? "Rapport" : text, Limits.FALLBACK_TEXT, "");
        }
        String plain = reply.plainText();
        return Mrkdwn.cut(Mrkdwn.escape(plain.isBlank() ? "Rapport" : plain), Limits.FALLBACK_TEXT, "");
    }

    private static String channelText(Reply reply) {
        List<String> parts = new ArrayList<>();
        for (Section section : reply.sections()) {
            section.heading().filter(h -> !h.isBlank()).map(Mrkdwn::escape).ifPresent(parts::add);
            parts.add(Mrkdwn.render(section.body()));
            section.fields().forEach(field -> parts.add(Mrkdwn.escape(field.label() + ": " + field.value())));
        }
        return String.join("\n", parts.stream().filter(part -> !part.isBlank()).toList());
    }

    private static List<LayoutBlock> section(Section section, Counter buttons) {
        List<LayoutBlock> blocks = new ArrayList<>();
        section.heading()
                .filter(heading -> !heading.isBlank())
                .ifPresent(heading -> blocks.add(HeaderBlock.builder()
                        .text(plain(Limits.clip(heading, Limits.HEADER_TEXT)))
                        .build()));
        List<TextObject> fields = section.fields().stream()
                .map(field -> (TextObject) markdown(Mrkdwn.cut(
                        "*" + Mrkdwn.escape(field.label()) + "*\n" + Mrkdwn.escape(field.value()),
                        Limits.FIELD_TEXT,
                        POINTER)))
                .toList();
        String body = section.body().isEmpty() ? "" : Mrkdwn.render(section.body());
        List<List<TextObject>> fieldRows = chunks(fields, Limits.FIELDS_PER_SECTION);
        if (!body.isBlank()) {
            SectionBlock.SectionBlockBuilder text =
                    SectionBlock.builder().text(markdown(Mrkdwn.cut(body, Limits.SECTION_TEXT, POINTER)));
            if (!fieldRows.isEmpty()) {
                text.fields(fieldRows.remove(0));
            }
            blocks.add(text.build());
        }
        fieldRows.forEach(row -> blocks.add(SectionBlock.builder().fields(row).build()));
        blocks.addAll(actions(section.buttons(), buttons));
        return blocks;
    }

    private static List<LayoutBlock> actions(List<Button> buttons, Counter counter) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (List<Button> row : chunks(buttons, Limits.ACTIONS_PER_BLOCK)) {
            List<BlockElement> elements = new ArrayList<>();
            for (Button button : row) {
                elements.add(button(button, counter.next()));
            }
            blocks.add(ActionsBlock.builder().elements(elements).build());
        }
        return blocks;
    }

    private static ButtonElement button(Button button, int index) {
        return ButtonElement.builder()
                .text(plain(Limits.clip(button.label(), Limits.BUTTON_TEXT)))
                .actionId(ButtonCodec.actionId(index, button))
                .value(ButtonCodec.value(button))
                .style(
                        switch (button.style()) {
                            case PRIMARY -> "primary";
                            case DANGER -> "danger";
                            case DEFAULT -> null;
                        })
                .build();
    }

    private static LayoutBlock context(String text) {
        List<ContextBlockElement> elements = List.of(markdown(Mrkdwn.escape(text)));
        return ContextBlock.builder().elements(elements).build();
    }

    static MarkdownTextObject markdown(String mrkdwn) {
        // verbatim: Slack must not turn bare names, channels or URLs in user text into links or mentions.
        return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
    }

    static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> rows = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            rows.add(new ArrayList<>(items.subList(start, Math.min(items.size(), start + size))));
        }
        return rows;
    }

    /** Numbers the buttons of one message, so that their Slack action ids are unique. */
    private static final class Counter {
        private int next;

        int next() {
            return next++;
        }
    }
}
