package dev.rapport.core.people;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How well a typed name fits a contact's name, both folded. Strong fits (a surname, a prefix, a first name plus an
 * initial, one typo) name the contact when no one else fits as well; near fits (initials, two typos, a swapped pair
 * of letters) are only ever offered as "did you mean".
 */
public final class NameMatch {
    /** The most "did you mean" suggestions a reply offers. */
    public static final int MAX_SUGGESTIONS = 4;

    private static final int MIN_PREFIX = 3;
    private static final int MIN_TYPO_LENGTH = 4;

    private NameMatch() {}

    /** The kinds of fit, strongest first. */
    public enum Fit {
        /** "kelly" for Marc Kelly, "marc k" for Marc Kelly. */
        WORDS,
        /** "mar" for Marc Kelly or Maria Ruiz. */
        PREFIX,
        /** "marc kely" for Marc Kelly: one letter added, missing or changed. */
        TYPO,
        /** "mk", "richrad", "mrac kelyl": worth asking about, never taken as meant. */
        NEAR
    }

    /** How {@code typed} fits {@code name}, if at all. */
    public static Optional<Fit> fit(String typed, String name) {
        String t = Names.fold(typed);
        String n = Names.fold(name);
        if (t.isEmpty() || t.equals(n)) {
            return t.isEmpty() ? Optional.empty() : Optional.of(Fit.WORDS);
        }
        String[] tw = t.split(" ");
        String[] nw = n.split(" ");
        if (tw.length == 1 && nw.length > 1) {
            for (int i = 1; i < nw.length; i++) {
                if (nw[i].equals(t)) {
                    return Optional.of(Fit.WORDS);
                }
            }
        }
        if (tw.length > 1 && tw.length <= nw.length && wordPrefixes(tw, nw)) {
            return Optional.of(Fit.WORDS);
        }
        if (t.length() >= MIN_PREFIX && tw.length == 1) {
            for (String word : nw) {
                if (word.startsWith(t)) {
                    return Optional.of(Fit.PREFIX);
                }
            }
        }
        if (t.length() >= MIN_TYPO_LENGTH) {
            if (levenshtein(t, n) <= 1 || anyWord(t, nw, 1)) {
                return Optional.of(Fit.TYPO);
            }
            if (osa(t, n) <= 2 || (tw.length == 1 && anyWord(t, nw, 2))) {
                return Optional.of(Fit.NEAR);
            }
        }
        if (tw.length == 1 && t.length() >= 2 && nw.length >= 2 && initials(nw).equals(t)) {
            return Optional.of(Fit.NEAR);
        }
        return Optional.empty();
    }

    /** The contacts that fit {@code typed} at least as well as {@code weakest}, best first, then by name. */
    public static List<Contact> fitting(String typed, List<Contact> known, Fit weakest) {
        return known.stream()
                .filter(c -> fit(typed, c.name())
                        .filter(f -> f.ordinal() <= weakest.ordinal())
                        .isPresent())
                .sorted(Comparator.comparing((Contact c) -> fit(typed, c.name()).orElseThrow())
                        .thenComparing(c -> Names.fold(c.name())))
                .toList();
    }

    /** The contacts that fit best, if any fit strongly: one means found, several mean ask which. */
    public static List<Contact> best(String typed, List<Contact> known) {
        for (Fit fit : List.of(Fit.WORDS, Fit.PREFIX, Fit.TYPO)) {
            List<Contact> found = known.stream()
                    .filter(c ->
                            NameMatch.fit(typed, c.name()).filter(fit::equals).isPresent())
                    .sorted(Comparator.comparing(c -> Names.fold(c.name())))
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Up to {@link #MAX_SUGGESTIONS} contacts worth offering for a name that found no one. */
    public static List<Contact> suggestions(String typed, List<Contact> known) {
        List<Contact> all = fitting(typed, known, Fit.NEAR);
        return all.subList(0, Math.min(MAX_SUGGESTIONS, all.size()));
    }

    private static boolean wordPrefixes(String[] typed, String[] name) {
        if (!typed[0].equals(name[0])) {
            return false;
        }
        for (int i = 1; i < typed.length; i++) {
            String word = typed[i].endsWith(".") ? typed[i].substring(0, typed[i].length() - 1) : typed[i];
            if (word.isEmpty() || !name[i].startsWith(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyWord(String typed, String[] words, int distance) {
        for (String word : words) {
            if (word.length() >= MIN_TYPO_LENGTH - 1 && levenshteinOrSwap(typed, word, distance)) {
                return true;
            }
        }
        return false;
    }

    private static boolean levenshteinOrSwap(String a, String b, int distance) {
        return distance == 1 ? levenshtein(a, b) <= 1 : osa(a, b) <= distance;
    }

    private static String initials(String[] words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            out.append(word.charAt(0));
        }
        return out.toString();
    }

    /** Edits (insert, delete, change one letter) between two strings. */
    static int levenshtein(String a, String b) {
        return distance(a, b, false);
    }

    /** The same, where swapping two neighbouring letters also counts as one edit. */
    static int osa(String a, String b) {
        return distance(a, b, true);
    }

    private static int distance(String a, String b, boolean swaps) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (swaps
                        && i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
