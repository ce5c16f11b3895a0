package dev.rapport.core.people;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.FollowUpStatus;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * "We were in touch": the one operation behind /followup done, the digest's Done and a round's We met. It closes the
 * open follow-up, records the contact (restarting a rhythm), marks open questions answered when asked to, and keeps
 * what happened as a note. Handlers render the outcome.
 */
public final class InTouch {
    private final ContactStore contacts;
    private final NoteStore notes;
    private final FollowUpStore followUps;

    public InTouch(ContactStore contacts, NoteStore notes, FollowUpStore followUps) {
        this.contacts = contacts;
        this.notes = notes;
        this.followUps = followUps;
    }

    /** What one contact logged: the contact as now stored, the follow-up it closed, questions answered, a note kept. */
    public record Touched(Contact contact, Optional<FollowUp> closed, int answered, boolean noted) {}

    /**
     * Records that the owner and the contact were in touch on {@code on}. {@code learned}, when present, is saved as
     * a note of its own kind; {@code answerQuestions} marks the contact's open questions answered.
     */
    public Touched record(
            Contact contact,
            LocalDate on,
            Instant now,
            Optional<Initiator> initiator,
            Optional<NoteText> learned,
            boolean answerQuestions) {
        long owner = contact.ownerId();
        Optional<FollowUp> open = followUps.open(owner, contact.id());
        open.ifPresent(f -> followUps.close(owner, f.id(), FollowUpStatus.DONE, now));
        Contact updated = contact.inTouch(on, initiator);
        contacts.update(updated);
        int answered = answerQuestions ? notes.answerQuestions(owner, contact.id(), now) : 0;
        learned.ifPresent(note -> notes.add(owner, contact.id(), note.kind(), note.body(), note.tags(), now));
        return new Touched(updated, open, answered, learned.isPresent());
    }
}
