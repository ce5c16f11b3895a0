package dev.rapport.core.digest;

import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.people.Buttons;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import java.util.ArrayList;
import java.util.List;

/** Turns a digest into a reply: one section per person with Done, Snooze and Add note, then "+N more". */
public final class DigestView {
    private DigestView() {}

    public static Reply render(Digest digest) {
        if (digest.isEmpty()) {
            return Reply.of(Section.of("Nothing due today. Enjoy the calm."));
        }
        List<Section> sections = new ArrayList<>();
        int count = digest.shown() + digest.more();
        sections.add(
                Section.of(count == 1 ? "One person to get back to today." : count + " people to get back to today."));
        boolean checkInsShown = false;
        for (DigestItem item : digest.items()) {
            if (item.kind() == DigestItem.Kind.RHYTHM && !checkInsShown) {
                addCheckIns(digest, sections);
                checkInsShown = true;
            }
            List<String> lines = new ArrayList<>();
            lines.add(item.why());
            if (item.kind() != DigestItem.Kind.RHYTHM) {
                lines.add(Wording.line(ContactContext.lastContact(item.contact(), digest.date())));
            }
            item.context().ifPresent(lines::add);
            sections.add(Section.titled(item.contact().name(), String.join("\n", lines))
                    .withButtons(List.of(
                            Buttons.done(item.contact()),
                            Buttons.snooze(item.contact(), Soon.TOMORROW, "Snooze 1 day"),
                            Buttons.snooze(item.contact(), Soon.IN_A_WEEK, "Snooze 1 week"),
                            Buttons.addNote(item.contact(), "Add note"))));
        }
        if (!checkInsShown) {
            addCheckIns(digest, sections);
        }
        if (digest.more() > 0) {
            sections.add(Section.of(Wording.more(digest.more(), "/followup list")));
        }
        return Reply.of(sections.toArray(Section[]::new));
    }

    // Between explicit follow-ups and lapsed rhythms, as the planner ordered them.
    private static void addCheckIns(Digest digest, List<Section> sections) {
        digest.checkIns().forEach(checkIn -> sections.add(checkIn.section(digest.date(), digest.zone())));
    }
}
