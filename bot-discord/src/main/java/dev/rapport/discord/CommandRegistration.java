package dev.rapport.discord;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the commands once connected and logs how to install Rapport. Without a development server the commands
 * are registered globally; with one (DISCORD_GUILD_ID) they go to that server only, so that they never show twice
 * there, and the log says so.
 */
final class CommandRegistration extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistration.class);

    private final List<CommandData> commands;
    private final Optional<Long> devGuildId;
    private final CountDownLatch ready;

    CommandRegistration(List<CommandData> commands, Optional<Long> devGuildId, CountDownLatch ready) {
        this.commands = List.copyOf(commands);
        this.devGuildId = devGuildId;
        this.ready = ready;
    }

    @Override
    public void onReady(ReadyEvent event) {
        ready.countDown();
        JDA jda = event.getJDA();
        log.info(
                "Connected to Discord as {}. Invite Rapport to a server: {} — or add it to your own account, to use it"
                        + " in every server and DM (turn on User Install in the Developer Portal first): {}",
                jda.getSelfUser().getName(),
                DiscordBot.serverInstallUrl(jda),
                DiscordBot.userInstallUrl(jda));
        if (devGuildId.isPresent()) {
            log.info(
                    "DISCORD_GUILD_ID is set: the commands are registered to server {} only, not globally (commands"
                            + " registered globally by an earlier run stay until a run without it replaces them)",
                    Long.toUnsignedString(devGuildId.get()));
            return;
        }
        jda.updateCommands()
                .addCommands(commands)
                .queue(
                        done -> log.info(
                                "Registered {} commands globally (Discord may take up to an hour to show changes)",
                                done.size()),
                        failure -> log.error("Registering the commands failed", failure));
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (devGuildId.filter(id -> id == event.getGuild().getIdLong()).isEmpty()) {
            return;
        }
        event.getGuild()
                .updateCommands()
                .addCommands(commands)
                .queue(
                        done -> log.info(
                                "Registered {} commands to the development server {} only",
                                done.size(),
                                event.getGuild().getId()),
                        failure -> log.error("Registering the commands to the development server failed", failure));
    }
}
