package dev.rapport.discord.render;

import dev.rapport.core.reply.Attachment;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Span;
import dev.rapport.core.reply.Text;
import dev.rapport.core.reply.TextFit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Draws a core {@link Reply} as a Discord message: one embed per section (fields side by side), buttons in action
 * rows, the export as a file. Everything is cut to Discord's limits with a pointer to where the rest can be read.
 * User text is escaped and nothing pings, except the mentions of a reply posted to a channel (an intro).
 */
public final class DiscordReplyRenderer {
    static final int EMBEDS_MAX = Message.MAX_EMBED_COUNT;
    static final int EMBEDS_TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    static final int ROWS_MAX = Message.MAX_COMPONENT_COUNT;
    static final int ROW_BUTTONS_MAX = 5;
    // Below this a cut description says little more than the pointer.
    private static final int SMALLEST_USEFUL_TEXT = 40;
    private static final int COLOR = 0x5865F2;
    private static final int ERROR_COLOR = 0xD9534F;
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    /**
     * The message for a reply. {@code pointer} says where to read what had to be cut ("more: /contact \"Marc\"").
     */
    public MessageCreateData render(Reply reply, String pointer) {
        String more = DiscordMarkdown.escape(pointer);
        MessageCreateBuilder message = new MessageCreateBuilder();
        message.setEmbeds(embeds(reply, more));
        message.setComponents(rows(reply));
        reply.attachment().map(DiscordReplyRenderer::file).ifPresent(message::setFiles);
        message.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (reply.visibility() == Reply.Visibility.CHANNEL) {
            List<String> mentioned = mentionedUsers(reply);
            if (!mentioned.isEmpty()) {
                // Mentions in embeds never notify; an intro's two people are named in the content, and only they.
                message.setContent(TextFit.cut(
                        String.join(
                                " ",
                                mentioned.stream().map(id -> "<@" + id + ">").toList()),
                        Message.MAX_CONTENT_LENGTH,
                        ""));
                message.mentionUsers(mentioned);
            }
        }
        if (message.isEmpty()) {
            message.setContent("Done.");
        }
        return message.build();
    }

    private List<MessageEmbed> embeds(Reply reply, String more) {
        int color = reply.isError() ? ERROR_COLOR : COLOR;
        Budget budget = new Budget(EMBEDS_TOTAL_MAX - more.length());
        List<EmbedBuilder> drawn = new ArrayList<>();
        boolean cut = false;
        boolean pointed = false;
        for (Section section : foldExtraSections(reply.sections())) {
            EmbedBuilder embed = new EmbedBuilder().setColor(color);
            if (section.heading().isPresent()) {
                String title =
                        budget.take(TextFit.cut(escape(section.heading().get()), MessageEmbed.TITLE_MAX_LENGTH, ""));
                cut |= title.length() < escape(section.heading().get()).length();
                if (!title.isEmpty()) {
                    embed.setTitle(title);
                }
            }
            String body = markdown(section.body());
            for (int i = 0; i < section.fields().size(); i++) {
                Section.Field field = section.fields().get(i);
                String name = TextFit.cut(escape(field.label()), MessageEmbed.TITLE_MAX_LENGTH, "");
                String value = TextFit.cut(
                        escape(field.value().isBlank() ? "—" : field.value()), MessageEmbed.VALUE_MAX_LENGTH, more);
                if (i >= MessageEmbed.MAX_FIELD_AMOUNT || !budget.fits(name.length() + value.length())) {
                    cut = true;
                    break;
                }
                pointed |= !value.equals(escape(field.value().isBlank() ? "—" : field.value()));
                budget.take(name + value);
                embed.addField(name, value, true);
            }
            if (!body.isBlank()) {
                int room = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, budget.left());
                if (body.length() <= room) {
                    embed.setDescription(budget.take(body));
                } else if (room >= more.length() + SMALLEST_USEFUL_TEXT) {
                    embed.setDescription(budget.take(TextFit.cut(body, room, more)));
                    pointed = true;
                } else {
                    cut = true;
                }
            }
            if (!embed.isEmpty()) {
                drawn.add(embed);
            }
        }
        if (cut && !pointed) {
            if (drawn.isEmpty()) {
                drawn.add(new EmbedBuilder().setColor(color).setDescription(more));
            } else {
                drawn.get(drawn.size() - 1).setFooter(more);
            }
        }
        return drawn.stream().map(EmbedBuilder::build).toList();
    }

    /** At most ten embeds: the sections past the ninth are drawn as text in the tenth. */
    private static List<Section> foldExtraSections(List<Section> sections) {
        if (sections.size() <= EMBEDS_MAX) {
            return sections;
        }
        List<Section> kept = new ArrayList<>(sections.subList(0, EMBEDS_MAX - 1));
        Text.Builder rest = Text.builder();
        for (Section section : sections.subList(EMBEDS_MAX - 1, sections.size())) {
            if (!rest.build().isEmpty()) {
                rest.plain("\n\n");
            }
            section.heading().ifPresent(heading -> rest.strong(heading).plain("\n"));
            section.body().spans().forEach(span -> append(rest, span));
            section.fields().forEach(field -> rest.plain("\n" + field.label() + ": " + field.value()));
        }
        kept.add(Section.of(rest.build()));
        return kept;
    }

    private static void append(Text.Builder text, Span span) {
        if (span instanceof Span.Strong strong) {
            text.strong(strong.text());
        } else if (span instanceof Span.Mention mention) {
            text.mention(mention.platformUserId(), mention.name());
        } else {
            text.plain(span.fallback());
        }
    }

    private List<ActionRow> rows(Reply reply) {
        List<List<Button>> groups = new ArrayList<>();
        long sectionsWithButtons =
                reply.sections().stream().filter(s -> !s.buttons().isEmpty()).count();
        Set<String> ids = new LinkedHashSet<>();
        for (Section section : reply.sections()) {
            // Buttons sit under all embeds, so with several people each row says whose it is.
            Optional<String> owner = sectionsWithButtons > 1 ? section.heading() : Optional.empty();
            groups.add(buttons(section.buttons(), owner, ids));
        }
        groups.add(buttons(reply.buttons(), Optional.empty(), ids));
        List<ActionRow> rows = new ArrayList<>();
        for (List<Button> group : groups) {
            for (int from = 0; from < group.size() && rows.size() < ROWS_MAX; from += ROW_BUTTONS_MAX) {
                rows.add(ActionRow.of(group.subList(from, Math.min(group.size(), from + ROW_BUTTONS_MAX))));
            }
        }
        return rows;
    }

    private List<Button> buttons(List<dev.rapport.core.reply.Button> buttons, Optional<String> owner, Set<String> ids) {
        List<Button> drawn = new ArrayList<>();
        for (dev.rapport.core.reply.Button button : buttons) {
            // The custom id is core's action id; whether a click asks for text first is core's answer then.
            String id = button.actionId();
            // Discord refuses a message whose buttons share an id.
            if (!ids.add(id)) {
                continue;
            }
            String label = drawn.isEmpty() && owner.isPresent() ? owner.get() + ": " + button.label() : button.label();
            label = TextFit.cut(label, Button.LABEL_MAX_LENGTH, "");
            drawn.add(
                    switch (button.style()) {
                        case PRIMARY -> Button.primary(id, label);
                        case DANGER -> Button.danger(id, label);
                        case DEFAULT -> Button.secondary(id, label);
                    });
        }
        return drawn;
    }

    private static List<String> mentionedUsers(Reply reply) {
        Set<String> ids = new LinkedHashSet<>();
        for (Section section : reply.sections()) {
            for (Span span : section.body().spans()) {
                if (span instanceof Span.Mention mention
                        && SNOWFLAKE.matcher(mention.platformUserId()).matches()) {
                    ids.add(mention.platformUserId());
                }
            }
        }
        return List.copyOf(ids);
    }

    private static FileUpload file(Attachment attachment) {
        return FileUpload.fromData(attachment.content().getBytes(StandardCharsets.UTF_8), attachment.fileName());
    }

    /** Text spans as Discord markdown: user text escaped, strong text bold, mentions as mentions. */
    static String markdown(Text text) {
        StringBuilder out = new StringBuilder();
        for (Span span : text.spans()) {
            if (span instanceof Span.Plain plain) {
                out.append(escape(plain.text()));
            } else if (span instanceof Span.Strong strong) {
                out.append(strong.text().isBlank() ? escape(strong.text()) : "**" + escape(strong.text()) + "**");
            } else if (span instanceof Span.Mention mention) {
                out.append(
                        SNOWFLAKE.matcher(mention.platformUserId()).matches()
                                ? "<@" + mention.platformUserId() + ">"
                                : escape("@" + mention.name()));
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return DiscordMarkdown.escape(text);
    }

    /** Characters left of the 6000 that all embeds of one message may hold together. */
    private static final class Budget {
        private int left;

        Budget(int left) {
            this.left = left;
        }

        int left() {
            return Math.max(0, left);
        }

        boolean fits(int length) {
            return length <= left;
        }

        String take(String text) {
            String taken = text.length() <= left ? text : TextFit.cut(text, Math.max(0, left), "");
            left -= taken.length();
            return taken;
        }
    }
}
