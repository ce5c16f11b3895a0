package dev.rapport.core.domain;

/** What one person chose about a channel's rounds: joined, left or neither, and whether they sit out the next. */
public record MemberChoice(String platformUserId, String name, Choice choice, boolean skipNext) {

    /** Joined (needed where the platform cannot list a channel's members), left, or neither. */
    public enum Choice {
        NONE,
        JOINED,
        LEFT
    }

    public static MemberChoice none(String platformUserId, String name) {
        return new MemberChoice(platformUserId, name, Choice.NONE, false);
    }

    public MemberChoice with(Choice newChoice) {
        return new MemberChoice(platformUserId, name, newChoice, skipNext);
    }

    public MemberChoice skipping(boolean skip) {
        return new MemberChoice(platformUserId, name, choice, skip);
    }
}
