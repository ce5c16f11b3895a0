package dev.rapport.core.reply;

/** The few phrases every reply shares, built in one place: counts, pointers to the rest, and the apology for a bug. */
public final class Wording {
    /** What a user sees when a bug, not their input, stopped a command. */
    public static final String OOPS = "Something went wrong on our side, and nothing was changed. Please try again.";

    /** What a user sees when a button's form could no longer be opened (the platform allows it only at once). */
    public static final String PRESS_AGAIN = "That button's form could not be opened in time. Press the button again.";

    /** What a user sees when they use a menu command or slash command this version no longer has. */
    public static final String COMMAND_GONE = "That command is gone. Try /help.";

    /** What a user sees when a submitted "Remember this" form no longer names its message. */
    public static final String CAPTURE_OUT_OF_DATE =
            "That form is out of date. Try “Remember this” on the message again.";

    private Wording() {}

    /** "1 thing", "3 things". */
    public static String things(int count) {
        return count(count, "thing", "things");
    }

    /** "1 open question", "2 open questions". */
    public static String openQuestions(int count) {
        return count(count, "open question", "open questions");
    }

    /** "1 question", "2 questions". */
    public static String questions(int count) {
        return count(count, "question", "questions");
    }

    /** "1 person", "4 people". */
    public static String people(int count) {
        return count(count, "person", "people");
    }

    /** "1 contact", "12 contacts". */
    public static String contacts(int count) {
        return count(count, "contact", "contacts");
    }

    /** "1 note", "7 notes". */
    public static String notes(int count) {
        return count(count, "note", "notes");
    }

    /** "1 pair", "3 pairs". */
    public static String pairs(int count) {
        return count(count, "pair", "pairs");
    }

    /** A count with its noun in the right number. */
    public static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** The text as a line of its own: its first letter capitalised ("last contact …" → "Last contact …"). */
    public static String line(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(text.substring(Character.charCount(first)))
                .toString();
    }

    /** "+4 more — /followup list": the line that stands for what a list leaves out. */
    public static String more(int count, String where) {
        return "+" + count + " more — " + where;
    }

    /** "— more: /contact "Marc Kelly"": where a cut text can be read in full. */
    public static String pointer(String where) {
        return "— more: " + where;
    }
}
