package dev.rapport.core.command;

import dev.rapport.core.reply.Wording;
import dev.rapport.core.time.ClockTimes;
import dev.rapport.core.time.WeekDays;

/**
 * Short descriptions of typed inputs, for platforms that describe a command's options before it is sent (Discord's
 * option hints). Core owns the words, so every platform shows the forms the grammar reads. Each is at most
 * {@link #MAX_LENGTH} characters (Discord's limit).
 */
public final class Hints {
    public static final int MAX_LENGTH = 100;

    /**
     * A follow-up's moment. No "next friday" here: by the rule /help documents it is the Friday of next week, which an
     * example without its rule would leave unclear.
     */
    public static final String FOLLOW_UP_WHEN = "When: friday, in 2 weeks, 12 March, every month…";

    /** A snoozed follow-up's new date. */
    public static final String SNOOZE_UNTIL = "Until when: tomorrow, next week, 1 May…";

    /** /settings timezone. */
    public static final String ZONE = "Your city or Area/City, like Berlin or Europe/Berlin";

    /** /settings digest. */
    public static final String DIGEST_TIME = "Like " + ClockTimes.EXAMPLES;

    /** /settings days. */
    public static final String DIGEST_DAYS = Wording.line(WeekDays.EXAMPLES);

    /** /settings pause. */
    public static final String PAUSE = "For how long or until when: for 2 weeks, until 3 Jan…";

    /** /settings link: the code the other account showed, or nothing to make one. */
    public static final String LINK_CODE = "The code your other account showed (empty makes a code here)";

    /** /settings link itself. */
    public static final String LINK = "Link this account with yours on another platform: one circle";

    /** /settings unlink. */
    public static final String UNLINK = "Undo a link: this account starts empty, the circle stays with the other";

    private Hints() {}
}
