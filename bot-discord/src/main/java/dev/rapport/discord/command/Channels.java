package dev.rapport.discord.command;

import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.Interaction;

/** Where an interaction happened, in core's terms: a team channel is a server channel, never a direct message. */
public final class Channels {
    private Channels() {}

    /** The server channel of the interaction; empty in a direct message, which core must not treat as a team. */
    public static Optional<String> teamChannel(Interaction interaction) {
        return interaction.isFromGuild() ? Optional.ofNullable(interaction.getChannelId()) : Optional.empty();
    }

    /**
     * Whether the member may manage the channel they are in (Discord's Manage Channels there, which server owners and
     * administrators always have). Discord sends the member's permissions in that channel with every interaction;
     * for a server JDA caches, JDA works them out from the cached roles and overrides instead.
     */
    public static boolean canManage(Interaction interaction) {
        Member member = interaction.getMember();
        if (member == null || !(interaction.getChannel() instanceof GuildChannel channel)) {
            return false;
        }
        try {
            return member.hasPermission(channel, Permission.MANAGE_CHANNEL);
        } catch (IllegalStateException e) {
            // JDA cannot tell (MissingEntityInteractionPermissionsException): no rights rather than a guess.
            return false;
        }
    }
}
