package dev.rapport.core.digest;

import dev.rapport.core.action.Action;
import dev.rapport.core.action.Action.IntroAnswer;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.DateText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The introducer's check-in on one intro, as a digest (and /intro) shows it: "Did A and B connect?". */
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
                Button.of("They connected", new Action.AnswerIntroCheckIn(id, IntroAnswer.CONNECTED).id(), "/intro")
                        .styled(Button.Style.PRIMARY),
                Button.of(
                        "Not yet — ask in a week", new Action.AnswerIntroCheckIn(id, IntroAnswer.LATER).id(), "/intro"),
                Button.of("Drop it", new Action.AnswerIntroCheckIn(id, IntroAnswer.DROP).id(), "/intro"));
    }

    public Section section(LocalDate today, ZoneId zone) {
        return Section.titled(question(), why(today, zone)).withButtons(buttons());
    }
}
