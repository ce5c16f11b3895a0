package dev.rapport.discord.command;

import dev.rapport.core.api.Place;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.Interaction;

/** Where an interaction happened, in core's terms: a team channel is a server channel, never a direct message. */
public final class Channels {
    private Channels() {}

    /** Where the interaction happened: a server channel, a direct message with Rapport, or a group DM. */
    public static Place place(Interaction interaction) {
        String channelId = interaction.getChannelId();
        if (interaction.isFromGuild() && channelId != null) {
            return Place.teamChannel(channelId);
        }
        if (interaction.getChannelType() == ChannelType.GROUP) {
            return Place.groupMessage(channelId);
        }
        return channelId == null ? Place.none() : Place.directMessage(channelId);
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
