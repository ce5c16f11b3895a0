package dev.rapport.discord.command;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * Where every Rapport command may be used: Rapport installs to a server or to a person's own account, and its
 * commands work in servers, in a direct message with Rapport, and (installed to an account) in that person's other
 * DMs and group DMs. Answers there are seen by the asker only, as everywhere but an intro post.
 */
public final class Installs {
    private Installs() {}

    /** The command, usable from either kind of install in every kind of channel. */
    public static <T extends CommandData> T everywhere(T command) {
        command.setIntegrationTypes(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL);
        command.setContexts(
                InteractionContextType.GUILD, InteractionContextType.BOT_DM, InteractionContextType.PRIVATE_CHANNEL);
        return command;
    }
}
