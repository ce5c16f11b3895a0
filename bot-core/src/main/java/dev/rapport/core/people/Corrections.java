package dev.rapport.core.people;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.FollowUpStatus;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.time.DateText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixing mistakes: undo or edit one note, re-read the line a note came from with another name, rename a contact, and
 * merge two contacts keeping every note, follow-up and the history of both. Buttons and typed commands share these.
 */
public final class Corrections {
    private final ContactStore contacts;
    private final NoteStore notes;
    private final FollowUpStore followUps;

    public Corrections(ContactStore contacts, NoteStore notes, FollowUpStore followUps) {
        this.contacts = contacts;
        this.notes = notes;
        this.followUps = followUps;
    }

    /** Deletes one note; a contact that note created, with nothing else kept about them, goes too. */
    public Reply undo(long owner, long noteId) {
        Optional<Note> note = notes.byId(owner, noteId);
        if (note.isEmpty()) {
            return Reply.error("That note is already gone: nothing to undo.");
        }
        Optional<Contact> contact = contacts.byId(owner, note.get().contactId());
        boolean wasNew = contact.isPresent() && createdBy(contact.get(), note.get());
        notes.delete(owner, noteId);
        String about = contact.map(Contact::name).orElse("them");
        if (wasNew) {
            contacts.delete(owner, contact.get().id());
            return Reply.text("Undone: removed the note and the new contact " + about + ".");
        }
        return Reply.text("Undone: removed the note about " + about + ": “"
                + ContactContext.shorten(note.get().body()) + "”.");
    }

    /** Writes one note again with new text ("ask: …" makes it a question). */
    public Reply edit(long owner, long noteId, String text) {
        Optional<Note> note = notes.byId(owner, noteId);
        if (note.isEmpty()) {
            return Reply.error("That note no longer exists.");
        }
        Optional<NoteText> parsed = NoteText.parse(text);
        if (parsed.isEmpty()) {
            return Reply.error(NoteText.problem(text));
        }
        NoteKind kind = parsed.get().kind() == NoteKind.QUESTION ? NoteKind.QUESTION : editedKind(note.get());
        notes.edit(owner, noteId, kind, parsed.get().body(), parsed.get().tags());
        String about =
                contacts.byId(owner, note.get().contactId()).map(Contact::name).orElse("them");
        return Reply.text("Edited the note about " + about + ": “"
                + ContactContext.shorten(parsed.get().body()) + "”.");
    }

    private static NoteKind editedKind(Note note) {
        return note.kind() == NoteKind.QUESTION ? NoteKind.NOTE : note.kind();
    }

    /**
     * The line a /remember note was saved from, read again with its first {@code nameWords} words as the name: the
     * note moves to that person (found among the contacts, else new), and a contact the note had created goes.
     */
    public Reply resplit(long owner, long noteId, int nameWords, Instant now) {
        Optional<Note> note = notes.byId(owner, noteId);
        Optional<Contact> contact = note.flatMap(n -> contacts.byId(owner, n.contactId()));
        if (note.isEmpty() || contact.isEmpty()) {
            return Reply.error("That note no longer exists.");
        }
        String line = contact.get().name() + " " + (note.get().kind() == NoteKind.QUESTION ? "ask: " : "")
                + note.get().body();
        List<String> words = Arrays.asList(line.strip().split("\\s+"));
        if (nameWords < 1 || nameWords >= words.size()) {
            return Reply.error("That line cannot be split there.");
        }
        String name = String.join(" ", words.subList(0, nameWords));
        String rest = String.join(" ", words.subList(nameWords, words.size()));
        Optional<NoteText> parsed = NoteText.parse(rest);
        if (parsed.isEmpty() || name.length() > PersonParser.MAX_NAME_LENGTH) {
            return Reply.error("That line cannot be split there.");
        }
        boolean wasNew = createdBy(contact.get(), note.get());
        notes.delete(owner, noteId);
        if (wasNew) {
            contacts.delete(owner, contact.get().id());
        }
        List<Contact> known = contacts.all(owner);
        Who who = PersonParser.parse(name, known, Map.of());
        boolean created = false;
        Contact target;
        if (who instanceof Who.Known found && found.rest().isEmpty()) {
            target = found.contact();
        } else {
            Optional<Contact> same = known.stream()
                    .filter(c -> Names.fold(c.name()).equals(Names.fold(name)))
                    .findFirst();
            created = same.isEmpty();
            target = same.orElseGet(() -> contacts.create(
                    Contact.newContact(owner, Names.clean(name), Optional.empty(), Optional.empty(), now)));
        }
        notes.add(
                owner,
                target.id(),
                parsed.get().kind(),
                parsed.get().body(),
                parsed.get().tags(),
                now);
        return Reply.of(Section.titled(
                target.name(),
                "Fixed: name “" + target.name() + "”, note “"
                        + ContactContext.shorten(parsed.get().body()) + "”."
                        + (created ? " New contact." : "")
                        + (wasNew ? " Removed the contact “" + contact.get().name() + "” made by mistake." : "")));
    }

    /** A new name for a contact; everything about them stays. */
    public Reply rename(Contact contact, String newName) {
        String name = Names.clean(newName.replace("\"", "").replace("“", "").replace("”", ""));
        if (name.isEmpty()) {
            return Reply.error(
                    "What should " + contact.name() + " be called?",
                    "/contact " + contact.reference() + " rename Marc Kelly-Smith");
        }
        if (name.length() > PersonParser.MAX_NAME_LENGTH) {
            return Reply.error("That name is longer than " + PersonParser.MAX_NAME_LENGTH + " characters.");
        }
        Optional<Contact> taken = contacts.all(contact.ownerId()).stream()
                .filter(c -> c.id() != contact.id() && Names.fold(c.name()).equals(Names.fold(name)))
                .findFirst();
        if (taken.isPresent()) {
            return Reply.error(
                    "You already have a contact called " + taken.get().name() + ". To make them one, merge them.",
                    "/contact " + contact.reference() + " merge into "
                            + taken.get().reference());
        }
        contacts.update(contact.renamed(name));
        return Reply.of(Section.titled(
                name, "Renamed " + contact.name() + " to " + name + ". Everything about them" + " stays."));
    }

    /**
     * Merges {@code from} into {@code into}: notes and past follow-ups move, the later last contact and any rhythm or
     * how-you-met {@code into} lacks are kept, and of two open follow-ups the earlier stays while the other is
     * closed, said plainly.
     */
    public Reply merge(Contact from, Contact into, LocalDate today, Instant now) {
        if (from.id() == into.id()) {
            return Reply.error("That is the same contact twice: name two different people.");
        }
        long owner = into.ownerId();
        int moved = notes.moveAll(owner, from.id(), into.id());
        List<String> lines = new ArrayList<>();
        lines.add("Merged " + from.name() + " into " + into.name() + ": moved " + moved
                + (moved == 1 ? " note" : " notes") + ".");
        Optional<FollowUp> fromOpen = followUps.open(owner, from.id());
        Optional<FollowUp> intoOpen = followUps.open(owner, into.id());
        if (fromOpen.isPresent()) {
            FollowUp theirs = fromOpen.get();
            followUps.close(owner, theirs.id(), FollowUpStatus.CANCELLED, now);
            if (intoOpen.isEmpty() || theirs.dueOn().isBefore(intoOpen.get().dueOn())) {
                followUps.schedule(
                        owner,
                        into.id(),
                        theirs.dueOn(),
                        theirs.reason().or(() -> intoOpen.flatMap(FollowUp::reason)),
                        now);
                lines.add(intoOpen.map(f -> "Kept the earlier follow-up, " + DateText.date(theirs.dueOn(), today)
                                + "; the one on " + DateText.date(f.dueOn(), today) + " was closed.")
                        .orElse("Follow-up: " + DateText.date(theirs.dueOn(), today) + "."));
            } else {
                lines.add("Kept the earlier follow-up, "
                        + DateText.date(intoOpen.get().dueOn(), today) + "; the one on "
                        + DateText.date(theirs.dueOn(), today) + " was closed.");
            }
        }
        followUps.moveClosed(owner, from.id(), into.id());
        Contact merged = into.mergedWith(from);
        contacts.delete(owner, from.id());
        contacts.update(merged);
        return Reply.of(Section.titled(into.name(), String.join("\n", lines)));
    }

    /** One open question answered, with the answer kept beside it when given. */
    public Reply answer(long owner, long noteId, String answer, Instant now) {
        Optional<Note> question = notes.byId(owner, noteId);
        if (question.isEmpty() || question.get().kind() != NoteKind.QUESTION) {
            return Reply.error("That question no longer exists.");
        }
        Optional<String> kept = Optional.of(ContactContext.shorten(answer)).filter(a -> !a.isBlank());
        if (!notes.answer(owner, noteId, kept, now)) {
            return Reply.text("Already answered: “"
                    + ContactContext.shorten(question.get().body()) + "”.");
        }
        String about = contacts.byId(owner, question.get().contactId())
                .map(Contact::name)
                .orElse("them");
        return Reply.text("Marked answered: “"
                + ContactContext.shorten(question.get().body()) + "”"
                + kept.map(a -> " — answer kept: “" + a + "”").orElse("") + ". " + openLeft(owner, question.get())
                + " about " + about + ".");
    }

    private String openLeft(long owner, Note question) {
        int open = notes.countsFor(owner, question.contactId()).openQuestions();
        return open == 0 ? "No open questions left" : "Still open: " + Wording.questions(open);
    }

    /** Who reached out in the last contact logged, said after logging it. */
    public Reply reachedOut(Contact contact, Initiator who) {
        if (contact.lastContact().isEmpty()) {
            return Reply.error(
                    "No contact with " + contact.name() + " is logged yet.",
                    "/followup done " + contact.reference() + " they reached out");
        }
        contacts.update(contact.withInitiator(who));
        return Reply.text("Recorded: "
                + (who == Initiator.THEM ? contact.name() + " reached out" : "you reached out")
                + " (last contact " + DateText.shortDate(contact.lastContact().get()) + ").");
    }

    /** The contact was made by this note and nothing else is kept about them. */
    private boolean createdBy(Contact contact, Note note) {
        return contact.createdAt().equals(note.createdAt())
                && contact.rhythm().isEmpty()
                && contact.lastContact().isEmpty()
                && followUps.open(contact.ownerId(), contact.id()).isEmpty()
                && notes.recent(contact.ownerId(), contact.id(), 2).stream()
                        .map(Note::id)
                        .toList()
                        .equals(List.of(note.id()));
    }
}
