package dev.rapport.core.action;

import java.util.Optional;

/**
 * What a button does, as a type. Each kind encodes itself into an action id of at most {@link #MAX_ID} characters
 * (Discord's limit) that travels with the button through the platform, and {@link #parse} reads an id back,
 * refusing anything malformed. Ids name rows by number only, never by name or text, and are always read against
 * the presser's own data.
 */
public sealed interface Action
        permits Action.FollowUpIn,
                Action.KeepInTouch,
                Action.Done,
                Action.Snooze,
                Action.SnoozeAsking,
                Action.AddNote,
                Action.Forget,
                Action.Keep,
                Action.RememberIntroduced,
                Action.AnswerIntroCheckIn,
                Action.AnswerRound,
                Action.ConfirmImport,
                Action.CancelImport,
                Action.FollowUpOn,
                Action.Choose,
                Action.UndoNote,
                Action.EditNote,
                Action.Resplit,
                Action.Answered,
                Action.ReachedOut,
                Action.SetZone {
    int MAX_ID = 100;

    /** The action id that stands for this action. */
    String id();

    /** The action an id stands for; empty for anything that is not exactly an id {@link #id()} writes. */
    static Optional<Action> parse(String id) {
        return ActionCodec.parse(id);
    }

    /** Follow up with a contact at a moment a button names. */
    record FollowUpIn(long contactId, Soon when) implements Action {
        public String id() {
            return ActionCodec.write("fu", when.code(), contactId);
        }
    }

    /** Keep in touch with a contact on a rhythm a button names. */
    record KeepInTouch(long contactId, Rhythm rhythm) implements Action {
        public String id() {
            return ActionCodec.write("rh", rhythm.code(), contactId);
        }
    }

    /** We were in touch: close the follow-up, restart the rhythm (the digest's and the page's Done). */
    record Done(long contactId) implements Action {
        public String id() {
            return ActionCodec.write("done", contactId);
        }
    }

    /** Move the follow-up to a moment a button names. */
    record Snooze(long contactId, Soon when) implements Action {
        public String id() {
            return ActionCodec.write("snz", when.code(), contactId);
        }
    }

    /** Move the follow-up to a typed date, with an optional reason. */
    record SnoozeAsking(long contactId) implements Action {
        public String id() {
            return ActionCodec.write("snzp", contactId);
        }
    }

    /** Save a typed note about a contact. */
    record AddNote(long contactId) implements Action {
        public String id() {
            return ActionCodec.write("note", contactId);
        }
    }

    /** Delete a contact and everything about them (the confirmation's button). */
    record Forget(long contactId) implements Action {
        public String id() {
            return ActionCodec.write("forget", contactId);
        }
    }

    /** Keep the contact after all (the confirmation's other button). */
    record Keep(long contactId) implements Action {
        public String id() {
            return ActionCodec.write("keep", contactId);
        }
    }

    /** Keep what an intro post said about one of its two people, in the presser's own list. */
    record RememberIntroduced(long introId, Side side) implements Action {
        public String id() {
            return ActionCodec.write("irem", introId, side.code());
        }
    }

    /** The introducer's answer to "Did A and B connect?". */
    record AnswerIntroCheckIn(long introId, IntroAnswer answer) implements Action {
        public String id() {
            return ActionCodec.write("ichk", answer.code(), introId);
        }
    }

    /** A round member's answer to "Did you meet?". */
    record AnswerRound(long matchId, RoundAnswer answer) implements Action {
        public String id() {
            return ActionCodec.write("rnd", answer.code(), matchId);
        }
    }

    /** Import the file an import's preview described (issue 13). */
    record ConfirmImport(long pendingId) implements Action {
        public String id() {
            return ActionCodec.write("imp", pendingId);
        }
    }

    /** Drop the file an import's preview described. */
    record CancelImport(long pendingId) implements Action {
        public String id() {
            return ActionCodec.write("impx", pendingId);
        }
    }

    /** Follow up with a contact on a date read from a note ("moving to Lisbon in May"), written yyyymmdd. */
    record FollowUpOn(long contactId, java.time.LocalDate date) implements Action {
        public String id() {
            return ActionCodec.write("fuon", ActionCodec.day(date), contactId);
        }
    }

    /** "Did you mean": run the kept command {@code pendingId} for this contact. */
    record Choose(long pendingId, long contactId) implements Action {
        public String id() {
            return ActionCodec.write("pick", pendingId, contactId);
        }
    }

    /** Take back a note just saved (and the contact it created, if nothing else is kept about them). */
    record UndoNote(long noteId) implements Action {
        public String id() {
            return ActionCodec.write("undo", noteId);
        }
    }

    /** Write a note again, with the entered text. */
    record EditNote(long noteId) implements Action {
        public String id() {
            return ActionCodec.write("edit", noteId);
        }
    }

    /** Read the line a note was saved from again, with its first {@code nameWords} words as the person's name. */
    record Resplit(long noteId, int nameWords) implements Action {
        public String id() {
            return ActionCodec.write("split", nameWords, noteId);
        }
    }

    /** This open question was answered (with the entered answer, if any). */
    record Answered(long noteId) implements Action {
        public String id() {
            return ActionCodec.write("ans", noteId);
        }
    }

    /** Who reached out in the contact just logged. */
    record ReachedOut(long contactId, Reacher who) implements Action {
        public String id() {
            return ActionCodec.write("reach", who.code(), contactId);
        }
    }

    /** Set the presser's time zone to one a suggestion named, by its tz database id ("Europe/Berlin"). */
    record SetZone(java.time.ZoneId zone) implements Action {
        public String id() {
            return ActionCodec.write("tz", zone.getId());
        }
    }

    /** Who reached out: the user or the contact. */
    enum Reacher implements Coded {
        ME("me"),
        THEM("them");

        private final String code;

        Reacher(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A moment a button offers, and the time phrase it stands for. */
    enum Soon implements Coded {
        TOMORROW("1d", "tomorrow"),
        IN_A_WEEK("1w", "in a week"),
        IN_TWO_WEEKS("2w", "in 2 weeks"),
        IN_A_MONTH("1m", "in a month");

        private final String code;
        private final String phrase;

        Soon(String code, String phrase) {
            this.code = code;
            this.phrase = phrase;
        }

        public String code() {
            return code;
        }

        /** What the time grammar reads for this moment. */
        public String phrase() {
            return phrase;
        }
    }

    /** A keep-in-touch rhythm a button offers, and the time phrase it stands for. */
    enum Rhythm implements Coded {
        WEEKLY("1w", "every week"),
        FORTNIGHTLY("2w", "every 2 weeks"),
        MONTHLY("1m", "every month"),
        QUARTERLY("3m", "every 3 months");

        private final String code;
        private final String phrase;

        Rhythm(String code, String phrase) {
            this.code = code;
            this.phrase = phrase;
        }

        public String code() {
            return code;
        }

        /** What the time grammar reads for this rhythm. */
        public String phrase() {
            return phrase;
        }
    }

    /** Which of an intro's two people. */
    enum Side implements Coded {
        A("a"),
        B("b");

        private final String code;

        Side(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The introducer's answers. */
    enum IntroAnswer implements Coded {
        CONNECTED("yes"),
        LATER("later"),
        DROP("drop");

        private final String code;

        IntroAnswer(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A round member's answers. */
    enum RoundAnswer implements Coded {
        MET("met"),
        NOT_YET("not"),
        SKIP("skip");

        private final String code;

        RoundAnswer(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A value written into an action id as a short code. */
    interface Coded {
        String code();
    }
}
