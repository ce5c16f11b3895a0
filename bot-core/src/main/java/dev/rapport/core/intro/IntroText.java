package dev.rapport.core.intro;

import dev.rapport.core.domain.Person;
import dev.rapport.core.people.NoteText;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by intros and rounds. */
final class IntroText {
    static final Pattern MENTION = Pattern.compile("<@!?([A-Za-z0-9._-]+)(?:\\|([^>]*))?>");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final int MAX_LABEL_NAME = 30;

    private IntroText() {}

    /** "25 Nov 2026", for text that is kept (a contact's "how you met"). */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** The name a mention stands for: what the adapter says, else the name inside the mention, else the id. */
    static String mentionName(Matcher mention, Map<String, String> mentionNames) {
        return Optional.ofNullable(mentionNames.get(mention.group(1)))
                .or(() -> Optional.ofNullable(mention.group(2)))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .orElse(mention.group(1));
    }

    /** The text with every mention written as a plain "@name", so that showing it can ping nobody. */
    static String withoutMentions(String text, Map<String, String> mentionNames) {
        Matcher matcher = MENTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("@" + mentionName(matcher, mentionNames)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A name short enough for a button label or a modal title. */
    static String clip(String name) {
        return name.length() <= MAX_LABEL_NAME ? name : name.substring(0, MAX_LABEL_NAME - 1) + "…";
    }

    /** Text cut to fit a note. */
    static String fitNote(String text) {
        return text.length() <= NoteText.MAX_LENGTH ? text : text.substring(0, NoteText.MAX_LENGTH - 1) + "…";
    }

    /** "Ana", "Ana and Marc", "Ana, Marc and Zoë". */
    static String names(List<Person> people) {
        List<String> names = people.stream().map(Person::name).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
