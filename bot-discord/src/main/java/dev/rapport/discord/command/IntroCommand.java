package dev.rapport.discord.command;

import dev.rapport.core.domain.RoundChannel;
import dev.rapport.core.people.NoteText;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * /intro people a b why, /intro checkins, and /intro rounds on|off|status|skip|now|join|leave, written as core's
 * text ({@code <@a> <@b> why…}, {@code rounds on every 2 weeks revisit}). Introductions and rounds belong to a server
 * channel; in a direct message core says so. The intro post and the rounds announcements are answered to the whole
 * channel, so those subcommands are deferred in the open.
 */
public final class IntroCommand extends SlashCommand {
    static final String PEOPLE = "people";
    static final String A = "a";
    static final String B = "b";
    static final String WHY = "why";
    static final String CHECKINS = "checkins";
    static final String ROUNDS = "rounds";
    static final String ON = "on";
    static final String OFF = "off";
    static final String STATUS = "status";
    static final String SKIP = "skip";
    static final String NOW = "now";
    static final String JOIN = "join";
    static final String LEAVE = "leave";
    static final String EVERY = "every";
    static final String REVISIT = "revisit";

    public IntroCommand() {
        super("intro", "Introduce two people in this channel, or run pairing rounds");
    }

    @Override
    protected void declare(SlashCommandData data) {
        data.addSubcommands(
                new SubcommandData(PEOPLE, "Introduce two people here and say why they should meet")
                        .addOptions(
                                new OptionData(OptionType.USER, A, "The first person", true),
                                new OptionData(OptionType.USER, B, "The person they should meet", true),
                                new OptionData(
                                                OptionType.STRING,
                                                WHY,
                                                "Why they should meet (posted as you write it)",
                                                true)
                                        .setMaxLength(NoteText.MAX_LENGTH)),
                new SubcommandData(CHECKINS, "Your intros that are due a check-in"));
        data.addSubcommandGroups(new SubcommandGroupData(ROUNDS, "Regular pairing rounds in this channel")
                .addSubcommands(
                        new SubcommandData(ON, "Turn pairing rounds on here (needs Manage Channels)")
                                .addOptions(
                                        new OptionData(
                                                        OptionType.INTEGER,
                                                        EVERY,
                                                        "Every how many weeks (default " + RoundChannel.DEFAULT_WEEKS
                                                                + ")")
                                                .setRequiredRange(1, RoundChannel.MAX_WEEKS),
                                        new OptionData(
                                                OptionType.BOOLEAN,
                                                REVISIT,
                                                "Re-pair people who met before, to go deeper rather than wider")),
                        new SubcommandData(OFF, "Turn pairing rounds off here (needs Manage Channels)"),
                        new SubcommandData(STATUS, "Rounds run, pairs, how many met, and whether you take part"),
                        new SubcommandData(SKIP, "Sit out the next round"),
                        new SubcommandData(NOW, "Start a round now (needs Manage Channels)"),
                        new SubcommandData(JOIN, "Take part in this channel's rounds"),
                        new SubcommandData(LEAVE, "Stop taking part in this channel's rounds")));
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        CommandText text = CommandText.of(interaction);
        String subcommand = Optional.ofNullable(interaction.getSubcommandName()).orElse(CHECKINS);
        if (ROUNDS.equals(interaction.getSubcommandGroup())) {
            text.word(ROUNDS).word(subcommand);
            if (subcommand.equals(ON)) {
                Optional.ofNullable(interaction.getOption(EVERY))
                        .map(OptionMapping::getAsInt)
                        .ifPresent(weeks -> text.word(weeks == 1 ? "every week" : "every " + weeks + " weeks"));
                if (Optional.ofNullable(interaction.getOption(REVISIT))
                        .map(OptionMapping::getAsBoolean)
                        .orElse(false)) {
                    text.word(REVISIT);
                }
            }
            return text;
        }
        return subcommand.equals(PEOPLE) ? text.user(A).user(B).option(WHY) : text;
    }

    /** The intro post and turning rounds on or off are posted to the channel; everything else is private. */
    @Override
    public boolean mayAnswerChannel(CommandInteractionPayload interaction) {
        String subcommand = Optional.ofNullable(interaction.getSubcommandName()).orElse(CHECKINS);
        return ROUNDS.equals(interaction.getSubcommandGroup())
                ? subcommand.equals(ON) || subcommand.equals(OFF)
                : subcommand.equals(PEOPLE);
    }

    @Override
    public String pointer(CommandInteractionPayload interaction) {
        return "";
    }
}
