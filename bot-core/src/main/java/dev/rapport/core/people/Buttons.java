package dev.rapport.core.people;

import dev.rapport.core.action.Action;
import dev.rapport.core.action.Action.Rhythm;
import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Prompt;

/** The buttons core offers about a contact, each with its action and the same choice as a typed command. */
public final class Buttons {
    private static final int TITLE_NAME = 30;

    private Buttons() {}

    public static Button followUpIn(Contact contact, Soon when, String label) {
        return Button.of(
                label,
                new Action.FollowUpIn(contact.id(), when).id(),
                "/followup " + contact.reference() + " " + when.phrase());
    }

    public static Button rhythm(Contact contact, Rhythm rhythm, String label) {
        return Button.of(
                label,
                new Action.KeepInTouch(contact.id(), rhythm).id(),
                "/followup " + contact.reference() + " " + rhythm.phrase());
    }

    public static Button done(Contact contact) {
        return Button.of("Done", new Action.Done(contact.id()).id(), "/followup done " + contact.reference())
                .styled(Button.Style.PRIMARY);
    }

    public static Button snooze(Contact contact, Soon when, String label) {
        return Button.of(
                label,
                new Action.Snooze(contact.id(), when).id(),
                "/followup snooze " + contact.reference() + " " + when.phrase());
    }

    /** Snooze to a typed date, with an optional reason that is kept as a note. */
    public static Button snoozeAsking(Contact contact) {
        return Button.of(
                        "Snooze…",
                        new Action.SnoozeAsking(contact.id()).id(),
                        "/followup snooze " + contact.reference() + " <when> [reason]")
                .prompting(snoozePrompt(contact));
    }

    public static Button addNote(Contact contact, String label) {
        return Button.of(label, new Action.AddNote(contact.id()).id(), "/remember " + contact.reference() + " …")
                .prompting(notePrompt(contact));
    }

    /** What the Snooze… button asks. */
    public static Prompt snoozePrompt(Contact contact) {
        return new Prompt(
                "Snooze " + clip(contact.name()),
                "Until when, and why? (the reason is kept as a note)",
                "1 May travelling until then",
                300);
    }

    /** What an Add note button asks. */
    public static Prompt notePrompt(Contact contact) {
        return Prompt.note(
                "Note about " + clip(contact.name()), "What did you learn?", "Moving to Lisbon in May #travel");
    }

    /** A name short enough for a modal title or a button label on every platform. */
    public static String clip(String name) {
        return name.length() <= TITLE_NAME ? name : name.substring(0, TITLE_NAME - 1) + "…";
    }
}
