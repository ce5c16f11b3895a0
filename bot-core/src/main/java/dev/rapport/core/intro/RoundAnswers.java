package dev.rapport.core.intro;

import dev.rapport.core.command.ActionHandler;
import dev.rapport.core.command.ActionId;
import dev.rapport.core.command.Button;
import dev.rapport.core.command.Buttons;
import dev.rapport.core.command.Invocation;
import dev.rapport.core.command.NoteText;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Section;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.RoundStore;
import dev.rapport.core.port.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answers to "Did you meet?": We met (what was learned becomes a note about the partner in the clicker's own
 * list, closing the loop), Not yet, Skip. Only the person the check-in was sent to can answer it.
 */
public final class RoundAnswers implements ActionHandler {
    private final RoundStore rounds;
    private final NoteStore notes;
    private final IntroContacts contacts;
    private final ContactStore contactStore;

    public RoundAnswers(Storage storage, RoundStore rounds) {
        this.rounds = rounds;
        this.notes = storage.notes();
        this.contacts = new IntroContacts(storage.contacts());
        this.contactStore = storage.contacts();
    }

    @Override
    public Set<String> verbs() {
        return Set.of(RoundMessages.ANSWER);
    }

    /** "rnd:met|not|skip:&lt;match&gt;", with what was learned as the entered text. */
    @Override
    public Reply act(String verb, List<String> args, Invocation invocation) {
        UserKey me = invocation.from().key();
        Optional<Match> mine = ActionId.number(args, 1)
                .flatMap(rounds::match)
                .filter(match -> match.channel().platform().equals(me.platform())
                        && match.channel().workspace().equals(me.workspace())
                        && match.person().platformUserId().equals(me.platformUserId()));
        if (mine.isEmpty()) {
            return Reply.error("That button is out of date.");
        }
        Match match = mine.get();
        List<Person> partners = rounds.group(match.roundId(), match.group()).stream()
                .filter(other -> other.id() != match.id())
                .map(Match::person)
                .toList();
        String names = IntroText.names(partners);
        return switch (args.get(0)) {
            case "met" -> met(invocation, match, partners);
            case "not" -> {
                rounds.answer(match.id(), Match.Answer.NOT_YET, invocation.now());
                yield Reply.text("No rush. When you and " + names + " meet, press We met above.");
            }
            case "skip" -> {
                rounds.answer(match.id(), Match.Answer.SKIPPED, invocation.now());
                yield Reply.text("Skipped. See you in the next round.");
            }
            default -> Reply.error("That button is out of date.");
        };
    }

    private Reply met(Invocation invocation, Match match, List<Person> partners) {
        Optional<NoteText> note = invocation.text().isBlank() ? Optional.empty() : NoteText.parse(invocation.text());
        if (!invocation.text().isBlank() && note.isEmpty()) {
            return Reply.error(NoteText.problem(invocation.text()));
        }
        rounds.answer(match.id(), Match.Answer.MET, invocation.now());
        String howMet = "paired in a channel's intro round on " + IntroText.day(invocation.today());
        List<Contact> met = new ArrayList<>();
        for (Person partner : partners) {
            // Meeting is contact: it counts as the last contact, and restarts a rhythm if there is one.
            Contact contact = contacts.findOrCreate(invocation.userId(), partner, howMet, invocation.now())
                    .inTouch(invocation.today(), Initiator.ME);
            contactStore.update(contact);
            met.add(contact);
        }
        if (note.isEmpty()) {
            List<Button> buttons = met.stream()
                    .map(contact -> Buttons.addNote(contact, "Note about " + IntroText.clip(contact.name())))
                    .toList();
            return Reply.of(Section.titled(
                            "Glad you met " + IntroText.names(partners) + "!",
                            "What did you learn? Keep it as a note; only you will see it.")
                    .withButtons(buttons));
        }
        List<String> lines = new ArrayList<>();
        for (Contact contact : met) {
            notes.add(
                    invocation.userId(),
                    contact.id(),
                    note.get().kind(),
                    note.get().body(),
                    note.get().tags(),
                    invocation.now());
            int known = notes.counts(invocation.userId())
                    .getOrDefault(contact.id(), NoteStore.NoteCounts.NONE)
                    .notes();
            lines.add(
                    "You now know " + (known == 1 ? "1 thing" : known + " things") + " about " + contact.name() + ".");
        }
        List<Button> buttons = met.stream()
                .map(contact -> Buttons.followUpIn(
                        contact, "1m", "Follow up with " + IntroText.clip(contact.name()) + " in a month"))
                .toList();
        return Reply.of(Section.titled("Saved what you learned", String.join("\n", lines))
                .withButtons(buttons));
    }
}
