package dev.rapport.core.command;

import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Note;
import dev.rapport.core.people.Buttons;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.people.People;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Text;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** /contact &lt;who&gt;: everything you know about one person, newest first. */
public final class ContactCommand implements CommandHandler {
    private static final int SHOWN_NOTES = 15;

    private final People people;
    private final NoteStore notes;
    private final FollowUpStore followUps;

    public ContactCommand(People people, NoteStore notes, FollowUpStore followUps) {
        this.people = people;
        this.notes = notes;
        this.followUps = followUps;
    }

    @Override
    public String name() {
        return "contact";
    }

    @Override
    public Reply handle(Invocation invocation) {
        return people.existing(invocation, "/contact marc").then(found -> page(invocation, found.contact()));
    }

    private Reply page(Invocation invocation, Contact contact) {
        LocalDate today = invocation.today();
        ZoneId zone = invocation.user().settings().zone();
        List<Note> all = notes.forContact(invocation.userId(), contact.id());
        List<Note> questions = all.stream().filter(Note::isOpenQuestion).toList();
        List<Note> known = all.stream().filter(note -> !note.isOpenQuestion()).toList();

        List<Section.Field> fields = new ArrayList<>();
        fields.add(new Section.Field("Things known", String.valueOf(known.size())));
        fields.add(new Section.Field("Open questions", String.valueOf(questions.size())));
        fields.add(new Section.Field("Last contact", ContactContext.lastContactValue(contact, today)));
        fields.add(new Section.Field(
                "Next follow-up",
                followUps
                        .open(invocation.userId(), contact.id())
                        .map(f -> DateText.date(f.dueOn(), today)
                                + f.reason().map(r -> " — about " + r).orElse(""))
                        .orElse("none")));
        fields.add(new Section.Field(
                "Rhythm",
                contact.rhythm()
                        .map(Cadence::describe)
                        .map(r -> r
                                + contact.rhythmNext()
                                        .map(n -> ", next " + DateText.date(n, today))
                                        .orElse(""))
                        .orElse("none")));
        contact.howMet().ifPresent(how -> fields.add(new Section.Field("How you met", how)));

        List<Section> sections = new ArrayList<>();
        sections.add(new Section(Optional.of(contact.name()), Text.plain(""), fields, List.of()));
        if (!questions.isEmpty()) {
            sections.add(Section.titled(
                    "Open questions",
                    String.join(
                            "\n",
                            questions.stream().map(q -> "• Ask: " + q.body()).toList())));
        }
        if (known.isEmpty()) {
            sections.add(Section.of("Nothing noted yet. /remember " + contact.reference() + " …"));
        } else {
            List<String> lines = new ArrayList<>();
            for (Note note : known.subList(0, Math.min(SHOWN_NOTES, known.size()))) {
                LocalDate written = LocalDate.ofInstant(note.createdAt(), zone);
                lines.add("• " + DateText.shortDate(written) + " — " + prefix(note) + note.body());
            }
            if (known.size() > SHOWN_NOTES) {
                lines.add("+" + (known.size() - SHOWN_NOTES) + " older — /export has them all");
            }
            sections.add(Section.titled("What you know", String.join("\n", lines)));
        }
        Section actions = Section.of("")
                .withButtons(List.of(
                        Buttons.addNote(contact, "Add note"),
                        Buttons.done(contact),
                        Buttons.followUpIn(contact, Soon.IN_A_WEEK, "Follow up in a week"),
                        Buttons.snoozeAsking(contact)));
        sections.add(actions);
        return Reply.of(sections.toArray(Section[]::new));
    }

    private static String prefix(Note note) {
        return switch (note.kind()) {
            case INTERACTION -> "Talked: ";
            case QUESTION -> "Asked: ";
            case INTRO -> "Intro: ";
            case NOTE -> "";
        };
    }
}
