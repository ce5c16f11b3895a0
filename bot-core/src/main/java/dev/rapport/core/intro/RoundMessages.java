package dev.rapport.core.intro;

import dev.rapport.core.command.ActionId;
import dev.rapport.core.command.Button;
import dev.rapport.core.command.Prompt;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Section;
import dev.rapport.core.command.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The direct messages of a round: the pairing, and a week later "Did you meet?". */
final class RoundMessages {
    static final String ANSWER = "rnd";

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
        String clipped = IntroText.clip(names);
        List<Button> buttons = List.of(
                Button.of(
                                "We met",
                                ActionId.of(ANSWER, "met", match.id()),
                                "/remember <@" + partners.get(0).platformUserId() + "> what you learned")
                        .styled(Button.Style.PRIMARY)
                        .prompting(Prompt.note(
                                        "We met",
                                        "What did you learn about " + clipped + "?",
                                        "Training for a marathon; ask: how did the race go?")
                                .leftEmptyAllowed()),
                Button.of("Not yet", ActionId.of(ANSWER, "not", match.id()), "(not yet)"),
                Button.of("Skip", ActionId.of(ANSWER, "skip", match.id()), "(skip)"));
        Section section = new Section(Optional.of("Did you meet " + names + "?"), text.build(), List.of(), buttons);
        return new Reply(List.of(section), List.of(), Reply.Visibility.PRIVATE, Optional.empty(), false);
    }
}
