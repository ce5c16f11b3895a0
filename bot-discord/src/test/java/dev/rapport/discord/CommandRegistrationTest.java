package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rapport.core.command.Hints;
import dev.rapport.discord.command.SlashCommand;
import dev.rapport.discord.command.SlashCommands;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.junit.jupiter.api.Test;

/** The commands Discord is told about, and how Rapport is invited. */
class CommandRegistrationTest {
    private final List<SlashCommandData> commands =
            SlashCommands.all().stream().map(SlashCommand::data).toList();

    @Test
    void everyCoreCommandIsRegistered() {
        assertThat(commands.stream().map(SlashCommandData::getName))
                .containsExactlyInAnyOrder(
                        "remember",
                        "followup",
                        "contact",
                        "circle",
                        "today",
                        "settings",
                        "intro",
                        "forget",
                        "export",
                        "import",
                        "help");
    }

    @Test
    void introIntroducesTwoDiscordUsersAndRunsRoundsAsASubcommandGroup() {
        SlashCommandData intro = command("intro");
        assertThat(subcommands("intro")).containsExactly("people", "checkins");
        assertThat(intro.getSubcommands().get(0).getOptions())
                .extracting(OptionData::getName, OptionData::getType, OptionData::isRequired)
                .containsExactly(
                        tuple("a", OptionType.USER, true),
                        tuple("b", OptionType.USER, true),
                        tuple("why", OptionType.STRING, true));
        assertThat(intro.getSubcommands().get(0).getOptions().get(2).getMaxLength())
                .isEqualTo(2000);

        SubcommandGroupData rounds = intro.getSubcommandGroups().get(0);
        assertThat(rounds.getName()).isEqualTo("rounds");
        assertThat(rounds.getSubcommands().stream().map(SubcommandData::getName))
                .containsExactly("on", "off", "status", "skip", "now", "join", "leave");
        List<OptionData> on = rounds.getSubcommands().get(0).getOptions();
        assertThat(on)
                .extracting(OptionData::getName, OptionData::getType, OptionData::isRequired)
                .containsExactly(
                        tuple("every", OptionType.INTEGER, false), tuple("revisit", OptionType.BOOLEAN, false));
        assertThat(on.get(0).getMinValue()).isEqualTo(1L);
        assertThat(on.get(0).getMaxValue()).isEqualTo(12L);
        // Usable where people are; in a DM core explains that intros belong to a channel
        assertThat(intro.getContexts())
                .containsExactlyInAnyOrder(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
        // Registering must not fail Discord's own validation
        assertThat(intro.toData().toString()).contains("\"type\":2");
    }

    @Test
    void followUpAndSettingsUseSubcommands() {
        assertThat(subcommands("followup")).containsExactly("add", "list", "done", "snooze", "cancel");
        assertThat(subcommands("settings"))
                .containsExactly(
                        "show", "timezone", "digest", "days", "pause", "resume", "max", "about", "link", "unlink");
    }

    @Test
    void whoIsANameWithAutocompleteOrADiscordUserEverywhereAPersonIsNamed() {
        List<OptionData> whoOptions = allOptions().stream()
                .filter(option -> option.getName().equals("who"))
                .toList();
        assertThat(whoOptions).hasSize(7).allMatch(o -> o.getType() == OptionType.STRING && o.isAutoComplete());
        assertThat(allOptions().stream().filter(option -> option.getName().equals("user")))
                .hasSize(7)
                .allMatch(o -> o.getType() == OptionType.USER && !o.isRequired());
        assertThat(allOptions().stream().filter(option -> option.getName().equals("when")))
                .hasSize(2)
                .allMatch(OptionData::isAutoComplete);
    }

    @Test
    void theHintsOfTypedTimesComeFromCoreAndNeverLeaveNextFridayUnexplained() {
        assertThat(allOptions().stream()
                        .filter(option -> option.getName().equals("when"))
                        .map(OptionData::getDescription))
                .containsExactly(Hints.FOLLOW_UP_WHEN, Hints.SNOOZE_UNTIL)
                .noneMatch(hint -> hint.toLowerCase(java.util.Locale.ROOT).contains("next friday"));
        assertThat(command("settings").getSubcommands().stream()
                        .flatMap(subcommand -> subcommand.getOptions().stream())
                        .map(OptionData::getDescription))
                .contains(Hints.ZONE, Hints.DIGEST_TIME, Hints.DIGEST_DAYS, Hints.PAUSE)
                .allMatch(hint -> hint.length() <= Hints.MAX_LENGTH);
    }

    @Test
    void theInviteAsksForTheBotAndCommandScopesAndNoPermissions() {
        DiscordTester discord = new DiscordTester();

        String url = DiscordBot.inviteUrl(discord.jda);

        assertThat(url)
                .startsWith("https://discord.com/oauth2/authorize?client_id=" + DiscordTester.APPLICATION_ID)
                .contains("scope=bot+applications.commands")
                .doesNotContain("permissions=");
    }

    @Test
    void settingsNeverShowTheToken() {
        DiscordSettings settings =
                new DiscordSettings("MTIz.secret-token-value", Optional.of(42L), Optional.of("http://localhost:9/"));

        assertThat(settings.toString()).doesNotContain("secret").contains("hidden");
    }

    private List<String> subcommands(String name) {
        return command(name).getSubcommands().stream()
                .map(SubcommandData::getName)
                .toList();
    }

    private SlashCommandData command(String name) {
        return commands.stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<OptionData> allOptions() {
        return commands.stream()
                .flatMap(c -> java.util.stream.Stream.concat(
                        c.getOptions().stream(), c.getSubcommands().stream().flatMap(s -> s.getOptions().stream())))
                .toList();
    }
}
