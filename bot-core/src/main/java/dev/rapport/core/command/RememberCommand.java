package dev.rapport.core.command;

import dev.rapport.core.action.Action;
import dev.rapport.core.action.Action.Rhythm;
import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.exchange.NoteDates;
import dev.rapport.core.people.Buttons;
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

    private final People people;
    private final ContactStore contacts;
    private final NoteStore notes;

    private final Optional<NoteDates> dates;

    public RememberCommand(People people, ContactStore contacts, NoteStore notes) {
        this(people, contacts, notes, Optional.empty());
    }

    /** With {@code dates}: "birthday: 12 March" is a yearly date, and a note naming a date offers a follow-up. */
    public RememberCommand(People people, ContactStore contacts, NoteStore notes, Optional<NoteDates> dates) {
        this.people = people;
        this.contacts = contacts;
        this.notes = notes;
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
            return people.existingOrNew(invocation.withText(yearly.get()[0] + ":"), EXAMPLE)
                    .then(found -> save(invocation, found.contact(), yearly.get()[1], found.created()));
        }
        return people.existingOrNew(invocation, EXAMPLE)
                .then(found -> save(invocation, found.contact(), found.rest(), found.created()));
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.AddNote.class);
    }

    /** The Add note button, with the entered text. */
    @Override
    public Reply act(Action action, Invocation invocation) {
        return contact(action, invocation)
                .map(contact -> save(invocation, contact, invocation.text(), false))
                .orElseGet(() -> Reply.error("That contact no longer exists."));
    }

    @Override
    public Optional<Prompt> prompt(Action action, Invocation invocation) {
        return contact(action, invocation).map(Buttons::notePrompt);
    }

    private Optional<Contact> contact(Action action, Invocation invocation) {
        long id = ((Action.AddNote) action).contactId();
        return contacts.byId(invocation.userId(), id);
    }

    Reply save(Invocation invocation, Contact contact, String text, boolean created) {
        Optional<Reply> yearly = dates.flatMap(d -> d.yearly(invocation, contact, text));
        if (yearly.isPresent()) {
            return yearly.get();
        }
        Optional<NoteText> note = NoteText.parse(Mentions.readable(text, invocation.mentionNames()));
        if (note.isEmpty()) {
            return Reply.error(NoteText.problem(text), "/remember " + contact.reference() + " loves sailing");
        }
        NoteText parsed = note.get();
        notes.add(invocation.userId(), contact.id(), parsed.kind(), parsed.body(), parsed.tags(), invocation.now());
        NoteStore.NoteCounts counts = notes.countsFor(invocation.userId(), contact.id());
        StringBuilder body = new StringBuilder();
        body.append(created ? "New contact. " : "").append("Saved");
        body.append(parsed.kind() == NoteKind.QUESTION ? " as a question to ask" : "");
        body.append(". You now know ")
                .append(Wording.things(counts.notes()))
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
        List<Button> buttons = new ArrayList<>();
        dates.flatMap(d -> d.suggestion(invocation, contact, parsed.body())).ifPresent(buttons::add);
        buttons.addAll(List.of(
                Buttons.followUpIn(contact, Soon.IN_A_WEEK, "Follow up in a week"),
                Buttons.followUpIn(contact, Soon.IN_A_MONTH, "In a month"),
                Buttons.rhythm(contact, Rhythm.MONTHLY, "Every month")));
        Section section = Section.titled(contact.name(), body.toString()).withButtons(buttons);
        return Reply.of(section);
    }
}
