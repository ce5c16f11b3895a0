package dev.rapport.discord.command;

import dev.rapport.core.api.Requester;
import dev.rapport.core.command.Hints;
import dev.rapport.core.domain.Settings;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** /settings show|timezone|digest|days|pause|resume|max|about|link|unlink. */
public final class SettingsCommand extends SlashCommand {
    static final String SHOW = "show";
    static final String TIMEZONE = "timezone";
    static final String ZONE = "zone";
    static final String DIGEST = "digest";
    static final String TIME = "time";
    static final String DAYS = "days";
    static final String WHICH = "which";
    static final String PAUSE = "pause";
    static final String UNTIL = "until";
    static final String RESUME = "resume";
    static final String MAX = "max";
    static final String PEOPLE = "people";
    static final String ABOUT = "about";
    static final String TOPICS = "topics";
    static final String LINK = "link";
    static final String CODE = "code";
    static final String UNLINK = "unlink";

    public SettingsCommand() {
        super("settings", "Show or change your settings");
    }

    @Override
    protected void declare(SlashCommandData data) {
        data.addSubcommands(
                new SubcommandData(SHOW, "Show your settings"),
                new SubcommandData(TIMEZONE, "Your time zone (Discord does not tell it)")
                        .addOptions(new OptionData(OptionType.STRING, ZONE, Hints.ZONE, true, true).setMaxLength(100)),
                new SubcommandData(DIGEST, "When your daily digest comes")
                        .addOptions(new OptionData(OptionType.STRING, TIME, Hints.DIGEST_TIME, true).setMaxLength(20)),
                new SubcommandData(DAYS, "Which days the digest comes")
                        .addOptions(
                                new OptionData(OptionType.STRING, WHICH, Hints.DIGEST_DAYS, true).setMaxLength(100)),
                new SubcommandData(PAUSE, "Pause digests for a while")
                        .addOptions(
                                new OptionData(OptionType.STRING, UNTIL, Hints.PAUSE, true, true).setMaxLength(100)),
                new SubcommandData(RESUME, "End a pause"),
                new SubcommandData(MAX, "How many people a digest holds at most")
                        .addOptions(new OptionData(
                                        OptionType.INTEGER, PEOPLE, "Between 1 and " + Settings.MAX_ITEMS_LIMIT, true)
                                .setRequiredRange(1, Settings.MAX_ITEMS_LIMIT)),
                new SubcommandData(ABOUT, "“Ask me about” topics that only pairing partners see")
                        .addOptions(
                                new OptionData(OptionType.STRING, TOPICS, "Like: climbing, Rust (empty clears)", false)
                                        .setMaxLength(300)),
                new SubcommandData(LINK, Hints.LINK)
                        .addOptions(new OptionData(OptionType.STRING, CODE, Hints.LINK_CODE, false).setMaxLength(20)),
                new SubcommandData(UNLINK, Hints.UNLINK));
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        CommandText text = CommandText.of(interaction);
        String subcommand = Optional.ofNullable(interaction.getSubcommandName()).orElse(SHOW);
        return switch (subcommand) {
            case TIMEZONE -> text.word(TIMEZONE).option(ZONE);
            case DIGEST -> text.word(DIGEST).option(TIME);
            case DAYS -> text.word(DAYS).option(WHICH);
            case PAUSE -> text.word(PAUSE).option(UNTIL);
            case RESUME -> text.word(RESUME);
            case MAX -> text.word(MAX).option(PEOPLE);
            case ABOUT -> text.word(ABOUT).option(TOPICS);
            case LINK -> text.word(LINK).option(CODE);
            case UNLINK -> text.word(UNLINK);
            default -> text;
        };
    }

    @Override
    public String pointer(CommandInteractionPayload interaction) {
        return "";
    }

    @Override
    public List<String> suggest(
            Optional<String> subcommand, String option, String typed, Requester from, Suggestions suggestions) {
        return switch (option) {
            case ZONE -> suggestions.zones(typed);
            case UNTIL -> suggestions.dates(typed);
            default -> List.of();
        };
    }
}
