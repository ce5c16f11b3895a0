package dev.rapport.core.api;

/**
 * Whether the person may manage the channel they are in (Slack: a workspace admin or owner, or the channel's
 * creator; Discord: Manage Channels there). Core asks only for the commands that need it, and at most once per
 * request, so an adapter may answer lazily with a call to its platform.
 */
@FunctionalInterface
public interface ChannelRights {
    /** Rights of someone who manages nothing (and of any adapter that cannot tell). */
    ChannelRights NONE = () -> false;

    boolean canManageChannel();

    static ChannelRights of(boolean canManage) {
        return () -> canManage;
    }
}
