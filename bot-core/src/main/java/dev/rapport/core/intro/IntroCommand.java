package dev.rapport.core.intro;

import dev.rapport.core.command.ActionHandler;
import dev.rapport.core.command.ActionId;
import dev.rapport.core.command.Button;
import dev.rapport.core.command.Buttons;
import dev.rapport.core.command.CommandHandler;
import dev.rapport.core.command.Invocation;
import dev.rapport.core.command.NoteText;
import dev.rapport.core.command.Prompt;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Section;
import dev.rapport.core.command.Text;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.IntroStorage;
import dev.rapport.core.port.IntroStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.port.Storage;
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
    private static final String REMEMBER = "irem";

    private final IntroStore intros;
    private final NoteStore notes;
    private final IntroContacts contacts;
    private final RoundsCommand rounds;
    private final IntroCheckIns checkIns;

    public IntroCommand(Storage storage, IntroStorage introStorage) {
        this.intros = introStorage.intros();
        this.notes = storage.notes();
        this.contacts = new IntroContacts(storage.contacts());
        this.rounds = new RoundsCommand(introStorage.rounds());
        this.checkIns = new IntroCheckIns(introStorage.intros());
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
        if (invocation.channelId().isEmpty()) {
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
                        key.platform(), key.workspace(), invocation.channelId().get()),
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
                Optional.empty(),
                body,
                List.of(),
                List.of(remember(intro, "a", intro.a()), remember(intro, "b", intro.b())));
        return new Reply(List.of(section), List.of(), Reply.Visibility.CHANNEL, Optional.empty(), false);
    }

    private static Button remember(Intro intro, String which, Person person) {
        String name = IntroText.clip(person.name());
        return Button.of(
                        "Remember about " + name,
                        ActionId.of(REMEMBER, intro.id(), which),
                        "/remember <@" + person.platformUserId() + "> …")
                .prompting(Prompt.note(
                                "Remember " + name,
                                "What should you remember about " + name + "?",
                                "Leave it empty to keep what was said")
                        .leftEmptyAllowed());
    }

    @Override
    public Set<String> verbs() {
        return Set.of(REMEMBER);
    }

    /** "irem:&lt;intro&gt;:a|b": whoever pressed keeps a note about that person in their own list. */
    @Override
    public Reply act(String verb, List<String> args, Invocation invocation) {
        UserKey presser = invocation.from().key();
        Optional<Intro> intro = ActionId.number(args, 0)
                .flatMap(intros::byId)
                .filter(i -> i.channel().platform().equals(presser.platform())
                        && i.channel().workspace().equals(presser.workspace()));
        if (intro.isEmpty() || args.size() < 2 || !Set.of("a", "b").contains(args.get(1))) {
            return Reply.error("That button is out of date.");
        }
        Person about = args.get(1).equals("a") ? intro.get().a() : intro.get().b();
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
        int known = notes.counts(invocation.userId())
                .getOrDefault(contact.id(), NoteStore.NoteCounts.NONE)
                .notes();
        List<Button> buttons = new ArrayList<>();
        buttons.add(Buttons.followUpIn(contact, "1w", "Follow up in a week"));
        buttons.add(Buttons.followUpIn(contact, "1m", "In a month"));
        return Reply.of(Section.titled(
                        contact.name(),
                        "Saved in your own notes. You now know " + (known == 1 ? "1 thing" : known + " things")
                                + " about " + contact.name() + "."))
                .withButtons(buttons);
    }
}
