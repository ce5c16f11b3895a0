package dev.rapport.core.command;

import java.util.Map;
import java.util.Optional;

/** Short codes that buttons carry for common moments ("1w" is "in a week"). */
public final class FollowUpCodes {
    private static final Map<String, String> PHRASES =
            Map.of("1d", "tomorrow", "1w", "in a week", "2w", "in 2 weeks", "1m", "in a month");
    private static final Map<String, String> RHYTHMS =
            Map.of("1w", "every week", "2w", "every 2 weeks", "1m", "every month", "3m", "every 3 months");

    private FollowUpCodes() {}

    public static String phrase(String code) {
        return Optional.ofNullable(PHRASES.get(code)).orElseThrow(() -> new IllegalArgumentException(code));
    }

    public static String rhythm(String code) {
        return Optional.ofNullable(RHYTHMS.get(code)).orElseThrow(() -> new IllegalArgumentException(code));
    }

    public static Optional<String> phraseFor(String code) {
        return Optional.ofNullable(PHRASES.get(code));
    }

    public static Optional<String> rhythmFor(String code) {
        return Optional.ofNullable(RHYTHMS.get(code));
    }
}
