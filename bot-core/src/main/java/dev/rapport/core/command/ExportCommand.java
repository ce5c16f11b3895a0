package dev.rapport.core.command;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Note;
import dev.rapport.core.exchange.ExportFormats;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Attachment;
import dev.rapport.core.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** /export: everything Rapport holds about your contacts, as a JSON file. */
public final class ExportCommand implements CommandHandler {
    private final ContactStore contacts;
    private final NoteStore notes;
    private final FollowUpStore followUps;

    private final Optional<ExportFormats> formats;

    public ExportCommand(ContactStore contacts, NoteStore notes, FollowUpStore followUps) {
        this(contacts, notes, followUps, Optional.empty());
    }

    /** With {@code formats}, /export also writes vCard, CSV and a calendar (issue 13). */
    public ExportCommand(
            ContactStore contacts, NoteStore notes, FollowUpStore followUps, Optional<ExportFormats> formats) {
        this.contacts = contacts;
        this.notes = notes;
        this.followUps = followUps;
        this.formats = formats;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public Reply handle(Invocation invocation) {
        Optional<Reply> other = formats.flatMap(f -> f.reply(invocation));
        if (other.isPresent()) {
            return other.get();
        }
        long owner = invocation.userId();
        List<Object> people = new ArrayList<>();
        int noteCount = 0;
        for (Contact contact : contacts.all(owner)) {
            List<Note> all = notes.forContact(owner, contact.id());
            Map<Long, String> sources = notes.sources(owner, contact.id());
            noteCount += all.size();
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", contact.name());
            person.put("platformUserId", contact.platformUserId());
            person.put("howMet", contact.howMet());
            person.put("rhythm", contact.rhythm().map(Cadence::describe));
            person.put("rhythmNext", contact.rhythmNext());
            person.put("lastContact", contact.lastContact());
            person.put(
                    "lastReachedOut", contact.lastInitiator().map(i -> i.name().toLowerCase()));
            person.put("addedAt", contact.createdAt());
            person.put("followUp", followUps.open(owner, contact.id()).map(f -> {
                Map<String, Object> followUp = new LinkedHashMap<>();
                followUp.put("dueOn", f.dueOn());
                followUp.put("reason", f.reason());
                return followUp;
            }));
            person.put(
                    "notes",
                    all.stream()
                            .map(note -> note(note, Optional.ofNullable(sources.get(note.id()))))
                            .toList());
            people.add(person);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", invocation.now());
        export.put("user", invocation.user().displayName());
        export.put("timeZone", invocation.user().settings().zone().getId());
        export.put("contacts", people);
        String fileName = "rapport-export-" + invocation.today() + ".json";
        return Reply.text("Everything Rapport holds about your " + people.size()
                        + (people.size() == 1 ? " contact" : " contacts") + " (" + noteCount
                        + (noteCount == 1 ? " note" : " notes") + "): " + fileName
                        + formats.map(f -> "\n" + ExportFormats.OFFER).orElse(""))
                .withAttachment(new Attachment(fileName, "application/json", Json.write(export)));
    }

    /** One note; {@code source} is the link of the message it was filed from ("Remember this"). */
    private static Map<String, Object> note(Note note, Optional<String> source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", note.kind().name().toLowerCase());
        json.put("text", note.body());
        json.put("tags", note.tags());
        json.put("writtenAt", note.createdAt());
        json.put("answeredAt", note.answeredAt());
        json.put("source", source);
        return json;
    }
}
