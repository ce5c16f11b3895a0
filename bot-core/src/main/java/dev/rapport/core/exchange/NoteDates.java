package dev.rapport.core.exchange;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.YearlyDate;
import dev.rapport.core.exchange.ImportedPerson.Dated;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.FollowUpStore;
import dev.rapport.core.port.YearlyDateStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.DateText;
import dev.rapport.core.time.Parse;
import dev.rapport.core.time.TimePhrases;
import dev.rapport.core.time.When;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in what people write with /remember. "birthday: 12 March" is a yearly date on the person, not a note. Any
 * other note naming a coming date ("moving to Lisbon in May") offers a follow-up on that date as a button, read with
 * the same time grammar as /followup in the user's own today; it is never set without the press.
 */
public final class NoteDates implements ActionHandler {
    private static final Pattern YEARLY = Pattern.compile(
            "(?i)\\s*(birthday|bday|b-day|anniversary|wedding anniversary|work anniversary|name day|nameday)"
                    + "\\s*(?:is|:|-|=)\\s*(.+?)\\s*\\.?\\s*");
    private static final Pattern WHO_AND_YEARLY = Pattern.compile(
            "(?i)\\s*([^:]+?)(?:'s|’s)?\\s+((?:birthday|bday|b-day|anniversary|wedding anniversary|work anniversary"
                    + "|name day|nameday)\\s*(?::|-|=|\\bis\\b).+)");
    private static final Pattern WORD = Pattern.compile("(?U)[^\\s,.;:!?()]+");
    private static final Set<String> MONTH_LEAD = Set.of("in", "by", "until", "till", "from", "early", "late", "mid");
    private static final int MAX_WORDS = 80;
    /** Month names, their three-letter abbreviations and "sept", as a note may write them. */
    private static final Map<String, Month> MONTHS = months();

    private final ContactStore contacts;
    private final YearlyDateStore yearlyDates;
    private final FollowUpStore followUps;

    public NoteDates(ContactStore contacts, YearlyDateStore yearlyDates, FollowUpStore followUps) {
        this.contacts = contacts;
        this.yearlyDates = yearlyDates;
        this.followUps = followUps;
    }

    /**
     * "marc birthday: 12 March" split into who ("marc") and the yearly date, so that the label is not read as part
     * of a new name; empty for any other text.
     */
    public Optional<String[]> whoAndYearly(String text) {
        Matcher m = WHO_AND_YEARLY.matcher(text);
        return m.matches()
                ? Optional.of(new String[] {m.group(1).strip(), m.group(2).strip()})
                : Optional.empty();
    }

    /** For "birthday: 12 March" (and the like): saves the yearly date and answers; empty for any other text. */
    public Optional<Reply> yearly(Invocation invocation, Contact contact, String text) {
        Matcher m = YEARLY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String label = label(m.group(1));
        Optional<Dated> date = YearlyDates.read(label, m.group(2));
        if (date.isEmpty()) {
            return Optional.of(Reply.error(
                    "I couldn't read “" + shown(m.group(2)) + "” as a day of the year.",
                    "/remember " + contact.reference() + " " + label + ": 12 March"));
        }
        YearlyDate saved = yearlyDates.put(YearlyDate.of(
                invocation.userId(),
                contact.id(),
                label,
                date.get().day(),
                date.get().year()));
        LocalDate next = saved.nextOn(invocation.today());
        return Optional.of(Reply.of(Section.titled(
                contact.name(),
                "Saved " + contact.name() + "'s " + saved.describe() + ". Next: "
                        + DateText.date(next, invocation.today()) + "; it comes up in your digest on the day.")));
    }

    /** A button offering a follow-up on the first coming date the note names, if it names one. */
    public Optional<Button> suggestion(Invocation invocation, Contact contact, String note) {
        return firstDate(note, invocation.today())
                .map(date -> Button.of(
                        "Follow up on " + DateText.shortDate(date) + "?",
                        new Action.FollowUpOn(contact.id(), date).id(),
                        "/followup " + contact.reference() + " " + date));
    }

    /** The first date after today that a phrase of the note means, as the time grammar reads it. */
    static Optional<LocalDate> firstDate(String note, LocalDate today) {
        List<MatchResult> words = WORD.matcher(note).results().limit(MAX_WORDS).toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).group().toLowerCase(Locale.ROOT);
            // "in May", "by June 2027": the grammar reads days of months, so the month's first day stands in.
            if (MONTH_LEAD.contains(word) && i + 1 < words.size()) {
                Optional<Month> month = month(words.get(i + 1).group());
                if (month.isPresent()) {
                    String year =
                            i + 2 < words.size() && words.get(i + 2).group().matches("[0-9]{4}")
                                    ? " " + words.get(i + 2).group()
                                    : "";
                    Optional<LocalDate> date = on(TimePhrases.parse(
                            "1 " + month.get().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + year, today));
                    if (date.isPresent() && date.get().isAfter(today)) {
                        return date;
                    }
                    i++;
                    continue;
                }
            }
            if (month(word).isPresent() && word.equals("may")) {
                // "may" alone is mostly the verb.
                continue;
            }
            Optional<LocalDate> date = TimePhrases.parseLeading(
                            note.substring(words.get(i).start()), today)
                    .filter(leading -> !leading.phrase().isBlank())
                    .flatMap(leading ->
                            leading.when() instanceof When.On on ? Optional.of(on.date()) : Optional.empty());
            if (date.isPresent() && date.get().isAfter(today)) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> on(Parse parse) {
        return parse instanceof Parse.Ok ok && ok.when() instanceof When.On on
                ? Optional.of(on.date())
                : Optional.empty();
    }

    private static Optional<Month> month(String word) {
        return Optional.ofNullable(MONTHS.get(word.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, Month> months() {
        Map<String, Month> months = new HashMap<>();
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            months.put(name, month);
            months.put(name.substring(0, 3), month);
        }
        months.put("sept", Month.SEPTEMBER);
        return Map.copyOf(months);
    }

    private static String label(String typed) {
        String t = typed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (t) {
            case "bday", "b-day" -> "birthday";
            case "nameday" -> "name day";
            default -> t;
        };
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.FollowUpOn.class);
    }

    /** The suggestion's button: the follow-up is set (or moved) to the date it named. */
    @Override
    public Reply act(Action action, Invocation invocation) {
        Action.FollowUpOn on = (Action.FollowUpOn) action;
        Optional<Contact> contact = contacts.byId(invocation.userId(), on.contactId());
        if (contact.isEmpty()) {
            return Reply.error("That contact no longer exists.");
        }
        if (on.date().isBefore(invocation.today())) {
            return Reply.error("That date has passed; pick another with /followup "
                    + contact.get().reference() + " <when>.");
        }
        followUps.schedule(invocation.userId(), contact.get().id(), on.date(), Optional.empty(), invocation.now());
        return Reply.text("I'll remind you to follow up with " + contact.get().name() + " on "
                + DateText.date(on.date(), invocation.today()) + ".");
    }

    private static String shown(String text) {
        String one = text.replaceAll("\\p{Cc}", "").replaceAll("\\s+", " ").strip();
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }
}
