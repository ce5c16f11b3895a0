package dev.rapport.discord.command;

import dev.rapport.core.api.Rapport;
import dev.rapport.core.api.Requester;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** What autocomplete offers: the asker's own contacts, time phrases core understands, time zones core reads. */
public final class Suggestions {
    /** Discord shows at most 25 choices. */
    public static final int MAX = OptionData.MAX_CHOICES;

    static final List<String> DATES = List.of(
            "tomorrow", "in 3 days", "next week", "in 2 weeks", "in a month", "next month", "friday", "this weekend");
    static final List<String> RHYTHMS =
            List.of("every week", "every 2 weeks", "every 3 weeks", "every month", "every 3 months", "every year");

    private final Rapport rapport;

    public Suggestions(Rapport rapport) {
        this.rapport = rapport;
    }

    /** Names of the asker's contacts that fit what they typed (from core's cache, fast). */
    public List<String> contacts(Requester from, String typed) {
        return rapport.suggestContacts(from, typed, MAX);
    }

    public List<String> dates(String typed) {
        return matching(DATES.stream(), typed);
    }

    public List<String> datesAndRhythms(String typed) {
        return matching(Stream.concat(DATES.stream(), RHYTHMS.stream()), typed);
    }

    /** Core reads zones the way /settings timezone does: "new york", "berl", "CET". */
    public List<String> zones(String typed) {
        return rapport.suggestZones(typed, MAX);
    }

    private static List<String> matching(Stream<String> all, String typed) {
        String key = typed.strip().toLowerCase(Locale.ROOT);
        return all.filter(choice -> choice.toLowerCase(Locale.ROOT).contains(key))
                .filter(choice -> choice.length() <= OptionData.MAX_CHOICE_VALUE_LENGTH)
                .limit(MAX)
                .toList();
    }
}
