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
    INTRO
}
