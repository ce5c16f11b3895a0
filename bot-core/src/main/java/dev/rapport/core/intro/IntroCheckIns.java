package dev.rapport.core.intro;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.digest.IntroCheckIn;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.port.IntroStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The introducer's check-in a week after an intro: "Did A and B connect?", with They connected, Not yet (ask again
 * in a week) and Drop it. {@link #dueFor} is what a digest includes as intro check-ins.
 */
public final class IntroCheckIns implements ActionHandler {
    private static final int AGAIN_IN_DAYS = 7;

    private final IntroStore intros;

    public IntroCheckIns(IntroStore intros) {
        this.intros = intros;
    }

    /** The user's intro check-ins due on or before the date, oldest first. */
    public List<IntroCheckIn> dueFor(long userId, LocalDate date) {
        return intros.checkInsDue(userId, date).stream().map(IntroCheckIn::new).toList();
    }

    /** /intro with nothing after it: the check-ins due, else how to introduce people. */
    Reply overview(Invocation invocation) {
        List<IntroCheckIn> due = dueFor(invocation.userId(), invocation.today());
        if (due.isEmpty()) {
            return Reply.of(Section.titled(
                    "Introductions",
                    "In a team channel, introduce two people and say why they should meet:\n" + IntroCommand.EXAMPLE
                            + "\nPairing rounds: /intro rounds on every 2 weeks · status · skip · leave · join"));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of(due.size() == 1 ? "One intro to check on." : due.size() + " intros to check on."));
        due.forEach(checkIn -> sections.add(
                checkIn.section(invocation.today(), invocation.user().settings().zone())));
        return Reply.of(sections.toArray(Section[]::new));
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.AnswerIntroCheckIn.class);
    }

    /** They connected, Not yet or Drop it: for the introducer only. */
    @Override
    public Reply act(Action action, Invocation invocation) {
        Action.AnswerIntroCheckIn answer = (Action.AnswerIntroCheckIn) action;
        Optional<Intro> intro = intros.byId(answer.introId()).filter(i -> i.introducerId() == invocation.userId());
        if (intro.isEmpty()) {
            return Reply.error("That button is out of date.");
        }
        Intro found = intro.get();
        String both = found.a().name() + " and " + found.b().name();
        LocalDate today = invocation.today();
        return switch (answer.answer()) {
            case CONNECTED -> {
                intros.updateCheckIn(invocation.userId(), found.id(), Intro.CheckIn.CONNECTED, today);
                yield Reply.text("Good to hear " + both + " connected. The loop is closed.");
            }
            case LATER -> {
                LocalDate again = today.plusDays(AGAIN_IN_DAYS);
                intros.updateCheckIn(invocation.userId(), found.id(), Intro.CheckIn.OPEN, again);
                yield Reply.text("I'll ask about " + both + " again on " + DateText.date(again, today) + ".");
            }
            case DROP -> {
                intros.updateCheckIn(invocation.userId(), found.id(), Intro.CheckIn.DROPPED, today);
                yield Reply.text("Dropped the check-in on " + both + ".");
            }
        };
    }
}
