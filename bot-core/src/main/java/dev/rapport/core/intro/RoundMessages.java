package dev.rapport.core.intro;

import dev.rapport.core.action.Action;
import dev.rapport.core.action.Action.RoundAnswer;
import dev.rapport.core.domain.Match;
import dev.rapport.core.domain.Person;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The direct messages of a round: the pairing, and a week later "Did you meet?". */
final class RoundMessages {
    private RoundMessages() {}

    /**
     * Names the partner(s), with each partner's "ask me about" topics when they set some (the only place those
     * topics are shown), and nudges someone who has none to set theirs.
     */
    static Reply pairing(List<Person> partners, Map<String, String> partnerTopics, boolean ownTopicsSet) {
        Text.Builder text = Text.builder().plain("This round you're paired with ");
        for (int i = 0; i < partners.size(); i++) {
            if (i > 0) {
                text.plain(i == partners.size() - 1 ? " and " : ", ");
            }
            text.mention(partners.get(i).platformUserId(), partners.get(i).name());
        }
        text.plain(". Find half an hour in the next week to talk: a call, a coffee, a walk.");
        for (Person partner : partners) {
            String topics = partnerTopics.getOrDefault(partner.platformUserId(), "");
            if (!topics.isBlank()) {
                text.line("Ask " + partner.name() + " about: " + topics.strip());
            }
        }
        text.line("In a week I'll ask whether you met.");
        if (!ownTopicsSet) {
            text.line("Tip: /settings about <topics> tells your partners what to ask you about.");
        }
        Section section = new Section(Optional.of("Your pairing this round"), text.build(), List.of(), List.of());
        return new Reply(List.of(section), List.of(), Reply.Visibility.PRIVATE, Optional.empty(), false);
    }

    /** "Did you meet …?" with We met (asking what was learned), Not yet and Skip, for one person's match. */
    static Reply checkIn(Match match, List<Person> partners) {
        String names = IntroText.names(partners);
        Text.Builder text = Text.builder().plain("A week ago you were paired with ");
        for (int i = 0; i < partners.size(); i++) {
            if (i > 0) {
                text.plain(i == partners.size() - 1 ? " and " : ", ");
            }
            text.mention(partners.get(i).platformUserId(), partners.get(i).name());
        }
        text.plain(". Did you meet?");
        List<Button> buttons = List.of(
                Button.of(
                                "We met",
                                new Action.AnswerRound(match.id(), RoundAnswer.MET).id(),
                                "/remember <@" + partners.get(0).platformUserId() + "> what you learned")
                        .styled(Button.Style.PRIMARY)
                        .prompting(metPrompt(partners)),
                Button.of("Not yet", new Action.AnswerRound(match.id(), RoundAnswer.NOT_YET).id(), "(not yet)"),
                Button.of("Skip", new Action.AnswerRound(match.id(), RoundAnswer.SKIP).id(), "(skip)"));
        Section section = new Section(Optional.of("Did you meet " + names + "?"), text.build(), List.of(), buttons);
        return new Reply(List.of(section), List.of(), Reply.Visibility.PRIVATE, Optional.empty(), false);
    }

    /** What We met asks: left empty, the meeting is still counted. */
    static Prompt metPrompt(List<Person> partners) {
        return Prompt.note(
                        "We met",
                        "What did you learn about " + IntroText.clip(IntroText.names(partners)) + "?",
                        "Training for a marathon; ask: how did the race go?")
                .leftEmptyAllowed();
    }
}
