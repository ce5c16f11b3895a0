package dev.rapport.core.capture;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.Capture;
import dev.rapport.core.api.CaptureHandler;
import dev.rapport.core.api.CaptureOpening;
import dev.rapport.core.api.CaptureStart;
import dev.rapport.core.api.Captured;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.PlatformUser;
import dev.rapport.core.api.UserText;
import dev.rapport.core.domain.Cadence;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.Note;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.people.NoteText;
import dev.rapport.core.people.People;
import dev.rapport.core.people.PersonParser;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.NoteStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.CaptureForm.Field;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.TextFit;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.time.DateText;
import dev.rapport.core.time.Parse;
import dev.rapport.core.time.TimePhrases;
import dev.rapport.core.time.When;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Remember this" and "Remember someone" (issue 12): the form, worded here for every platform, and its submission,
 * checked whole before anything is written, then saved as one: the contact (linked to the platform user, named from
 * the directory), the note with the message's link as its source, and the follow-up if one was asked for.
 */
public final class Captures implements CaptureHandler {
    /** Ends a message cut to the note limit, so that the cut is plain in the form and in the note. */
    public static final String CUT_MARK = "[cut: the message was longer than " + NoteText.MAX_LENGTH + " characters]";

    static final int FOLLOW_UP_MAX = 100;
    private static final int SOURCE_MAX = 1000;
    private static final Pattern SOURCE = Pattern.compile("https://\\S+");

    private final People people;
    private final ContactStore contacts;
    private final NoteStore notes;
    private final FollowUpStore followUps;

    public Captures(People people, ContactStore contacts, NoteStore notes, FollowUpStore followUps) {
        this.people = people;
        this.contacts = contacts;
        this.notes = notes;
        this.followUps = followUps;
    }

    @Override
    public CaptureOpening open(CaptureStart start) {
        if (start.author().isEmpty()) {
            return new CaptureOpening.Open(form(
                    "Remember someone",
                    "A person here",
                    Optional.empty(),
                    Optional.of(new Prompt(
                                    "Remember someone",
                                    "Or a name (one of yours, or someone new)",
                                    "Marc Kelly",
                                    PersonParser.MAX_NAME_LENGTH)
                            .leftEmptyAllowed()),
                    "",
                    false,
                    Optional.empty()));
        }
        PlatformUser author = start.author().get();
        Optional<String> refusal = refusal(author, true);
        if (refusal.isPresent()) {
            return new CaptureOpening.Refused(Reply.error(refusal.get()));
        }
        String text = UserText.wellFormed(start.text()).strip();
        boolean cut = text.length() > NoteText.MAX_LENGTH;
        String note = cut ? TextFit.cut(text, NoteText.MAX_LENGTH, CUT_MARK) : text;
        return new CaptureOpening.Open(form(
                "Remember this",
                "Who is it about?",
                Optional.of(author.id()),
                Optional.empty(),
                note,
                cut,
                source(start.source())));
    }

    private static CaptureForm form(
            String title,
            String personLabel,
            Optional<String> personId,
            Optional<Prompt> name,
            String noteText,
            boolean cut,
            Optional<String> source) {
        Prompt note = Prompt.note(
                title,
                cut ? "What to remember (cut to " + NoteText.MAX_LENGTH + " characters)" : "What to remember",
                "Moving to Lisbon in May #travel");
        Prompt followUp = new Prompt(
                        title, "Follow up (optional)", "next friday, in 2 weeks, 1 Dec, monthly", FOLLOW_UP_MAX)
                .leftEmptyAllowed();
        return new CaptureForm(
                title,
                "Save",
                personLabel,
                personId,
                name,
                note,
                noteText,
                cut,
                "Next time",
                "Ask next time (an open question)",
                followUp,
                source);
    }

    /** Why no note may be about this account, if so: said of its message, or of the account chosen in the form. */
    private static Optional<String> refusal(PlatformUser user, boolean message) {
        return switch (user.standing()) {
            case PERSON -> Optional.empty();
            case BOT ->
                Optional.of((message ? "That message is from a bot or an app" : "That is a bot or an app")
                        + "; Rapport keeps notes about people. Nothing was saved.");
            case DELETED ->
                Optional.of(
                        (message ? "That message is from an account that was deleted" : "That account was deleted")
                                + ", so there is no one to file it under. Nothing was saved; “Remember someone” files it under a name.");
            case RAPPORT ->
                Optional.of((message ? "That message is from me, Rapport" : "That is me, Rapport")
                        + "; notes are about people. Nothing was saved.");
        };
    }

    @Override
    public Captured save(Invocation invocation, Capture capture) {
        // Everything is checked before anything is written: a refusal changes nothing.
        Optional<String> name = capture.name().map(Names::clean).filter(n -> !n.isEmpty());
        if (capture.person().isPresent()) {
            Optional<String> refusal = refusal(capture.person().get(), false);
            if (refusal.isPresent()) {
                return Captured.refused(Field.PERSON, refusal.get());
            }
        } else if (name.isEmpty()) {
            return Captured.refused(Field.PERSON, "Who is it about? Choose a person, or a name.");
        } else if (name.get().length() > PersonParser.MAX_NAME_LENGTH) {
            return Captured.refused(
                    Field.NAME, "That name is longer than " + PersonParser.MAX_NAME_LENGTH + " characters.");
        }
        String text = UserText.wellFormed(capture.note()).strip();
        Optional<NoteText> parsed = NoteText.parse(text);
        if (parsed.isEmpty()) {
            return Captured.refused(Field.NOTE, NoteText.problem(text));
        }
        NoteText note = capture.askNextTime() && parsed.get().kind() == NoteKind.NOTE
                ? new NoteText(
                        NoteKind.QUESTION, parsed.get().body(), parsed.get().tags())
                : parsed.get();
        Optional<String> phrase = capture.followUp().map(String::strip).filter(p -> !p.isEmpty());
        Optional<When> when = Optional.empty();
        if (phrase.isPresent()) {
            Parse read = TimePhrases.parse(phrase.get(), invocation.today());
            if (read instanceof Parse.Error error) {
                return Captured.refused(Field.FOLLOW_UP, error.message());
            }
            when = Optional.of(((Parse.Ok) read).when());
        }

        long owner = invocation.userId();
        Optional<String> submission = capture.submission().filter(key -> !key.isBlank());
        Optional<Long> before = submission.flatMap(key -> notes.submitted(owner, key));
        if (before.isPresent()) {
            return Captured.saved(alreadySaved(owner, before.get()));
        }
        People.Found found = capture.person().isPresent()
                ? people.platformUser(
                        invocation,
                        capture.person().get().id(),
                        capture.person().get().name())
                : people.named(invocation, name.get());
        Contact contact = found.contact();
        Note saved = notes.add(owner, contact.id(), note.kind(), note.body(), note.tags(), invocation.now());
        Optional<String> source = source(capture.source());
        source.ifPresent(url -> notes.setSource(owner, saved.id(), url));
        submission.ifPresent(key -> notes.markSubmitted(owner, key, saved.id(), invocation.now()));
        Optional<String> followUp = when.map(w -> followUp(invocation, contact, w));
        return Captured.saved(confirmation(invocation, contact, found.created(), note, source, followUp, saved));
    }

    @Override
    public List<String> names(List<String> fitting, String typed, int limit) {
        String name = Names.clean(typed);
        List<String> names = new ArrayList<>(fitting.subList(0, Math.min(limit, fitting.size())));
        boolean known = names.stream().anyMatch(n -> Names.fold(n).equals(Names.fold(name)));
        if (!name.isEmpty() && !known && name.length() <= PersonParser.MAX_NAME_LENGTH && limit > 0) {
            if (names.size() >= limit) {
                names.remove(names.size() - 1);
            }
            names.add(name);
        }
        return names;
    }

    /** A submission sent again: nothing more is written, and it says where the first one went. */
    private Reply alreadySaved(long owner, long noteId) {
        Optional<Contact> about = notes.byId(owner, noteId).flatMap(note -> contacts.byId(owner, note.contactId()));
        return Reply.text("That was saved already; nothing changed."
                + about.map(contact -> " See /contact " + contact.reference() + ".")
                        .orElse(""));
    }

    /** Schedules the follow-up (one date, or a rhythm) and says when it comes. */
    private String followUp(Invocation invocation, Contact contact, When when) {
        LocalDate today = invocation.today();
        if (when instanceof When.On on) {
            // One open follow-up per person: a new date moves it, keeping its reason.
            Optional<String> reason =
                    followUps.open(invocation.userId(), contact.id()).flatMap(f -> f.reason());
            followUps.schedule(invocation.userId(), contact.id(), on.date(), reason, invocation.now());
            return "I'll remind you to follow up on " + DateText.date(on.date(), today) + ".";
        }
        Cadence cadence = ((When.Every) when).cadence();
        LocalDate next = cadence.next(today);
        Contact stored = contacts.byId(invocation.userId(), contact.id()).orElse(contact);
        contacts.update(stored.withRhythm(Optional.of(cadence), Optional.of(next)));
        return "Keeping in touch " + cadence.describe() + "; first reminder " + DateText.date(next, today) + ".";
    }

    private Reply confirmation(
            Invocation invocation,
            Contact contact,
            boolean created,
            NoteText note,
            Optional<String> source,
            Optional<String> followUp,
            Note saved) {
        NoteStore.NoteCounts counts = notes.countsFor(invocation.userId(), contact.id());
        StringBuilder body = new StringBuilder();
        body.append(created ? "New contact. " : "").append("Saved");
        body.append(note.kind() == NoteKind.QUESTION ? " as a question to ask next time" : "");
        body.append(source.isPresent() ? ", with the link to the message" : "");
        body.append(". You now know ")
                .append(Wording.things(counts.known()))
                .append(" about ")
                .append(contact.name());
        if (counts.openQuestions() > 0) {
            body.append(" (")
                    .append(Wording.openQuestions(counts.openQuestions()))
                    .append(")");
        }
        body.append(".");
        followUp.ifPresent(line -> body.append("\n").append(line));
        Button undo = Button.of(
                "Undo", new Action.UndoNote(saved.id()).id(), "/contact " + contact.reference() + " delete note 1");
        return Reply.of(Section.titled(contact.name(), body.toString()).withButtons(List.of(undo)));
    }

    /** A source kept only as a web link of reasonable length (what a platform's permalink is). */
    private static Optional<String> source(Optional<String> url) {
        return url.map(String::strip)
                .filter(u -> u.length() <= SOURCE_MAX && SOURCE.matcher(u).matches());
    }
}
