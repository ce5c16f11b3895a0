package dev.rapport.core.reply;

import java.util.Objects;
import java.util.Optional;

/**
 * The form that files what was learned about a person ("Remember this" on a message, "Remember someone"): who it is
 * about (a platform user, or a name typed or picked from one's own contacts), the note, whether it is a question to
 * ask next time, and an optional follow-up time phrase. Core words every label and fills in what it knows; an adapter
 * draws the form (a Slack or a Discord modal), keeps {@link #source()} with it, and hands the answers back. Labels fit
 * {@link #LABEL_MAX} characters and inputs {@link #INPUT_MAX} (Discord's limits, inside Slack's).
 *
 * @param title the form's title, at most {@link #TITLE_MAX} characters (Slack's modal title)
 * @param person the label of the platform-user choice, and the user it starts on
 * @param name the free name, when the form offers one (suggestions come from the user's own contacts)
 * @param note the note's input, and the text it starts with
 * @param cut whether {@code noteText} is a message cut to the note limit (its end says so)
 */
public record CaptureForm(
        String title,
        String submit,
        String personLabel,
        Optional<String> personId,
        Optional<Prompt> name,
        Prompt note,
        String noteText,
        boolean cut,
        String askLabel,
        String askOption,
        Prompt followUp,
        Optional<String> source) {
    public static final int TITLE_MAX = 24;
    public static final int LABEL_MAX = 45;
    public static final int INPUT_MAX = 4000;
    public static final int PLACEHOLDER_MAX = 100;

    public CaptureForm {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /** The parts of the form a reason can point at. */
    public enum Field {
        PERSON,
        NAME,
        NOTE,
        FOLLOW_UP
    }
}
