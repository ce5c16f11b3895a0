package dev.rapport.core.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds and reads action ids: a verb and arguments joined by ':', at most 100 characters. */
public record ActionId(String verb, List<String> args) {
    public ActionId {
        args = List.copyOf(args);
    }

    public static String of(String verb, Object... args) {
        StringBuilder id = new StringBuilder(verb);
        for (Object arg : args) {
            id.append(':').append(arg);
        }
        return id.toString();
    }

    public static Optional<ActionId> parse(String id) {
        if (id == null || id.isBlank() || id.length() > Button.MAX_ACTION_ID) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(id.split(":", -1));
        return Optional.of(new ActionId(parts.get(0), parts.subList(1, parts.size())));
    }

    /** The argument at the index as a number, if it is one. */
    public static Optional<Long> number(List<String> args, int index) {
        if (index >= args.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(args.get(index)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
