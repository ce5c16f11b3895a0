package dev.rapport.core.intro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.api.ActionRequest;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.digest.IntroCheckIn;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Span;
import dev.rapport.core.testing.StorageSuite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /intro in a channel, end to end through core on a real SQLite file. Today is Wednesday 25 Nov 2026. */
@StorageSuite
class IntroCommandTest {
    @TempDir
    Path folder;

    IntroWorld world;
    Requester dana = IntroWorld.slack("UD", "Dana");
    Requester ana = IntroWorld.slack("UA", "Ana");
    Requester marc = IntroWorld.slack("UM", "Marc");
    Requester zoe = IntroWorld.slack("UZ", "Zoë");
    Requester eve = IntroWorld.slack("UE", "Eve");

    static final String INTRO = "/intro <@UA> <@UM> you both sail and are moving to Lisbon";

    @BeforeEach
    void start() {
        world = new IntroWorld(folder);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    Reply introduce() {
        return world.inChannel(dana, INTRO, ana, marc);
    }

    static List<Span> spans(Reply reply) {
        return reply.sections().stream().flatMap(s -> s.body().spans().stream()).toList();
    }

    @Test
    void theIntroPostGoesToTheChannelAndMentionsExactlyTheTwoPeople() {
        // WHEN Dana introduces Ana and Marc, mentioning Zoë and the whole channel in the why
        Reply post = world.inChannel(
                dana, "/intro <@UA> <@UM> ask <@UZ> too; <!channel> @everyone *sail* <b>", ana, marc, zoe);

        // THEN everyone in the channel sees it, and only Ana and Marc are mentions
        assertThat(post.isError()).isFalse();
        assertThat(post.visibility()).isEqualTo(Reply.Visibility.CHANNEL);
        assertThat(spans(post).stream().filter(Span.Mention.class::isInstance))
                .containsExactly(new Span.Mention("UA", "Ana"), new Span.Mention("UM", "Marc"));
        // AND the why is literal text, other mentions written as plain names
        assertThat(post.plainText())
                .startsWith("Dana introduces @Ana and @Marc: ask @Zoë too; <!channel> @everyone *sail* <b>");
        assertThat(spans(post).stream().filter(Span.Plain.class::isInstance).map(Span::fallback))
                .contains(": ask @Zoë too; <!channel> @everyone *sail* <b>");
        assertThat(post.allButtons())
                .extracting(Button::label)
                .containsExactly("Remember about Ana", "Remember about Marc");
        assertThat(post.allButtons()).allMatch(b -> b.prompt().isPresent());
        assertThat(post.allButtons()).allMatch(b -> b.prompt().orElseThrow().optional());
        assertThat(post.allButtons()).allMatch(b -> b.actionId().length() <= Button.MAX_ACTION_ID);
    }

    @Test
    void theRememberButtonSavesIntoThePressersOwnListOnly() {
        // GIVEN the intro post
        Button rememberAna = introduce().allButtons().get(0);

        // WHEN Eve, a bystander, keeps a note about Ana
        Reply saved = world.submit(eve, rememberAna.actionId(), "Sails on weekends #sailing");

        // THEN Ana is a contact in Eve's list, by platform id, with the note and how Eve came to know her
        assertThat(saved.visibility()).isEqualTo(Reply.Visibility.PRIVATE);
        assertThat(saved.plainText()).contains("Saved in your own notes", "1 thing about Ana");
        Contact evesAna = world.contactsOf(eve).get(0);
        assertThat(evesAna.platformUserId()).contains("UA");
        assertThat(evesAna.howMet()).contains("introduced by Dana in a channel on 25 Nov 2026");
        assertThat(world.inDm(eve, "/contact ana").plainText()).contains("Sails on weekends #sailing");
        // AND nobody else's list changed
        assertThat(world.contactsOf(dana)).isEmpty();
        assertThat(world.contactsOf(zoe)).isEmpty();
    }

    @Test
    void rememberWithNothingEnteredKeepsWhatTheIntroducerSaid() {
        Button rememberMarc = introduce().allButtons().get(1);

        world.press(zoe, rememberMarc.actionId());

        assertThat(world.inDm(zoe, "/contact marc").plainText())
                .contains("Intro: Dana introduced Ana and Marc: you both sail and are moving to Lisbon");
    }

    @Test
    void anIntrosButtonIsHonouredOnlyInTheChannelItWasPostedIn() {
        Button rememberAna = introduce().allButtons().get(0);

        for (Place elsewhere : List.of(Place.teamChannel("C2"), Place.directMessage("D1"), Place.none())) {
            Reply reply = world.rapport.act(ActionRequest.withInput(eve, rememberAna.actionId(), "planted")
                    .in(elsewhere));

            assertThat(reply.isError()).as(elsewhere.toString()).isTrue();
            assertThat(reply.plainText()).contains("channel it was posted in");
        }
        assertThat(world.contactsOf(eve)).isEmpty();
        assertThat(world.submit(eve, rememberAna.actionId(), "in its channel").isError())
                .isFalse();
    }

    @Test
    void pressingRememberAboutYourselfSavesNothing() {
        Button rememberAna = introduce().allButtons().get(0);

        Reply reply = world.submit(ana, rememberAna.actionId(), "me");

        assertThat(reply.isError()).isTrue();
        assertThat(world.contactsOf(ana)).extracting(Contact::name).containsExactly("Marc");
    }

    @Test
    void theTwoPeopleFindEachOtherAsContactsTheFirstTimeTheyUseRapport() {
        // GIVEN Marc already used Rapport before the intro; Ana never did
        world.inDm(marc, "/circle");
        introduce();
        assertThat(world.messenger.sent).as("nobody is messaged about an intro").isEmpty();

        // WHEN each of them runs any command
        Reply anasFirst = world.inDm(ana, "/circle");
        world.inDm(marc, "/circle");
        world.inDm(ana, "/circle");

        // THEN each finds the other, introduced by Dana, with Dana's words, exactly once
        assertThat(anasFirst.plainText()).contains("Dana introduced you to Marc", "/contact \"Marc\"");
        Contact anasMarc = world.contactsOf(ana).get(0);
        assertThat(anasMarc.platformUserId()).contains("UM");
        assertThat(anasMarc.howMet()).contains("introduced by Dana on 25 Nov 2026");
        assertThat(world.contactsOf(marc))
                .extracting(Contact::name, Contact::platformUserId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ana", java.util.Optional.of("UA")));
        User anaUser = world.rapport.user(ana);
        assertThat(world.storage.notes().forContact(anaUser.id(), anasMarc.id()))
                .singleElement()
                .satisfies(note -> {
                    assertThat(note.kind()).isEqualTo(NoteKind.INTRO);
                    assertThat(note.body()).isEqualTo("Dana introduced you: you both sail and are moving to Lisbon");
                });
        assertThat(world.inDm(ana, "/contact marc").plainText()).contains("How you met: introduced by Dana");
    }

    @Test
    void theIntroducersCheckInIsDueSevenDaysLater() {
        introduce();
        long danaId = world.rapport.user(dana).id();
        IntroCheckIns checkIns = new IntroCheckIns(world.storage.intros());
        LocalDate today = LocalDate.of(2026, 11, 25);

        assertThat(checkIns.dueFor(danaId, today.plusDays(6))).isEmpty();
        List<IntroCheckIn> due = checkIns.dueFor(danaId, today.plusDays(7));

        assertThat(due).singleElement().satisfies(checkIn -> {
            assertThat(checkIn.question()).isEqualTo("Did Ana and Marc connect?");
            assertThat(checkIn.dueOn()).isEqualTo(today.plusDays(7));
            assertThat(checkIn.buttons())
                    .extracting(Button::label)
                    .containsExactly("They connected", "Not yet — ask in a week", "Drop it");
        });
        assertThat(checkIns.dueFor(world.rapport.user(ana).id(), today.plusDays(30)))
                .as("only the introducer is asked")
                .isEmpty();
    }

    @Test
    void notYetAsksAgainInAWeekAndTheyConnectedClosesTheLoop() {
        introduce();
        world.advanceDays(7);
        Reply overview = world.inDm(dana, "/intro");
        assertThat(overview.plainText()).contains("Did Ana and Marc connect?", "You introduced them on Wed 25 Nov");
        List<Button> buttons = overview.allButtons();

        assertThat(world.press(dana, buttons.get(1).actionId()).plainText()).contains("again on Wed 9 Dec 2026");
        assertThat(world.inDm(dana, "/intro").plainText()).doesNotContain("connect?");
        world.advanceDays(7);
        assertThat(world.inDm(dana, "/intro").plainText()).contains("Did Ana and Marc connect?");
        assertThat(world.press(dana, buttons.get(0).actionId()).plainText()).contains("connected");
        world.advanceDays(30);
        assertThat(world.inDm(dana, "/intro").plainText()).doesNotContain("connect?");
    }

    @Test
    void onlyTheIntroducerCanAnswerTheCheckIn() {
        introduce();
        world.advanceDays(7);
        Button connected = world.inDm(dana, "/intro").allButtons().get(0);

        Reply forged = world.press(eve, connected.actionId());

        assertThat(forged.isError()).isTrue();
        assertThat(world.inDm(dana, "/intro").plainText()).contains("Did Ana and Marc connect?");
    }

    @Test
    void wrongIntrosAreExplainedAndWriteNothing() {
        List<Reply> replies = List.of(
                world.inDm(dana, INTRO, ana, marc),
                world.inChannel(dana, "/intro <@UA> <@UA> you two", ana),
                world.inChannel(dana, "/intro <@UA> <@UM>", ana, marc),
                world.inChannel(dana, "/intro ana marc you both sail"),
                world.inChannel(dana, "/intro <@UA> marc you both sail", ana),
                world.inChannel(dana, "/intro <@UD> <@UM> meet me", dana, marc),
                world.inChannel(dana, "/intro <@UA> <@UM> " + "x".repeat(2001), ana, marc));

        assertThat(replies).allMatch(Reply::isError);
        assertThat(replies).allMatch(r -> r.visibility() == Reply.Visibility.PRIVATE);
        assertThat(replies)
                .allMatch(r -> r.plainText().contains("Example: /intro")
                        || r.plainText().contains("at most 2000"));
        assertThat(replies.get(0).plainText()).contains("team channel");
        assertThat(replies.get(1).plainText()).contains("two different people");
        assertThat(replies.get(2).plainText()).contains("Say why Ana and Marc should meet");
        assertThat(replies.get(5).plainText()).contains("cannot introduce yourself");
        // Nothing was recorded: nobody finds a contact, no check-in is waiting.
        world.inDm(ana, "/circle");
        world.inDm(marc, "/circle");
        assertThat(world.contactsOf(ana)).isEmpty();
        assertThat(world.contactsOf(marc)).isEmpty();
        assertThat(new IntroCheckIns(world.storage.intros())
                        .dueFor(world.rapport.user(dana).id(), LocalDate.of(2027, 1, 1)))
                .isEmpty();
    }

    @Test
    void helpListsIntro() {
        assertThat(world.inDm(dana, "/help").plainText()).contains("/intro @a @b <why>", "/intro rounds on");
    }
}
