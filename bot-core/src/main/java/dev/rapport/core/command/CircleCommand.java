package dev.rapport.core.command;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.NoteStore.NoteCounts;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** /circle: the people you keep in touch with, who needs attention first, with depth for each. */
public final class CircleCommand implements CommandHandler {
    private static final int SHOWN = 25;

    private final ContactStore contacts;
    private final NoteStore notes;
    private final FollowUpStore followUps;

    public CircleCommand(ContactStore contacts, NoteStore notes, FollowUpStore followUps) {
        this.contacts = contacts;
        this.notes = notes;
        this.followUps = followUps;
    }

    @Override
    public String name() {
        return "circle";
    }

    @Override
    public Reply handle(Invocation invocation) {
        LocalDate today = invocation.today();
        List<Contact> all = contacts.all(invocation.userId());
        if (all.isEmpty()) {
            return Reply.of(Section.of(
                    "Your circle is empty. Start with what you know about someone:\n" + RememberCommand.EXAMPLE));
        }
        Map<Long, NoteCounts> counts = notes.counts(invocation.userId());
        Map<Long, FollowUp> open = followUps.openDueBy(invocation.userId(), LocalDate.of(9999, 12, 31)).stream()
                .collect(Collectors.toMap(FollowUp::contactId, Function.identity()));
        List<Contact> ordered = all.stream()
                .sorted(Comparator.comparing((Contact c) -> nextMoment(c, open.get(c.id())))
                        .thenComparing(c -> c.lastContact().orElse(LocalDate.MIN))
                        .thenComparing(Contact::name))
                .toList();
        List<String> lines = new ArrayList<>();
        for (Contact contact : ordered.subList(0, Math.min(SHOWN, ordered.size()))) {
            NoteCounts count = counts.getOrDefault(contact.id(), NoteCounts.NONE);
            int known = count.notes() - count.openQuestions();
            StringBuilder line = new StringBuilder("• ").append(contact.name()).append(" — ");
            line.append(Wording.things(known)).append(" known");
            if (count.openQuestions() > 0) {
                line.append(", ").append(Wording.openQuestions(count.openQuestions()));
            }
            line.append(", ").append(ContactContext.lastContact(contact, today));
            nextMomentText(contact, open.get(contact.id()), today)
                    .ifPresent(next -> line.append(", ").append(next));
            lines.add(line.toString());
        }
        if (ordered.size() > SHOWN) {
            lines.add(Wording.more(ordered.size() - SHOWN, "/contact <name> for anyone"));
        }
        String heading = "Your circle — " + Wording.people(all.size());
        return Reply.of(Section.titled(heading, String.join("\n", lines)));
    }

    // Who needs attention first: the earliest due follow-up or rhythm; people with neither come last.
    private static LocalDate nextMoment(Contact contact, FollowUp followUp) {
        LocalDate max = LocalDate.MAX;
        LocalDate due = followUp == null ? max : followUp.dueOn();
        LocalDate rhythm = contact.rhythmNext().orElse(max);
        return due.isBefore(rhythm) ? due : rhythm;
    }

    private static Optional<String> nextMomentText(Contact contact, FollowUp followUp, LocalDate today) {
        LocalDate next = nextMoment(contact, followUp);
        if (next.equals(LocalDate.MAX)) {
            return Optional.empty();
        }
        return Optional.of((next.isAfter(today) ? "next " : "due ") + DateText.ago(next, today));
    }
}
