package dev.rapport.core.command;

import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.Note;
import dev.rapport.core.people.Buttons;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.people.Corrections;
import dev.rapport.core.people.People;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.YearlyDateStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Text;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /contact &lt;who&gt;: everything you know about one person, newest first. */
public final class ContactCommand implements CommandHandler {
    private static final int SHOWN_NOTES = 15;

    private static final Pattern NOTE_NUMBER =
            Pattern.compile("(?iu)^(delete|edit|answered)\\s+note\\s+([0-9]{1,4})\\b\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern FIX_WORD =
            Pattern.compile("(?iu)(rename|merge|delete|edit|split|answered|they reached|i reached)\\b");
    private static final Pattern REACHED = Pattern.compile("(?iu)^(they|i)\\s+reached\\s+out[.!]?$");
    private static final Pattern SPLIT = Pattern.compile("(?iu)^split\\s+([0-9])$");
    private static final Pattern RENAME = Pattern.compile("(?iu)^rename\\s+(?:to\\s+)?(.+)$", Pattern.DOTALL);
    private static final Pattern MERGE = Pattern.compile("(?iu)^merge\\s+into\\s+(.+)$", Pattern.DOTALL);

    private final People people;
    private final NoteStore notes;
    private final FollowUpStore followUps;
    private final Corrections corrections;
    private final YearlyDateStore yearlyDates;

    public ContactCommand(
            People people,
            NoteStore notes,
            FollowUpStore followUps,
            Corrections corrections,
            YearlyDateStore yearlyDates) {
        this.people = people;
        this.notes = notes;
        this.followUps = followUps;
        this.corrections = corrections;
        this.yearlyDates = yearlyDates;
    }

    @Override
    public String name() {
        return "contact";
    }

    @Override
    public Reply handle(Invocation invocation) {
        return people.existing(invocation, "contact").then(found -> {
            String rest = found.rest().strip();
            return rest.isEmpty() ? page(invocation, found.contact()) : fix(invocation, found.contact(), rest);
        });
    }

    /** "rename …", "merge into …", "delete note 2", "edit note 2 …", "split 1": fixing a mistake. */
    private Reply fix(Invocation invocation, Contact contact, String rest) {
        long owner = invocation.userId();
        Matcher rename = RENAME.matcher(rest);
        if (rename.matches()) {
            return corrections.rename(contact, rename.group(1));
        }
        Matcher merge = MERGE.matcher(rest);
        if (merge.matches()) {
            return people.existing(
                            invocation.withText(merge.group(1)), "contact " + contact.reference() + " merge into")
                    .then(into -> corrections.merge(contact, into.contact(), invocation.today(), invocation.now()));
        }
        List<Note> all = notes.forContact(owner, contact.id());
        Matcher numbered = NOTE_NUMBER.matcher(rest);
        if (numbered.matches()) {
            int n = Integer.parseInt(numbered.group(2));
            if (n < 1 || n > all.size()) {
                return Reply.error(contact.name() + " has " + Wording.notes(all.size()) + "; /contact "
                        + contact.reference() + " shows their numbers.");
            }
            long noteId = all.get(n - 1).id();
            return switch (numbered.group(1).toLowerCase(Locale.ROOT)) {
                case "delete" -> corrections.undo(owner, noteId);
                case "answered" -> corrections.answer(owner, noteId, numbered.group(3), invocation.now());
                default -> corrections.edit(owner, noteId, numbered.group(3));
            };
        }
        Matcher reached = REACHED.matcher(rest);
        if (reached.matches()) {
            return corrections.reachedOut(
                    contact, reached.group(1).equalsIgnoreCase("i") ? Initiator.ME : Initiator.THEM);
        }
        Matcher split = SPLIT.matcher(rest);
        if (split.matches() && !all.isEmpty()) {
            return corrections.resplit(owner, all.get(0).id(), Integer.parseInt(split.group(1)), invocation.now());
        }
        if (!FIX_WORD.matcher(rest).lookingAt()) {
            return page(invocation, contact);
        }
        return Reply.error(
                "/contact shows one person; to fix a mistake add rename, merge into, delete note or edit note.",
                "/contact " + contact.reference() + " rename Marc Kelly-Smith");
    }

    /** The person's page: what you know, open questions, last and next contact, and what to do next. */
    Reply page(Invocation invocation, Contact contact) {
        LocalDate today = invocation.today();
        ZoneId zone = invocation.user().settings().zone();
        List<Note> all = notes.forContact(invocation.userId(), contact.id());
        List<Note> questions = all.stream().filter(Note::isOpenQuestion).toList();
        List<Note> known = all.stream().filter(note -> !note.isOpenQuestion()).toList();
        Map<Long, String> sources = notes.sources(invocation.userId(), contact.id());

        Map<Long, Integer> numbers = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            numbers.put(all.get(i).id(), i + 1);
        }
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
        List<String> dates = yearlyDates.forContact(invocation.userId(), contact.id()).stream()
                .map(date -> date.describe() + " (next " + DateText.date(date.nextOn(today), today) + ")")
                .toList();
        if (!dates.isEmpty()) {
            fields.add(new Section.Field("Dates", String.join("; ", dates)));
        }

        List<Section> sections = new ArrayList<>();
        sections.add(new Section(Optional.of(contact.name()), Text.plain(""), fields, List.of()));
        if (!questions.isEmpty()) {
            sections.add(Section.titled(
                    "Open questions",
                    String.join(
                            "\n",
                            questions.stream()
                                    .map(q -> numbers.get(q.id()) + ". Ask: " + q.body() + source(sources, q))
                                    .toList())));
        }
        if (known.isEmpty()) {
            sections.add(Section.of("Nothing noted yet. /remember " + contact.reference() + " …"));
        } else {
            List<String> lines = new ArrayList<>();
            for (Note note : known.subList(0, Math.min(SHOWN_NOTES, known.size()))) {
                LocalDate written = LocalDate.ofInstant(note.createdAt(), zone);
                lines.add(
                        numbers.get(note.id()) + ". " + DateText.shortDate(written) + " — " + prefix(note) + note.body()
                                + note.answer().map(a -> " — answer: " + a).orElse("")
                                + source(sources, note));
            }
            if (known.size() > SHOWN_NOTES) {
                lines.add("+" + (known.size() - SHOWN_NOTES) + " older — /export has them all");
            }
            sections.add(Section.titled("What you know", String.join("\n", lines)));
            sections.add(Section.of("Fix a mistake: /contact " + contact.reference()
                    + " rename <name> | merge into <who> | delete note <n> | edit note <n> <text>"));
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

    /** Where a note filed from a message came from: its link. */
    private static String source(Map<Long, String> sources, Note note) {
        return Optional.ofNullable(sources.get(note.id()))
                .map(url -> " — from " + url)
                .orElse("");
    }

    private static String prefix(Note note) {
        return note.kind().label();
    }
}
