package dev.rapport.core.people;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who a command is about, in DESIGN.md's order: an @mention, a "quoted" name, the longest run of leading
 * words naming a known contact (their full name or its first words), "Name:" for someone new, else the first word.
 */
public final class PersonParser {
    public static final int MAX_NAME_LENGTH = 80;
    private static final int MAX_NEW_NAME_WORDS = 6;

    private static final Pattern MENTION =
            Pattern.compile("^<@!?([A-Za-z0-9._-]+)(?:\\|([^>]*))?>(?:\\s*:(?=\\s|$))?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern QUOTED =
            Pattern.compile("^[\"“”]([^\"“”]*)[\"“”](?:\\s*:(?=\\s|$))?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern NAME_COLON = Pattern.compile(":(?=\\s|$)");
    private static final Pattern NEW_NAME = Pattern.compile("[^:/@#<>\"“”]{1," + MAX_NAME_LENGTH + "}");

    private PersonParser() {}

    public static Who parse(String text, List<Contact> known, Map<String, String> mentionNames) {
        String stripped = text == null ? "" : text.strip();
        // "@marc" typed as text (the console has no real mentions) is just "marc".
        boolean typedAt =
                stripped.startsWith("@") && stripped.length() > 1 && !Character.isWhitespace(stripped.charAt(1));
        String input = typedAt ? stripped.substring(1) : stripped;
        if (input.isEmpty()) {
            return new Who.Missing();
        }
        Matcher mention = MENTION.matcher(input);
        if (mention.matches()) {
            return mentioned(mention, known, mentionNames);
        }
        Matcher quoted = QUOTED.matcher(input);
        if (quoted.matches()) {
            String name = Names.clean(quoted.group(1));
            if (name.isEmpty()) {
                return new Who.Missing();
            }
            String rest = quoted.group(2).strip();
            return exactly(name, known)
                    .<Who>map(contact -> new Who.Known(contact, rest))
                    .orElseGet(() -> new Who.Unknown(name, Optional.empty(), rest));
        }
        Optional<Who.Unknown> colonName = colonName(input);
        Optional<Match> byKnownPrefix = knownPrefix(input, known);
        // "Marc Ruiz: plays chess" names someone new even when "marc" alone would fit Marc Kelly.
        if (byKnownPrefix.isPresent()
                && colonName
                        .map(n -> wordCount(n.name()) <= byKnownPrefix.get().words)
                        .orElse(true)) {
            return byKnownPrefix.get().who;
        }
        return colonName.<Who>map(n -> n).orElseGet(() -> firstWord(input));
    }

    private static Who mentioned(Matcher mention, List<Contact> known, Map<String, String> mentionNames) {
        String userId = mention.group(1);
        String rest = mention.group(3).strip();
        Optional<Contact> linked = known.stream()
                .filter(c -> c.platformUserId().filter(userId::equals).isPresent())
                .findFirst();
        if (linked.isPresent()) {
            return new Who.Known(linked.get(), rest);
        }
        String name = Optional.ofNullable(mentionNames.get(userId))
                .or(() -> Optional.ofNullable(mention.group(2)))
                .map(Names::clean)
                .filter(n -> !n.isEmpty())
                .orElse(userId);
        // Someone first noted by name and now mentioned is the same person when no one else holds the name.
        Optional<Contact> sameName =
                exactly(name, known).filter(c -> c.platformUserId().isEmpty());
        if (sameName.isPresent()) {
            return new Who.Known(sameName.get().withPlatformUserId(userId), rest);
        }
        return new Who.Unknown(name, Optional.of(userId), rest);
    }

    private static Optional<Contact> exactly(String name, List<Contact> known) {
        String key = Names.fold(name);
        return known.stream().filter(c -> Names.fold(c.name()).equals(key)).findFirst();
    }

    private record Match(Who who, int words) {}

    private static int wordCount(String text) {
        return text.strip().split("\\s+").length;
    }

    private static Optional<Match> knownPrefix(String input, List<Contact> known) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<int[]> words = words(input);
        int longestName = known.stream()
                .mapToInt(c -> Names.fold(c.name()).split(" ").length)
                .max()
                .orElse(0);
        for (int k = Math.min(words.size(), longestName); k >= 1; k--) {
            int end = words.get(k - 1)[1];
            String typed = stripTrailingColon(input.substring(0, end));
            String key = Names.fold(typed);
            if (key.isEmpty()) {
                continue;
            }
            String rest = restAfter(input, end);
            Optional<Contact> exact =
                    known.stream().filter(c -> Names.fold(c.name()).equals(key)).findFirst();
            if (exact.isPresent()) {
                return Optional.of(new Match(new Who.Known(exact.get(), rest), k));
            }
            List<Contact> byFirstWords = new ArrayList<>();
            for (Contact contact : known) {
                if (Names.fold(contact.name()).startsWith(key + " ")) {
                    byFirstWords.add(contact);
                }
            }
            if (byFirstWords.size() == 1) {
                return Optional.of(new Match(new Who.Known(byFirstWords.get(0), rest), k));
            }
            if (byFirstWords.size() > 1) {
                return Optional.of(new Match(new Who.Ambiguous(typed, List.copyOf(byFirstWords)), k));
            }
            if (k > 1) {
                // "Marc K" or "Marc Kel": the first name, then the start of the next words.
                List<Contact> byInitials = NameMatch.fitting(typed, known, NameMatch.Fit.WORDS);
                if (byInitials.size() == 1) {
                    return Optional.of(new Match(new Who.Known(byInitials.get(0), rest), k));
                }
                if (byInitials.size() > 1) {
                    return Optional.of(new Match(new Who.Ambiguous(typed, byInitials), k));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The text's first {@code k} words as a typed name (a trailing colon dropped) and the text after them, for the
     * {@code k} from the longest a name can be down to one word; empty for text that names someone by a mention or
     * in quotes, which is meant exactly.
     */
    public static List<Map.Entry<String, String>> leadingNames(String text) {
        String input = text == null ? "" : text.strip();
        if (input.startsWith("@") && input.length() > 1) {
            input = input.substring(1);
        }
        if (input.isEmpty()
                || MENTION.matcher(input).matches()
                || QUOTED.matcher(input).matches()) {
            return List.of();
        }
        List<int[]> words = words(input);
        int longest = Math.min(words.size(), MAX_NEW_NAME_WORDS);
        int shortest = 1;
        for (int k = 1; k <= longest; k++) {
            if (input.substring(0, words.get(k - 1)[1]).endsWith(":")) {
                // "Sam Lee: …" names exactly the words before the colon.
                longest = k;
                shortest = k;
            }
        }
        List<Map.Entry<String, String>> names = new ArrayList<>();
        for (int k = longest; k >= shortest; k--) {
            int end = words.get(k - 1)[1];
            String typed = stripTrailingColon(input.substring(0, end)).strip();
            if (!typed.isEmpty()) {
                names.add(Map.entry(typed, restAfter(input, end)));
            }
        }
        return names;
    }

    private static Optional<Who.Unknown> colonName(String input) {
        // A name ends at a colon followed by a space or the end ("Sam Lee: …"), not at "https://".
        Matcher nameColon = NAME_COLON.matcher(input);
        if (!nameColon.find() || nameColon.start() == 0) {
            return Optional.empty();
        }
        int colon = nameColon.start();
        String before = input.substring(0, colon);
        String after = input.substring(colon + 1).strip();
        List<String> beforeWords = List.of(before.strip().split("\\s+"));
        String last = beforeWords.get(beforeWords.size() - 1);
        if (last.equalsIgnoreCase("ask")) {
            // "Jo ask: how was the move?" is a question about Jo.
            String name = String.join(" ", beforeWords.subList(0, beforeWords.size() - 1));
            return beforeWords.size() > 1 && isNewName(name)
                    ? Optional.of(new Who.Unknown(Names.clean(name), Optional.empty(), "ask: " + after))
                    : Optional.empty();
        }
        return isNewName(before)
                ? Optional.of(new Who.Unknown(Names.clean(before), Optional.empty(), after))
                : Optional.empty();
    }

    /** Someone new named without a colon or quotes: the leading run of capitalised words, else the first word. */
    private static Who firstWord(String input) {
        List<int[]> words = words(input);
        int end = words.get(0)[1];
        // The run leaves at least one word for the note.
        for (int k = 1; k < Math.min(words.size() - 1, MAX_NEW_NAME_WORDS); k++) {
            String previous = input.substring(words.get(k - 1)[0], words.get(k - 1)[1]);
            String word = input.substring(words.get(k)[0], words.get(k)[1]);
            if (!capitalised(previous) || !capitalised(word) || previous.endsWith(":")) {
                break;
            }
            end = words.get(k)[1];
        }
        String name = stripTrailingColon(input.substring(0, end));
        return new Who.Unknown(name, Optional.empty(), restAfter(input, end));
    }

    private static boolean capitalised(String word) {
        int first = word.codePointAt(0);
        return Character.isUpperCase(first)
                && word.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '.');
    }

    private static boolean isNewName(String name) {
        return NEW_NAME.matcher(name.strip()).matches() && name.strip().split("\\s+").length <= MAX_NEW_NAME_WORDS;
    }

    private static List<int[]> words(String input) {
        List<int[]> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(input);
        while (matcher.find()) {
            words.add(new int[] {matcher.start(), matcher.end()});
        }
        return words;
    }

    private static String stripTrailingColon(String text) {
        return text.endsWith(":") ? text.substring(0, text.length() - 1) : text;
    }

    private static String restAfter(String input, int end) {
        String rest = input.substring(end).strip();
        return rest.startsWith(":") && !input.substring(0, end).endsWith(":")
                ? rest.substring(1).strip()
                : rest;
    }
}
