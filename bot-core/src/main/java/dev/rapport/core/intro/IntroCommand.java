package dev.rapport.core.intro;

import dev.rapport.core.action.Action;
import dev.rapport.core.action.Action.Side;
import dev.rapport.core.action.Action.Soon;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Intro;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.people.Buttons;
import dev.rapport.core.people.NoteText;
import dev.rapport.core.port.IntroStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Text;
import dev.rapport.core.reply.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * /intro &lt;@a&gt; &lt;@b&gt; &lt;why&gt;: a channel post introducing two people, mentioning exactly them, with a
 * Remember button anyone can press to keep what was said in their own list. /intro rounds … is handed to
 * {@link RoundsCommand}; /intro alone shows the introducer's check-ins that are due.
 */
public final class IntroCommand implements CommandHandler, ActionHandler {
    static final String EXAMPLE = "/intro @Ana @Marc you both sail and are moving to Lisbon";
    static final int CHECK_IN_DAYS = 7;

    private final IntroStore intros;
    private final NoteStore notes;
    private final IntroContacts contacts;
    private final RoundsCommand rounds;
    private final IntroCheckIns checkIns;

    public IntroCommand(
            IntroStore intros, NoteStore notes, IntroContacts contacts, RoundsCommand rounds, IntroCheckIns checkIns) {
        this.intros = intros;
        this.notes = notes;
        this.contacts = contacts;
        this.rounds = rounds;
        this.checkIns = checkIns;
    }

    @Override
    public String name() {
        return "intro";
    }

    @Override
    public Reply handle(Invocation invocation) {
        String text = invocation.text().strip();
        String[] firstAndRest = text.split("\\s+", 2);
        if (firstAndRest[0].toLowerCase(Locale.ROOT).equals("rounds")) {
            return rounds.handle(invocation.withText(firstAndRest.length > 1 ? firstAndRest[1] : ""));
        }
        if (text.isEmpty()) {
            return checkIns.overview(invocation);
        }
        return introduce(invocation, text);
    }

    private Reply introduce(Invocation invocation, String text) {
        if (invocation.teamChannel().isEmpty()) {
            return Reply.error(
                    "Introductions happen in a team channel, where both people see them: run /intro there.", EXAMPLE);
        }
        Matcher first = IntroText.MENTION.matcher(text);
        if (!first.lookingAt()) {
            return Reply.error("Start with the two people as @mentions, then say why they should meet.", EXAMPLE);
        }
        Person a = new Person(first.group(1), IntroText.mentionName(first, invocation.mentionNames()));
        String afterA = text.substring(first.end()).strip();
        Matcher second = IntroText.MENTION.matcher(afterA);
        if (!second.lookingAt()) {
            return Reply.error("Mention the second person too, then say why they should meet.", EXAMPLE);
        }
        Person b = new Person(second.group(1), IntroText.mentionName(second, invocation.mentionNames()));
        String why = IntroText.withoutMentions(afterA.substring(second.end()), invocation.mentionNames())
                .strip();
        String me = invocation.from().key().platformUserId();
        if (a.platformUserId().equals(b.platformUserId())) {
            return Reply.error("Mention two different people.", EXAMPLE);
        }
        if (isBot(invocation, a) || isBot(invocation, b)) {
            return Reply.error("Rapport introduces people, not bots: pick two people.", EXAMPLE);
        }
        if (a.platformUserId().equals(me) || b.platformUserId().equals(me)) {
            return Reply.error("You cannot introduce yourself: mention the two people you want to connect.", EXAMPLE);
        }
        if (why.isEmpty()) {
            return Reply.error(
                    "Say why " + a.name() + " and " + b.name() + " should meet: that is what makes an intro worth"
                            + " answering.",
                    EXAMPLE);
        }
        if (why.length() > NoteText.MAX_LENGTH) {
            return Reply.error("That intro is " + why.length() + " characters; an intro can be at most "
                    + NoteText.MAX_LENGTH + ".");
        }
        UserKey key = invocation.from().key();
        Intro intro = intros.create(new Intro(
                0,
                new ChannelKey(
                        key.platform(),
                        key.workspace(),
                        invocation.teamChannel().get()),
                invocation.userId(),
                invocation.from().displayName(),
                a,
                b,
                why,
                invocation.now(),
                invocation.today().plusDays(CHECK_IN_DAYS),
                Intro.CheckIn.OPEN));
        return post(intro);
    }

    /** The channel post: the introducer's words, mentioning a and b and nobody else. */
    static Reply post(Intro intro) {
        Text body = Text.builder()
                .plain(intro.introducerName() + " introduces ")
                .mention(intro.a().platformUserId(), intro.a().name())
                .plain(" and ")
                .mention(intro.b().platformUserId(), intro.b().name())
                .plain(": " + intro.why())
                .build();
        Section section = new Section(
                Optional.empty(), body, List.of(), List.of(remember(intro, Side.A), remember(intro, Side.B)));
        return new Reply(List.of(section), List.of(), Reply.Visibility.CHANNEL, Optional.empty(), false);
    }

    private static boolean isBot(Invocation invocation, Person person) {
        Mentioned mentioned = invocation.mentions().get(person.platformUserId());
        return mentioned != null && mentioned.bot();
    }

    private static Button remember(Intro intro, Side side) {
        Person person = side == Side.A ? intro.a() : intro.b();
        return Button.of(
                        "Remember about " + IntroText.clip(person.name()),
                        new Action.RememberIntroduced(intro.id(), side).id(),
                        "/remember <@" + person.platformUserId() + "> …")
                .prompting(rememberPrompt(person));
    }

    /** What a Remember button asks: left empty, what the intro said is kept. */
    static Prompt rememberPrompt(Person person) {
        String name = IntroText.clip(person.name());
        return Prompt.note(
                        "Remember " + name,
                        "What should you remember about " + name + "?",
                        "Leave it empty to keep what was said")
                .leftEmptyAllowed();
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.RememberIntroduced.class);
    }

    @Override
    public Optional<Prompt> prompt(Action action, Invocation invocation) {
        Action.RememberIntroduced remember = (Action.RememberIntroduced) action;
        return introFor(remember, invocation).map(intro -> rememberPrompt(person(intro, remember.side())));
    }

    private Optional<Intro> introFor(Action.RememberIntroduced remember, Invocation invocation) {
        UserKey presser = invocation.from().key();
        return intros.byId(remember.introId())
                .filter(i -> i.channel().platform().equals(presser.platform())
                        && i.channel().workspace().equals(presser.workspace()));
    }

    private static Person person(Intro intro, Side side) {
        return side == Side.A ? intro.a() : intro.b();
    }

    /** A Remember button: whoever pressed keeps a note about that person in their own list. */
    @Override
    public Reply act(Action action, Invocation invocation) {
        Action.RememberIntroduced remember = (Action.RememberIntroduced) action;
        UserKey presser = invocation.from().key();
        Optional<Intro> intro = introFor(remember, invocation);
        if (intro.isEmpty()) {
            return Reply.error("That button is out of date.");
        }
        if (!invocation
                .place()
                .channelId()
                .equals(Optional.of(intro.get().channel().channelId()))) {
            // An intro's buttons belong to its post: a forged or copied button pressed elsewhere does nothing.
            return Reply.error("That button only works on the intro post, in the channel it was posted in.");
        }
        Person about = person(intro.get(), remember.side());
        if (about.platformUserId().equals(presser.platformUserId())) {
            return Reply.error("That is you: Rapport keeps notes about other people.");
        }
        Optional<NoteText> note = invocation.text().isBlank()
                ? Optional.of(new NoteText(NoteKind.INTRO, whatWasSaid(intro.get()), List.of()))
                : NoteText.parse(invocation.text());
        if (note.isEmpty()) {
            return Reply.error(NoteText.problem(invocation.text()));
        }
        String howMet = "introduced by " + intro.get().introducerName() + " in a channel on "
                + IntroText.day(invocation.today());
        Contact contact = contacts.findOrCreate(invocation.userId(), about, howMet, invocation.now());
        notes.add(
                invocation.userId(),
                contact.id(),
                note.get().kind(),
                note.get().body(),
                note.get().tags(),
                invocation.now());
        return saved(invocation, contact);
    }

    private static String whatWasSaid(Intro intro) {
        return IntroText.fitNote(intro.introducerName() + " introduced "
                + intro.a().name() + " and " + intro.b().name() + ": " + intro.why());
    }

    /** The private answer to whoever saved a note: how much they now know, and a follow-up to set. */
    Reply saved(Invocation invocation, Contact contact) {
        int known = notes.countsFor(invocation.userId(), contact.id()).known();
        List<Button> buttons = new ArrayList<>();
        buttons.add(Buttons.followUpIn(contact, Soon.IN_A_WEEK, "Follow up in a week"));
        buttons.add(Buttons.followUpIn(contact, Soon.IN_A_MONTH, "In a month"));
        return Reply.of(Section.titled(
                        contact.name(),
                        "Saved in your own notes. You now know " + Wording.things(known) + " about " + contact.name()
                                + "."))
                .withButtons(buttons);
    }
}
