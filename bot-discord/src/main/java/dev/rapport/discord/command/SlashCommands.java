package dev.rapport.discord.command;

import java.util.List;

/** Every command Rapport offers on Discord. */
public final class SlashCommands {
    private SlashCommands() {}

    public static List<SlashCommand> all() {
        return List.of(
                new RememberCommand(),
                new FollowUpCommand(),
                new ContactCommand(),
                new CircleCommand(),
                new TodayCommand(),
                new SettingsCommand(),
                new IntroCommand(),
                new ForgetCommand(),
                new ExportCommand(),
                new ImportCommand(),
                new HelpCommand());
    }
}
