package dev.rapport.core.intro;

import dev.rapport.core.action.Action;
import dev.rapport.core.action.Action.RoundAnswer;
import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Match;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.people.Buttons;
import dev.rapport.core.people.InTouch;
import dev.rapport.core.people.NoteText;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.RoundStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
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
    private final InTouch inTouch;

    public RoundAnswers(RoundStore rounds, NoteStore notes, IntroContacts contacts, InTouch inTouch) {
        this.rounds = rounds;
        this.notes = notes;
        this.contacts = contacts;
        this.inTouch = inTouch;
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.AnswerRound.class);
    }

    @Override
    public Optional<Prompt> prompt(Action action, Invocation invocation) {
        Action.AnswerRound answer = (Action.AnswerRound) action;
        if (answer.answer() != RoundAnswer.MET) {
            return Optional.empty();
        }
        return mine(answer, invocation).map(match -> RoundMessages.metPrompt(partners(match)));
    }

    /** We met (with what was learned as the entered text), Not yet or Skip. */
    @Override
    public Reply act(Action action, Invocation invocation) {
        Action.AnswerRound answer = (Action.AnswerRound) action;
        Optional<Match> mine = mine(answer, invocation);
        if (mine.isEmpty()) {
            return Reply.error("That button is out of date.");
        }
        Match match = mine.get();
        List<Person> partners = partners(match);
        String names = IntroText.names(partners);
        return switch (answer.answer()) {
            case MET -> met(invocation, match, partners);
            case NOT_YET -> {
                rounds.answer(match.id(), Match.Answer.NOT_YET, invocation.now());
                yield Reply.text("No rush. When you and " + names + " meet, press We met above.");
            }
            case SKIP -> {
                rounds.answer(match.id(), Match.Answer.SKIPPED, invocation.now());
                yield Reply.text("Skipped. See you in the next round.");
            }
        };
    }

    /** The match the button names, only if it is the presser's own. */
    private Optional<Match> mine(Action.AnswerRound answer, Invocation invocation) {
        UserKey me = invocation.from().key();
        return rounds.match(answer.matchId())
                .filter(match -> match.channel().platform().equals(me.platform())
                        && match.channel().workspace().equals(me.workspace())
                        && match.person().platformUserId().equals(me.platformUserId()));
    }

    private List<Person> partners(Match match) {
        return rounds.group(match.roundId(), match.group()).stream()
                .filter(other -> other.id() != match.id())
                .map(Match::person)
                .toList();
    }

    private Reply met(Invocation invocation, Match match, List<Person> partners) {
        Optional<NoteText> note = invocation.text().isBlank() ? Optional.empty() : NoteText.parse(invocation.text());
        if (!invocation.text().isBlank() && note.isEmpty()) {
            return Reply.error(NoteText.problem(invocation.text()));
        }
        rounds.answer(match.id(), Match.Answer.MET, invocation.now());
        String howMet = "paired in a channel's intro round on " + IntroText.day(invocation.today());
        List<Contact> met = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Person partner : partners) {
            // Meeting is contact: it counts as the last contact, and restarts a rhythm if there is one.
            Contact contact = contacts.findOrCreate(invocation.userId(), partner, howMet, invocation.now());
            InTouch.Touched touched =
                    inTouch.record(contact, invocation.today(), invocation.now(), Optional.empty(), note, false);
            met.add(touched.contact());
            int known = notes.countsFor(invocation.userId(), contact.id()).known();
            lines.add("You now know " + Wording.things(known) + " about " + contact.name() + ".");
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
        List<Button> buttons = met.stream()
                .map(contact -> Buttons.followUpIn(
                        contact, Soon.IN_A_MONTH, "Follow up with " + IntroText.clip(contact.name()) + " in a month"))
                .toList();
        return Reply.of(Section.titled("Saved what you learned", String.join("\n", lines))
                .withButtons(buttons));
    }
}
