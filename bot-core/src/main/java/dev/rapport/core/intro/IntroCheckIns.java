package dev.rapport.core.intro;

import dev.rapport.core.command.ActionHandler;
import dev.rapport.core.command.ActionId;
import dev.rapport.core.command.Button;
import dev.rapport.core.command.ContactContext;
import dev.rapport.core.command.Invocation;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Section;
import dev.rapport.core.port.IntroStore;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The introducer's check-in a week after an intro: "Did A and B connect?", with They connected, Not yet (ask again
 * in a week) and Drop it. {@link #dueFor} is what a digest includes as intro check-ins.
 */
public final class IntroCheckIns implements ActionHandler {
    private static final String VERB = "ichk";
    private static final int AGAIN_IN_DAYS = 7;

    private final IntroStore intros;

    public IntroCheckIns(IntroStore intros) {
        this.intros = intros;
    }

    /** The user's intro check-ins due on or before the date, oldest first. */
    public List<IntroCheckIn> dueFor(long userId, LocalDate date) {
        return intros.checkInsDue(userId, date).stream().map(IntroCheckIn::new).toList();
    }

    /** One check-in, as a digest shows it. */
    public record IntroCheckIn(Intro intro) {
        public LocalDate dueOn() {
            return intro.checkInOn();
        }

        /** "Did Ana and Marc connect?" */
        public String question() {
            return "Did " + intro.a().name() + " and " + intro.b().name() + " connect?";
        }

        /** "You introduced them on Wed 25 Nov 2026 (7 days ago): you both sail", in the user's time zone. */
        public String why(LocalDate today, ZoneId zone) {
            LocalDate introduced = LocalDate.ofInstant(intro.createdAt(), zone);
            return "You introduced them on " + DateText.date(introduced, today) + ": "
                    + ContactContext.shorten(intro.why());
        }

        public List<Button> buttons() {
            long id = intro.id();
            return List.of(
                    Button.of("They connected", ActionId.of(VERB, "yes", id), "/intro")
                            .styled(Button.Style.PRIMARY),
                    Button.of("Not yet — ask in a week", ActionId.of(VERB, "later", id), "/intro"),
                    Button.of("Drop it", ActionId.of(VERB, "drop", id), "/intro"));
        }

        public Section section(LocalDate today, ZoneId zone) {
            return Section.titled(question(), why(today, zone)).withButtons(buttons());
        }
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
    public Set<String> verbs() {
        return Set.of(VERB);
    }

    /** "ichk:yes|later|drop:&lt;intro&gt;", for the introducer only. */
    @Override
    public Reply act(String verb, List<String> args, Invocation invocation) {
        Optional<Intro> intro =
                ActionId.number(args, 1).flatMap(intros::byId).filter(i -> i.introducerId() == invocation.userId());
        if (intro.isEmpty()) {
            return Reply.error("That button is out of date.");
        }
        Intro found = intro.get();
        String both = found.a().name() + " and " + found.b().name();
        LocalDate today = invocation.today();
        return switch (args.get(0)) {
            case "yes" -> {
                intros.updateCheckIn(invocation.userId(), found.id(), Intro.CheckIn.CONNECTED, today);
                yield Reply.text("Good to hear " + both + " connected. The loop is closed.");
            }
            case "later" -> {
                LocalDate again = today.plusDays(AGAIN_IN_DAYS);
                intros.updateCheckIn(invocation.userId(), found.id(), Intro.CheckIn.OPEN, again);
                yield Reply.text("I'll ask about " + both + " again on " + DateText.date(again, today) + ".");
            }
            case "drop" -> {
                intros.updateCheckIn(invocation.userId(), found.id(), Intro.CheckIn.DROPPED, today);
                yield Reply.text("Dropped the check-in on " + both + ".");
            }
            default -> Reply.error("That button is out of date.");
        };
    }
}
