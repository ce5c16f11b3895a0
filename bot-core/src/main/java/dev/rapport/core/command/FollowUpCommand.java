package dev.rapport.core.command;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.FollowUp;
import dev.rapport.core.domain.FollowUpStatus;
import dev.rapport.core.domain.Initiator;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.people.Buttons;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.people.Corrections;
import dev.rapport.core.people.InTouch;
import dev.rapport.core.people.Mentions;
import dev.rapport.core.people.NoteText;
import dev.rapport.core.people.People;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.DateText;
import dev.rapport.core.time.Parse;
import dev.rapport.core.time.TimePhrases;
import dev.rapport.core.time.When;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** /followup: schedule, list, done, snooze and cancel follow-ups and keep-in-touch rhythms. */
public final class FollowUpCommand implements CommandHandler, ActionHandler {
    static final String EXAMPLE = "/followup marc next friday about the job offer";
    private static final int UPCOMING_DAYS = 14;
    private static final Pattern ABOUT = Pattern.compile("(?iu)^(.*?)\\s+about\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern REACHED_OUT = Pattern.compile("(?iu)\\b(they|she|he|i|we)\\s+reached\\s+out\\b");
    private static final Pattern STATEMENT_ONLY =
            Pattern.compile("(?iu)^(they|she|he|i|we)\\s+reached\\s+out[\\s.!,;]*$");

    private final People people;
    private final ContactStore contacts;
    private final NoteStore notes;
    private final FollowUpStore followUps;
    private final ContactContext context;
    private final InTouch inTouch;
    private final Corrections corrections;

    public FollowUpCommand(
            People people,
            ContactStore contacts,
            NoteStore notes,
            FollowUpStore followUps,
            ContactContext context,
            InTouch inTouch,
            Corrections corrections) {
        this.people = people;
        this.contacts = contacts;
        this.notes = notes;
        this.followUps = followUps;
        this.context = context;
        this.inTouch = inTouch;
        this.corrections = corrections;
    }

    @Override
    public String name() {
        return "followup";
    }

    @Override
    public Reply handle(Invocation invocation) {
        String text = invocation.text().strip();
        String[] firstAndRest = text.split("\\s+", 2);
        String rest = firstAndRest.length > 1 ? firstAndRest[1] : "";
        return switch (firstAndRest[0].toLowerCase(Locale.ROOT)) {
            case "list" -> list(invocation);
            case "done" -> done(invocation.withText(rest));
            case "snooze" -> snooze(invocation.withText(rest));
            case "cancel" -> cancel(invocation.withText(rest));
            default -> schedule(invocation);
        };
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(
                Action.FollowUpIn.class,
                Action.KeepInTouch.class,
                Action.Done.class,
                Action.Snooze.class,
                Action.SnoozeAsking.class,
                Action.Answered.class,
                Action.ReachedOut.class);
    }

    @Override
    public Reply act(Action action, Invocation invocation) {
        if (action instanceof Action.Answered answered) {
            return corrections.answer(invocation.userId(), answered.noteId(), invocation.text(), invocation.now());
        }
        Optional<Contact> found = contacts.byId(invocation.userId(), contactOf(action));
        if (found.isEmpty()) {
            return Reply.error("That contact no longer exists.");
        }
        Contact contact = found.get();
        if (action instanceof Action.FollowUpIn in) {
            return scheduleWhen(invocation, contact, in.when().phrase(), Optional.empty());
        }
        if (action instanceof Action.KeepInTouch keep) {
            return scheduleWhen(invocation, contact, keep.rhythm().phrase(), Optional.empty());
        }
        if (action instanceof Action.Snooze snooze) {
            return snoozeTo(invocation, contact, snooze.when().phrase(), "");
        }
        if (action instanceof Action.SnoozeAsking) {
            return snoozeTyped(invocation, contact, invocation.text());
        }
        if (action instanceof Action.ReachedOut reached) {
            return corrections.reachedOut(
                    contact, reached.who() == Action.Reacher.THEM ? Initiator.THEM : Initiator.ME);
        }
        return logContact(invocation, contact, invocation.text());
    }

    @Override
    public Optional<Prompt> prompt(Action action, Invocation invocation) {
        if (action instanceof Action.Answered answered) {
            return notes.byId(invocation.userId(), answered.noteId())
                    .filter(Note::isOpenQuestion)
                    .map(FollowUpCommand::answerPrompt);
        }
        return action instanceof Action.SnoozeAsking asking
                ? contacts.byId(invocation.userId(), asking.contactId()).map(Buttons::snoozePrompt)
                : Optional.empty();
    }

    private static long contactOf(Action action) {
        if (action instanceof Action.FollowUpIn in) {
            return in.contactId();
        }
        if (action instanceof Action.KeepInTouch keep) {
            return keep.contactId();
        }
        if (action instanceof Action.Snooze snooze) {
            return snooze.contactId();
        }
        if (action instanceof Action.SnoozeAsking asking) {
            return asking.contactId();
        }
        if (action instanceof Action.ReachedOut reached) {
            return reached.contactId();
        }
        return ((Action.Done) action).contactId();
    }

    private Reply schedule(Invocation invocation) {
        return people.existing(invocation, "followup").then(found -> {
            String rest = found.rest();
            if (rest.isBlank()) {
                return Reply.error(
                        "When should I remind you about " + found.contact().name() + "?",
                        "/followup " + found.contact().reference() + " next friday");
            }
            Matcher about = ABOUT.matcher(rest);
            Optional<String> reason = Optional.empty();
            String whenText = rest;
            if (about.matches()) {
                whenText = about.group(1);
                reason = Optional.of(ContactContext.shorten(about.group(2))).filter(r -> !r.isBlank());
            }
            return scheduleWhen(invocation, found.contact(), whenText, reason);
        });
    }

    private Reply scheduleWhen(Invocation invocation, Contact contact, String whenText, Optional<String> reason) {
        LocalDate today = invocation.today();
        Parse parse = TimePhrases.parse(whenText, today);
        if (parse instanceof Parse.Error error) {
            return Reply.error(error.message(), EXAMPLE);
        }
        When when = ((Parse.Ok) parse).when();
        if (when instanceof When.On on) {
            // One open follow-up per person: a new date moves it, says from what, and keeps its reason unless given.
            Optional<FollowUp> before = followUps.open(invocation.userId(), contact.id());
            Optional<String> kept = reason.or(() -> before.flatMap(FollowUp::reason));
            followUps.schedule(invocation.userId(), contact.id(), on.date(), kept, invocation.now());
            String body = before.map(old -> "Moved your follow-up with " + contact.name() + " from "
                            + DateText.shortDate(old.dueOn())
                            + old.reason().map(r -> ", about " + r + ",").orElse("")
                            + " to " + DateText.date(on.date(), today)
                            + (reason.isPresent() && !reason.equals(old.reason()) ? ", now about " + reason.get() : "")
                            + ".")
                    .orElseGet(() -> "I'll remind you to follow up with " + contact.name() + " on "
                            + DateText.date(on.date(), today)
                            + kept.map(r -> ", about " + r).orElse("") + ".");
            return withContext(contact, body);
        }
        Cadence cadence = ((When.Every) when).cadence();
        LocalDate next = cadence.next(today);
        contacts.update(contact.withRhythm(Optional.of(cadence), Optional.of(next)));
        reason.ifPresent(
                r -> notes.add(invocation.userId(), contact.id(), NoteKind.RHYTHM, r, List.of(), invocation.now()));
        String body = "Keeping in touch with " + contact.name() + " " + cadence.describe()
                + ". First reminder: " + DateText.date(next, today)
                + ". Logging contact (/followup done) restarts the rhythm.";
        return withContext(contact, body);
    }

    private Reply withContext(Contact contact, String body) {
        String full = context.line(contact).map(line -> body + "\n" + line).orElse(body);
        return Reply.of(Section.titled(contact.name(), full));
    }

    private Reply list(Invocation invocation) {
        LocalDate today = invocation.today();
        LocalDate horizon = today.plusDays(UPCOMING_DAYS);
        Map<Long, Contact> byId =
                contacts.all(invocation.userId()).stream().collect(Collectors.toMap(Contact::id, Function.identity()));
        List<String> due = new ArrayList<>();
        List<String> upcoming = new ArrayList<>();
        for (FollowUp followUp : followUps.openDueBy(invocation.userId(), horizon)) {
            Contact contact = byId.get(followUp.contactId());
            if (contact == null) {
                continue;
            }
            String line = "• " + contact.name() + " — " + DateText.date(followUp.dueOn(), today)
                    + followUp.reason().map(r -> " — about " + r).orElse("");
            (followUp.dueOn().isAfter(today) ? upcoming : due).add(line);
        }
        List<Contact> rhythms = byId.values().stream()
                .filter(c ->
                        c.rhythmNext().filter(next -> !next.isAfter(horizon)).isPresent())
                .sorted(Comparator.comparing(c -> c.rhythmNext().orElseThrow()))
                .toList();
        List<String> lapsed = new ArrayList<>();
        for (Contact contact : rhythms) {
            LocalDate next = contact.rhythmNext().orElseThrow();
            String rhythm = contact.rhythm().map(Cadence::describe).orElse("");
            if (next.isAfter(today)) {
                upcoming.add("• " + contact.name() + " — " + DateText.date(next, today) + ", " + rhythm);
            } else {
                lapsed.add("• " + contact.name() + " — " + rhythm + ", " + ContactContext.lastContact(contact, today)
                        + ", due " + DateText.ago(next, today));
            }
        }
        if (due.isEmpty() && upcoming.isEmpty() && lapsed.isEmpty()) {
            return Reply.of(Section.of("Nothing due in the next " + UPCOMING_DAYS + " days.\nAdd one: " + EXAMPLE));
        }
        List<Section> sections = new ArrayList<>();
        if (!due.isEmpty()) {
            sections.add(Section.titled("Due now", String.join("\n", due)));
        }
        if (!lapsed.isEmpty()) {
            sections.add(Section.titled("Rhythms that lapsed", String.join("\n", lapsed)));
        }
        if (!upcoming.isEmpty()) {
            sections.add(Section.titled("Next " + UPCOMING_DAYS + " days", String.join("\n", upcoming)));
        }
        return Reply.of(sections.toArray(Section[]::new));
    }

    private Reply done(Invocation invocation) {
        return people.existing(invocation, "followup done")
                .then(found -> logContact(invocation, found.contact(), found.rest()));
    }

    /**
     * Logs contact: closes the open follow-up, restarts the rhythm and keeps what happened as a logged interaction.
     * Who reached out is recorded only when said ("they reached out", "I reached out") or chosen with a button, and
     * open questions are answered one by one, never all at once.
     */
    Reply logContact(Invocation invocation, Contact contact, String whatHappened) {
        LocalDate today = invocation.today();
        Optional<Initiator> initiator = stated(whatHappened);
        String happened = initiator.isPresent()
                        && STATEMENT_ONLY.matcher(whatHappened.strip()).matches()
                ? ""
                : whatHappened;
        Optional<NoteText> note = happened.isBlank()
                ? Optional.empty()
                : NoteText.parse(Mentions.readable(happened, invocation.mentionNames()));
        if (!happened.isBlank() && note.isEmpty()) {
            return Reply.error(NoteText.problem(happened), "/followup done " + contact.reference() + " had coffee");
        }
        InTouch.Touched touched = inTouch.record(
                contact, today, invocation.now(), initiator, note.map(n -> n.keptAs(NoteKind.INTERACTION)), false);
        Contact updated = touched.contact();

        List<String> lines = new ArrayList<>();
        lines.add("Logged: you were in touch with " + contact.name() + " today.");
        touched.closed().ifPresent(f -> lines.add("Closed the follow-up due " + DateText.date(f.dueOn(), today) + "."));
        updated.rhythmNext()
                .ifPresent(next -> lines.add("Next, "
                        + updated.rhythm().orElseThrow().describe() + ": " + DateText.date(next, today) + "."));
        List<Button> buttons = new ArrayList<>();
        if (initiator.isPresent()) {
            lines.add("Who reached out: " + (initiator.get() == Initiator.THEM ? "they did." : "you did."));
        } else {
            lines.add("Who reached out: not recorded. Say so with a button.");
            buttons.add(reachedOut(contact, Action.Reacher.THEM, "They reached out"));
            buttons.add(reachedOut(contact, Action.Reacher.ME, "I reached out"));
        }
        if (touched.noted()) {
            lines.add("Saved what happened as a logged interaction.");
        } else {
            lines.add("What did you learn? Save it as a note so the next follow-up starts there.");
            buttons.add(Buttons.addNote(contact, "Add what you learned"));
        }
        List<Note> all = notes.forContact(invocation.userId(), contact.id());
        List<Button> answers = new ArrayList<>();
        for (int n = 1; n <= all.size(); n++) {
            Note question = all.get(n - 1);
            if (question.isOpenQuestion()) {
                answers.add(Button.of(
                                "Answered: " + Buttons.clip(question.body()),
                                new Action.Answered(question.id()).id(),
                                "/contact " + contact.reference() + " answered note " + n + " [answer]")
                        .prompting(answerPrompt(question)));
            }
        }
        List<Section> sections = new ArrayList<>();
        sections.add(Section.titled(contact.name(), String.join("\n", lines)).withButtons(buttons));
        if (!answers.isEmpty()) {
            sections.add(Section.of(
                            "Which open questions were answered? Press each one that was; the others stay" + " open.")
                    .withButtons(answers));
        }
        return Reply.of(sections.toArray(Section[]::new));
    }

    /** "they reached out" or "I reached out", said in what happened; nothing is guessed from other words. */
    static Optional<Initiator> stated(String text) {
        Matcher said = REACHED_OUT.matcher(text);
        if (!said.find()) {
            return Optional.empty();
        }
        String who = said.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(who.equals("i") || who.equals("we") ? Initiator.ME : Initiator.THEM);
    }

    private static Button reachedOut(Contact contact, Action.Reacher who, String label) {
        return Button.of(
                label,
                new Action.ReachedOut(contact.id(), who).id(),
                "/contact " + contact.reference() + " " + (who == Action.Reacher.ME ? "i" : "they") + " reached out");
    }

    /** What an Answered button asks: the answer, which may be left empty. */
    public static Prompt answerPrompt(Note question) {
        return Prompt.note("Answered", Buttons.clip(question.body()), "What was the answer? (optional)")
                .leftEmptyAllowed();
    }

    private Reply snooze(Invocation invocation) {
        return people.existing(invocation, "followup snooze")
                .then(found -> snoozeTyped(invocation, found.contact(), found.rest()));
    }

    /** "1 May travelling until then": a date phrase, then an optional reason. */
    private Reply snoozeTyped(Invocation invocation, Contact contact, String text) {
        Optional<TimePhrases.Leading> leading = TimePhrases.parseLeading(text, invocation.today());
        if (leading.isEmpty()) {
            String problem = text.isBlank()
                    ? "Until when should I snooze " + contact.name() + "?"
                    : firstLine(TimePhrases.parse(text, invocation.today()));
            return Reply.error(problem, "/followup snooze " + contact.reference() + " next month travelling");
        }
        return snoozeTo(
                invocation, contact, leading.get().phrase(), leading.get().rest());
    }

    private static String firstLine(Parse parse) {
        return parse instanceof Parse.Error error ? error.message() : "That is not a date.";
    }

    private Reply snoozeTo(Invocation invocation, Contact contact, String phrase, String reason) {
        LocalDate today = invocation.today();
        Parse parse = TimePhrases.parse(phrase, today);
        if (!(parse instanceof Parse.Ok ok) || !(ok.when() instanceof When.On on)) {
            return Reply.error(
                    "Snooze needs a date, not a rhythm.", "/followup snooze " + contact.reference() + " in 2 weeks");
        }
        Optional<FollowUp> open = followUps.open(invocation.userId(), contact.id());
        if (open.isPresent()) {
            followUps.schedule(
                    invocation.userId(), contact.id(), on.date(), open.get().reason(), invocation.now());
        } else if (contact.rhythm().isPresent()) {
            contacts.update(contact.withRhythmNext(on.date()));
        } else {
            return Reply.error(
                    "There is no follow-up with " + contact.name() + " to snooze.",
                    "/followup " + contact.reference() + " " + phrase);
        }
        if (!reason.isBlank()) {
            Optional<NoteText> note = NoteText.parse(Mentions.readable(reason, invocation.mentionNames()));
            if (note.isEmpty()) {
                return Reply.error(NoteText.problem(reason));
            }
            notes.add(
                    invocation.userId(),
                    contact.id(),
                    NoteKind.SNOOZED,
                    note.get().body(),
                    note.get().tags(),
                    invocation.now());
        }
        String body = "Snoozed " + contact.name() + " until " + DateText.date(on.date(), today) + "."
                + (reason.isBlank()
                        ? ""
                        : " Kept the reason as a note: “Snoozed: " + ContactContext.shorten(reason) + "”.");
        return Reply.of(Section.titled(contact.name(), body));
    }

    private Reply cancel(Invocation invocation) {
        return people.existing(invocation, "followup cancel").then(found -> {
            Contact contact = found.contact();
            Optional<FollowUp> open = followUps.open(invocation.userId(), contact.id());
            if (open.isEmpty() && contact.rhythm().isEmpty()) {
                return Reply.error("There is no follow-up or rhythm with " + contact.name() + " to cancel.");
            }
            open.ifPresent(
                    f -> followUps.close(invocation.userId(), f.id(), FollowUpStatus.CANCELLED, invocation.now()));
            contacts.update(contact.withRhythm(Optional.empty(), Optional.empty()));
            return Reply.of(Section.titled(
                    contact.name(),
                    "Cancelled the follow-up" + (contact.rhythm().isPresent() ? " and the rhythm" : "") + " with "
                            + contact.name() + ". Your notes stay."));
        });
    }
}
