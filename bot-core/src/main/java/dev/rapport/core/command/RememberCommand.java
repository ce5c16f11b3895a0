package dev.rapport.core.command;

import dev.rapport.core.action.Action;
import dev.rapport.core.action.Action.Rhythm;
import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.exchange.NoteDates;
import dev.rapport.core.people.Buttons;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.people.Corrections;
import dev.rapport.core.people.Mentions;
import dev.rapport.core.people.NoteText;
import dev.rapport.core.people.People;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** /remember &lt;who&gt; &lt;note&gt;: saves what you learned, creating the contact on first mention. */
public final class RememberCommand implements CommandHandler, ActionHandler {
    static final String EXAMPLE = "/remember Marc Kelly: met at the SYPE mixer, loves sailing #sailing";
    private static final int MAX_NAME_WORDS = 6;

    private final People people;
    private final ContactStore contacts;
    private final NoteStore notes;
    private final Corrections corrections;
    private final Optional<NoteDates> dates;

    public RememberCommand(People people, ContactStore contacts, NoteStore notes, Corrections corrections) {
        this(people, contacts, notes, corrections, Optional.empty());
    }

    /** With {@code dates}: "birthday: 12 March" is a yearly date, and a note naming a date offers a follow-up. */
    public RememberCommand(
            People people, ContactStore contacts, NoteStore notes, Corrections corrections, Optional<NoteDates> dates) {
        this.people = people;
        this.contacts = contacts;
        this.notes = notes;
        this.corrections = corrections;
        this.dates = dates;
    }

    @Override
    public String name() {
        return "remember";
    }

    @Override
    public Reply handle(Invocation invocation) {
        Optional<String[]> yearly = dates.flatMap(d -> d.whoAndYearly(invocation.text()));
        if (yearly.isPresent()) {
            // "marc birthday: 12 March": the person is "marc", written as "marc:" so the label stays out of the name.
            return people.existingOrNew(invocation.withText(yearly.get()[0] + ":"), "remember")
                    .then(found ->
                            save(invocation, found.contact(), yearly.get()[1], found.created(), Optional.empty()));
        }
        return people.existingOrNew(invocation, "remember")
                .then(found -> save(
                        invocation,
                        found.contact(),
                        found.rest(),
                        found.created(),
                        nameAsTyped(invocation.text(), found.rest())));
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.AddNote.class, Action.UndoNote.class, Action.EditNote.class, Action.Resplit.class);
    }

    /** The Add note button with the entered text, and the buttons that fix a note just saved. */
    @Override
    public Reply act(Action action, Invocation invocation) {
        long owner = invocation.userId();
        if (action instanceof Action.UndoNote undo) {
            return corrections.undo(owner, undo.noteId());
        }
        if (action instanceof Action.EditNote edit) {
            return corrections.edit(owner, edit.noteId(), invocation.text());
        }
        if (action instanceof Action.Resplit split) {
            return corrections.resplit(owner, split.noteId(), split.nameWords(), invocation.now());
        }
        return contact(action, invocation)
                .map(contact -> save(invocation, contact, invocation.text(), false, Optional.empty()))
                .orElseGet(() -> Reply.error("That contact no longer exists."));
    }

    @Override
    public Optional<Prompt> prompt(Action action, Invocation invocation) {
        if (action instanceof Action.EditNote edit) {
            return notes.byId(invocation.userId(), edit.noteId())
                    .map(note -> Prompt.note(
                            "Edit note",
                            "The note as it should read",
                            Buttons.clip((note.kind() == NoteKind.QUESTION ? "ask: " : "") + note.body())));
        }
        return action instanceof Action.AddNote
                ? contact(action, invocation).map(Buttons::notePrompt)
                : Optional.empty();
    }

    private Optional<Contact> contact(Action action, Invocation invocation) {
        long id = ((Action.AddNote) action).contactId();
        return contacts.byId(invocation.userId(), id);
    }

    /** The name as typed when it was read from plain words (no quotes, colon or mention): the split to show. */
    private static Optional<String> nameAsTyped(String text, String rest) {
        String typed = text.strip();
        if (rest.isEmpty() || !typed.endsWith(rest) || typed.length() == rest.length()) {
            return Optional.empty();
        }
        String name = typed.substring(0, typed.length() - rest.length()).strip();
        char first = name.charAt(0);
        if (name.endsWith(":") || first == '"' || first == '“' || first == '”' || name.startsWith("<@")) {
            return Optional.empty();
        }
        return Optional.of(name.startsWith("@") ? name.substring(1) : name);
    }

    Reply save(Invocation invocation, Contact contact, String text, boolean created, Optional<String> typedName) {
        Optional<Reply> yearly = dates.flatMap(d -> d.yearly(invocation, contact, text));
        if (yearly.isPresent()) {
            return yearly.get();
        }
        Optional<NoteText> note = NoteText.parse(Mentions.readable(text, invocation.mentionNames()));
        if (note.isEmpty()) {
            return Reply.error(NoteText.problem(text), "/remember " + contact.reference() + " loves sailing");
        }
        NoteText parsed = note.get();
        Note saved = notes.add(
                invocation.userId(), contact.id(), parsed.kind(), parsed.body(), parsed.tags(), invocation.now());
        NoteStore.NoteCounts counts = notes.countsFor(invocation.userId(), contact.id());
        StringBuilder body = new StringBuilder();
        body.append(created ? "New contact. " : "").append("Saved");
        body.append(parsed.kind() == NoteKind.QUESTION ? " as a question to ask" : "");
        body.append(". You now know ")
                .append(Wording.things(counts.known()))
                .append(" about ")
                .append(contact.name());
        if (counts.openQuestions() > 0) {
            body.append(" (")
                    .append(Wording.openQuestions(counts.openQuestions()))
                    .append(")");
        }
        body.append(".");
        if (!parsed.tags().isEmpty()) {
            body.append("\nTags: #").append(String.join(" #", parsed.tags()));
        }
        typedName.ifPresent(name -> body.append("\nRead as: name “")
                .append(contact.name())
                .append("”, note “")
                .append(ContactContext.shorten(text.strip()))
                .append("”."));
        List<Button> buttons = new ArrayList<>();
        dates.flatMap(d -> d.suggestion(invocation, contact, parsed.body())).ifPresent(buttons::add);
        buttons.addAll(List.of(
                Buttons.followUpIn(contact, Soon.IN_A_WEEK, "Follow up in a week"),
                Buttons.followUpIn(contact, Soon.IN_A_MONTH, "In a month"),
                Buttons.rhythm(contact, Rhythm.MONTHLY, "Every month")));
        buttons.add(Button.of(
                "Undo", new Action.UndoNote(saved.id()).id(), "/contact " + contact.reference() + " delete note 1"));
        buttons.add(Button.of(
                        "Edit",
                        new Action.EditNote(saved.id()).id(),
                        "/contact " + contact.reference() + " edit note 1 <new text>")
                .prompting(Prompt.note("Edit note", "The note as it should read", Buttons.clip(text.strip()))));
        if (created) {
            typedName.ifPresent(name -> buttons.addAll(splits(contact, saved, name, text.strip())));
        }
        return Reply.of(Section.titled(contact.name(), body.toString()).withButtons(buttons));
    }

    /** One-tap fixes for a name read from plain words: one word fewer, one word more. */
    private static List<Button> splits(Contact contact, Note saved, String typedName, String rest) {
        List<String> nameWords = List.of(typedName.split("\\s+"));
        List<String> restWords = List.of(rest.split("\\s+"));
        List<Button> fixes = new ArrayList<>();
        int n = nameWords.size();
        if (n > 1) {
            fixes.add(split(contact, saved, String.join(" ", nameWords.subList(0, n - 1)), n - 1));
        }
        if (restWords.size() > 1 && n < MAX_NAME_WORDS) {
            fixes.add(split(contact, saved, typedName + " " + restWords.get(0), n + 1));
        }
        return fixes;
    }

    private static Button split(Contact contact, Note saved, String name, int words) {
        return Button.of(
                "Name is “" + Buttons.clip(name) + "”",
                new Action.Resplit(saved.id(), words).id(),
                "/contact " + contact.reference() + " split " + words);
    }
}
