package dev.rapport.core.command;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.NoteStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** /remember &lt;who&gt; &lt;note&gt;: saves what you learned, creating the contact on first mention. */
public final class RememberCommand implements CommandHandler, ActionHandler {
    static final String EXAMPLE = "/remember Marc Kelly: met at the SYPE mixer, loves sailing #sailing";

    private final People people;
    private final ContactStore contacts;
    private final NoteStore notes;

    public RememberCommand(People people, ContactStore contacts, NoteStore notes) {
        this.people = people;
        this.contacts = contacts;
        this.notes = notes;
    }

    @Override
    public String name() {
        return "remember";
    }

    @Override
    public Reply handle(Invocation invocation) {
        return people.existingOrNew(invocation, EXAMPLE)
                .then(found -> save(invocation, found.contact(), found.rest(), found.created()));
    }

    @Override
    public Set<String> verbs() {
        return Set.of("note");
    }

    /** "note:&lt;contact&gt;" with the entered text: the Add note button. */
    @Override
    public Reply act(String verb, List<String> args, Invocation invocation) {
        Optional<Contact> contact = ActionId.number(args, 0).flatMap(id -> contacts.byId(invocation.userId(), id));
        if (contact.isEmpty()) {
            return Reply.error("That contact no longer exists.");
        }
        return save(invocation, contact.get(), invocation.text(), false);
    }

    Reply save(Invocation invocation, Contact contact, String text, boolean created) {
        Optional<NoteText> note = NoteText.parse(Mentions.readable(text, invocation.mentionNames()));
        if (note.isEmpty()) {
            return Reply.error(NoteText.problem(text), "/remember " + People.reference(contact) + " loves sailing");
        }
        NoteText parsed = note.get();
        notes.add(invocation.userId(), contact.id(), parsed.kind(), parsed.body(), parsed.tags(), invocation.now());
        NoteStore.NoteCounts counts = notes.countsFor(invocation.userId(), contact.id());
        StringBuilder body = new StringBuilder();
        body.append(created ? "New contact. " : "").append("Saved");
        body.append(parsed.kind() == NoteKind.QUESTION ? " as a question to ask" : "");
        body.append(". You now know ")
                .append(things(counts.notes()))
                .append(" about ")
                .append(contact.name());
        if (counts.openQuestions() > 0) {
            body.append(" (").append(questions(counts.openQuestions())).append(")");
        }
        body.append(".");
        if (!parsed.tags().isEmpty()) {
            body.append("\nTags: #").append(String.join(" #", parsed.tags()));
        }
        Section section = Section.titled(contact.name(), body.toString())
                .withButtons(List.of(
                        Buttons.followUpIn(contact, "1w", "Follow up in a week"),
                        Buttons.followUpIn(contact, "1m", "In a month"),
                        Buttons.rhythm(contact, "1m", "Every month")));
        return Reply.of(section);
    }

    static String things(int count) {
        return count == 1 ? "1 thing" : count + " things";
    }

    static String questions(int count) {
        return count == 1 ? "1 open question" : count + " open questions";
    }
}
