package dev.rapport.core.command;

import dev.rapport.core.domain.Contact;

/** The buttons core offers, each with its action id and the same choice as a typed command. */
public final class Buttons {
    private Buttons() {}

    public static Button followUpIn(Contact contact, String code, String label) {
        return Button.of(
                label,
                ActionId.of("fu", code, contact.id()),
                "/followup " + People.reference(contact) + " " + FollowUpCodes.phrase(code));
    }

    public static Button rhythm(Contact contact, String code, String label) {
        return Button.of(
                label,
                ActionId.of("rh", code, contact.id()),
                "/followup " + People.reference(contact) + " " + FollowUpCodes.rhythm(code));
    }

    public static Button done(Contact contact) {
        return Button.of("Done", ActionId.of("done", contact.id()), "/followup done " + People.reference(contact))
                .styled(Button.Style.PRIMARY);
    }

    public static Button snooze(Contact contact, String code, String label) {
        return Button.of(
                label,
                ActionId.of("snz", code, contact.id()),
                "/followup snooze " + People.reference(contact) + " " + FollowUpCodes.phrase(code));
    }

    /** Snooze to a typed date, with an optional reason that is kept as a note. */
    public static Button snoozeAsking(Contact contact) {
        return Button.of(
                        "Snooze…",
                        ActionId.of("snzp", contact.id()),
                        "/followup snooze " + People.reference(contact) + " <when> [reason]")
                .prompting(new Prompt(
                        "Snooze " + clip(contact.name()),
                        "Until when, and why? (the reason is kept as a note)",
                        "1 May travelling until then",
                        300));
    }

    public static Button addNote(Contact contact, String label) {
        return Button.of(label, ActionId.of("note", contact.id()), "/remember " + People.reference(contact) + " …")
                .prompting(Prompt.note(
                        "Note about " + clip(contact.name()),
                        "What did you learn?",
                        "Moving to Lisbon in May #travel"));
    }

    // Modal titles are short on both platforms.
    private static String clip(String name) {
        return name.length() <= 30 ? name : name.substring(0, 29) + "…";
    }
}
