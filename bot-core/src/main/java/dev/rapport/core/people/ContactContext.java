package dev.rapport.core.people;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The context that makes a follow-up genuine: the open question to ask, else what you last learned. */
public final class ContactContext {
    /** How many of a contact's newest notes the context line is chosen from. */
    public static final int RECENT_NOTES = 20;

    private static final int MAX_LINE = 200;

    private final NoteStore notes;

    public ContactContext(NoteStore notes) {
        this.notes = notes;
    }

    /**
     * "Ask: …" for the newest open question, else "Last noted: …" for the newest note the user wrote themselves, else
     * the newest note Rapport kept, labelled ("Snoozed: travelling until May"); empty when nothing is known.
     */
    public Optional<String> line(Contact contact) {
        return lineFrom(notes.recent(contact.ownerId(), contact.id(), RECENT_NOTES));
    }

    /** The same line chosen from a contact's {@link #RECENT_NOTES} newest notes, newest first, read elsewhere. */
    public static Optional<String> lineFrom(List<Note> recent) {
        Optional<Note> question = recent.stream().filter(Note::isOpenQuestion).findFirst();
        if (question.isPresent()) {
            return Optional.of(lineOf(NoteKind.QUESTION, question.get().body()));
        }
        Optional<String> written = recent.stream()
                .filter(note -> note.writtenByUser() && note.kind() != NoteKind.QUESTION)
                .findFirst()
                .map(note -> lineOf(note.kind(), note.body()));
        if (written.isPresent()) {
            return written;
        }
        return recent.stream()
                .filter(note -> !note.writtenByUser())
                .findFirst()
                .map(note -> lineOf(note.kind(), note.body()));
    }

    /**
     * The line of the note {@link #lineFrom} chooses, when a store chose it: a question (always an open one) is
     * "Ask: …", another note the user wrote "Last noted: …", a note Rapport kept is labelled.
     */
    public static String lineOf(NoteKind kind, String body) {
        if (kind == NoteKind.QUESTION) {
            return "Ask: " + shorten(body);
        }
        return kind.writtenByUser() ? "Last noted: " + shorten(body) : shorten(kind.label() + body);
    }

    /** "last contact 23 days ago (they reached out)" or "no contact logged yet". */
    public static String lastContact(Contact contact, LocalDate today) {
        return contact.lastContact().isEmpty()
                ? "no contact logged yet"
                : "last contact " + lastContactValue(contact, today);
    }

    /** "23 days ago (they reached out)", or "none logged yet": the value beside a "Last contact" label. */
    public static String lastContactValue(Contact contact, LocalDate today) {
        if (contact.lastContact().isEmpty()) {
            return "none logged yet";
        }
        String when = DateText.ago(contact.lastContact().get(), today);
        return contact.lastInitiator()
                .map(initiator -> when + (initiator == Initiator.THEM ? " (they reached out)" : " (you reached out)"))
                .orElse(when);
    }

    public static String shorten(String text) {
        String oneLine = oneLine(text).strip();
        return oneLine.length() <= MAX_LINE ? oneLine : oneLine.substring(0, MAX_LINE - 1) + "…";
    }

    // What replaceAll("\\s+", " ") does, without a regular expression: the sweep shortens hundreds of thousands.
    private static String oneLine(String text) {
        StringBuilder line = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (space && (c != ' ' || (i + 1 < length && isSpace(text.charAt(i + 1))))) {
                if (line == null) {
                    line = new StringBuilder(length).append(text, 0, i);
                }
                line.append(' ');
                while (i + 1 < length && isSpace(text.charAt(i + 1))) {
                    i++;
                }
            } else if (line != null) {
                line.append(c);
            }
        }
        return line == null ? text : line.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
