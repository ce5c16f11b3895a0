package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rapport.core.command.Hints;
import dev.rapport.discord.command.SlashCommand;
import dev.rapport.discord.command.SlashCommands;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.entities.GuildImpl;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
                .containsExactlyInAnyOrder(
                        InteractionContextType.GUILD,
                        InteractionContextType.BOT_DM,
                        InteractionContextType.PRIVATE_CHANNEL);
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
    void everyCommandInstallsToAServerOrAnAccountAndWorksInServersDmsAndGroupDms() {
        List<CommandData> registered = DiscordBot.registered(SlashCommands.all());

        assertThat(registered).hasSize(commands.size() + 2).allSatisfy(command -> {
            assertThat(command.getIntegrationTypes())
                    .containsExactlyInAnyOrder(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL);
            assertThat(command.getContexts())
                    .containsExactlyInAnyOrder(
                            InteractionContextType.GUILD,
                            InteractionContextType.BOT_DM,
                            InteractionContextType.PRIVATE_CHANNEL);
            // As Discord receives them: integration types 0 and 1, contexts 0, 1 and 2
            DataObject json = command.toData();
            assertThat(json.getArray("integration_types").stream(DataArray::getInt))
                    .containsExactlyInAnyOrder(0, 1);
            assertThat(json.getArray("contexts").stream(DataArray::getInt)).containsExactlyInAnyOrder(0, 1, 2);
        });
    }

    @Test
    void openContactIsAUserCommandAndRememberThisAMessageCommandNamedAsCoreNamesThem() {
        List<CommandData> menus = DiscordBot.registered(SlashCommands.all()).stream()
                .filter(command -> command.getType() != Command.Type.SLASH)
                .toList();

        assertThat(menus)
                .extracting(CommandData::getName, CommandData::getType)
                .containsExactly(
                        tuple("Open contact", Command.Type.USER), tuple("Remember this", Command.Type.MESSAGE));
        assertThat(menus).allMatch(menu -> menu.getName().length() <= 32);
    }

    @Test
    void theLoggedInviteTextGivesAServerInstallLinkAndAUserInstallLink() {
        DiscordTester discord = new DiscordTester();
        String authorize = "https://discord.com/oauth2/authorize?client_id=" + DiscordTester.APPLICATION_ID;

        assertThat(DiscordBot.serverInstallUrl(discord.jda))
                .startsWith(authorize)
                .contains("scope=bot+applications.commands")
                .contains("integration_type=0")
                .doesNotContain("permissions=");
        // A personal install has no bot: its only scope is the commands one
        assertThat(DiscordBot.userInstallUrl(discord.jda))
                .isEqualTo(authorize + "&integration_type=1&scope=applications.commands");

        List<String> lines = logged(() -> registration(Optional.empty()).onReady(new ReadyEvent(discord.jda)));
        assertThat(lines)
                .anyMatch(
                        line -> line.contains("Invite Rapport to a server: " + DiscordBot.serverInstallUrl(discord.jda))
                                && line.contains(DiscordBot.userInstallUrl(discord.jda)));
    }

    @Test
    void withoutADevelopmentServerTheCommandsAreRegisteredGlobally() {
        DiscordTester discord = new DiscordTester();

        registration(Optional.empty()).onReady(new ReadyEvent(discord.jda));

        assertThat(discord.sent())
                .extracting(DiscordTester.Sent::method, DiscordTester.Sent::route)
                .containsExactly(tuple("PUT", "applications/" + DiscordTester.APPLICATION_ID + "/commands"));
    }

    @Test
    void withADevelopmentServerTheCommandsGoToThatServerOnlyAndTheLogSaysSo() {
        // GIVEN DISCORD_GUILD_ID names a server
        DiscordTester discord = new DiscordTester();
        long server = 900000000000000001L;
        CommandRegistration registration = registration(Optional.of(server));

        // WHEN Rapport connects, and that server and another one become ready
        List<String> lines = logged(() -> {
            registration.onReady(new ReadyEvent(discord.jda));
            registration.onGuildReady(new GuildReadyEvent(discord.jda, 0, new GuildImpl(discord.jda, server)));
            registration.onGuildReady(
                    new GuildReadyEvent(discord.jda, 0, new GuildImpl(discord.jda, 900000000000000002L)));
        });

        // THEN the commands went to that server only, never globally, so they do not show twice there
        assertThat(discord.sent())
                .extracting(DiscordTester.Sent::method, DiscordTester.Sent::route)
                .containsExactly(tuple(
                        "PUT", "applications/" + DiscordTester.APPLICATION_ID + "/guilds/" + server + "/commands"));
        assertThat(discord.sent().get(0).body().getArray("array").length())
                .isEqualTo(DiscordBot.registered(SlashCommands.all()).size());
        assertThat(lines).anyMatch(line -> line.contains("registered to server " + server + " only, not globally"));
    }

    private static CommandRegistration registration(Optional<Long> devGuildId) {
        return new CommandRegistration(DiscordBot.registered(SlashCommands.all()), devGuildId, new CountDownLatch(1));
    }

    /** The lines Rapport logged while {@code work} ran. */
    private static List<String> logged(Runnable work) {
        Logger logger = (Logger) LoggerFactory.getLogger(CommandRegistration.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        try {
            work.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(null);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
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
