package dev.rapport.core.domain;

/** What a note records. */
public enum NoteKind {
    /** Something learned about the person. */
    NOTE,
    /** An open question to raise next time ("ask: …"). */
    QUESTION,
    /** A logged interaction ("/followup done … what happened"). */
    INTERACTION,
    /** How the person was introduced. */
    INTRO,
    /** Why a follow-up was snoozed ("travelling until May"), kept by Rapport. */
    SNOOZED,
    /** What a keep-in-touch rhythm is about, kept by Rapport. */
    RHYTHM;

    /** The user wrote it themselves; Rapport's own notes are labelled wherever they show. */
    public boolean writtenByUser() {
        return this == NOTE || this == QUESTION || this == INTERACTION;
    }

    /** How a note of this kind is labelled where it shows ("Snoozed: travelling until May"). */
    public String label() {
        return switch (this) {
            case INTERACTION -> "Talked: ";
            case QUESTION -> "Asked: ";
            case INTRO -> "Intro: ";
            case SNOOZED -> "Snoozed: ";
            case RHYTHM -> "Keep in touch about: ";
            case NOTE -> "";
        };
    }
}
