package dev.rapport.discord.command;

import dev.rapport.core.api.Requester;
import dev.rapport.core.command.Hints;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** /followup add|list|done|snooze|cancel: follow-ups and keep-in-touch rhythms. */
public final class FollowUpCommand extends SlashCommand {
    static final String ADD = "add";
    static final String LIST = "list";
    static final String DONE = "done";
    static final String SNOOZE = "snooze";
    static final String CANCEL = "cancel";
    static final String ABOUT = "about";
    static final String WHAT = "what";
    static final String REASON = "reason";

    public FollowUpCommand() {
        super("followup", "Follow up with people you care about");
    }

    @Override
    protected void declare(SlashCommandData data) {
        data.addSubcommands(
                new SubcommandData(ADD, "Schedule a follow-up, or a rhythm with “every …”")
                        .addOptions(
                                Options.who("Who to follow up with"),
                                Options.when(Hints.FOLLOW_UP_WHEN),
                                Options.note(ABOUT, "What it is about", false),
                                Options.user()),
                new SubcommandData(LIST, "Overdue and upcoming follow-ups, and lapsed rhythms"),
                new SubcommandData(DONE, "Log that you were in touch")
                        .addOptions(
                                Options.who("Who you were in touch with"),
                                Options.note(WHAT, "What happened (start with “they …” if they reached out)", false),
                                Options.user()),
                new SubcommandData(SNOOZE, "Move a follow-up to later")
                        .addOptions(
                                Options.who("Whose follow-up to move"),
                                Options.when(Hints.SNOOZE_UNTIL),
                                Options.note(REASON, "Why (kept as a note)", false),
                                Options.user()),
                new SubcommandData(CANCEL, "Drop the follow-up and the rhythm")
                        .addOptions(Options.who("Whose follow-up to drop"), Options.user()));
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        CommandText text = CommandText.of(interaction);
        String subcommand = Optional.ofNullable(interaction.getSubcommandName()).orElse(ADD);
        return switch (subcommand) {
            case LIST -> text.word(LIST);
            case DONE -> text.word(DONE).who().option(WHAT);
            case SNOOZE -> text.word(SNOOZE).who().option(Options.WHEN).option(REASON);
            case CANCEL -> text.word(CANCEL).who();
            default -> text.who().option(Options.WHEN).option(ABOUT, ABOUT);
        };
    }

    @Override
    public List<String> suggest(
            Optional<String> subcommand, String option, String typed, Requester from, Suggestions suggestions) {
        if (option.equals(Options.WHEN) && subcommand.filter(SNOOZE::equals).isPresent()) {
            return suggestions.dates(typed);
        }
        return super.suggest(subcommand, option, typed, from, suggestions);
    }
}
