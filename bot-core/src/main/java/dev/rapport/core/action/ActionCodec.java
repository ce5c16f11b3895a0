package dev.rapport.core.action;

import dev.rapport.core.action.Action.Coded;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Writes and reads action ids: a verb and its arguments joined by ':'. Only {@link Action} uses it. */
final class ActionCodec {
    // A row id: a positive number without sign or leading zeros, small enough for a long.
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    // The most words a name read from a line can have.
    private static final long SPLIT_WORDS = 6;

    private static final Map<String, Reader> READERS = Map.ofEntries(
            Map.entry(
                    "fu",
                    new Reader(
                            2,
                            args -> coded(args, Action.Soon.values(), 0)
                                    .flatMap(when -> id(args, 1).map(id -> new Action.FollowUpIn(id, when))))),
            Map.entry(
                    "rh",
                    new Reader(
                            2,
                            args -> coded(args, Action.Rhythm.values(), 0)
                                    .flatMap(rhythm -> id(args, 1).map(id -> new Action.KeepInTouch(id, rhythm))))),
            Map.entry("done", new Reader(1, args -> id(args, 0).map(Action.Done::new))),
            Map.entry(
                    "snz",
                    new Reader(
                            2,
                            args -> coded(args, Action.Soon.values(), 0)
                                    .flatMap(when -> id(args, 1).map(id -> new Action.Snooze(id, when))))),
            Map.entry("snzp", new Reader(1, args -> id(args, 0).map(Action.SnoozeAsking::new))),
            Map.entry("note", new Reader(1, args -> id(args, 0).map(Action.AddNote::new))),
            Map.entry("forget", new Reader(1, args -> id(args, 0).map(Action.Forget::new))),
            Map.entry("keep", new Reader(1, args -> id(args, 0).map(Action.Keep::new))),
            Map.entry(
                    "irem",
                    new Reader(
                            2,
                            args -> coded(args, Action.Side.values(), 1)
                                    .flatMap(side -> id(args, 0).map(id -> new Action.RememberIntroduced(id, side))))),
            Map.entry(
                    "ichk",
                    new Reader(
                            2,
                            args -> coded(args, Action.IntroAnswer.values(), 0)
                                    .flatMap(answer ->
                                            id(args, 1).map(id -> new Action.AnswerIntroCheckIn(id, answer))))),
            Map.entry("imp", new Reader(1, args -> id(args, 0).map(Action.ConfirmImport::new))),
            Map.entry("impx", new Reader(1, args -> id(args, 0).map(Action.CancelImport::new))),
            Map.entry(
                    "fuon",
                    new Reader(
                            2,
                            args -> date(args, 0)
                                    .flatMap(day -> id(args, 1).map(id -> new Action.FollowUpOn(id, day))))),
            Map.entry(
                    "rnd",
                    new Reader(
                            2,
                            args -> coded(args, Action.RoundAnswer.values(), 0)
                                    .flatMap(answer -> id(args, 1).map(id -> new Action.AnswerRound(id, answer))))),
            Map.entry(
                    "pick",
                    new Reader(
                            2,
                            args -> id(args, 0)
                                    .flatMap(pending -> id(args, 1).map(id -> new Action.Choose(pending, id))))),
            Map.entry("undo", new Reader(1, args -> id(args, 0).map(Action.UndoNote::new))),
            Map.entry("edit", new Reader(1, args -> id(args, 0).map(Action.EditNote::new))),
            Map.entry(
                    "split",
                    new Reader(
                            2,
                            args -> id(args, 0)
                                    .filter(words -> words <= SPLIT_WORDS)
                                    .flatMap(
                                            words -> id(args, 1).map(id -> new Action.Resplit(id, words.intValue()))))),
            Map.entry("ans", new Reader(1, args -> id(args, 0).map(Action.Answered::new))),
            Map.entry(
                    "reach",
                    new Reader(
                            2,
                            args -> coded(args, Action.Reacher.values(), 0)
                                    .flatMap(who -> id(args, 1).map(id -> new Action.ReachedOut(id, who))))),
            Map.entry("tz", new Reader(1, args -> zone(args, 0).map(Action.SetZone::new))));

    /** How many arguments a verb takes, and how they are read. */
    private record Reader(int arity, Function<List<String>, Optional<Action>> read) {}

    private ActionCodec() {}

    static String write(String verb, Object... args) {
        StringBuilder id = new StringBuilder(verb);
        for (Object arg : args) {
            id.append(':').append(arg);
        }
        if (id.length() > Action.MAX_ID) {
            throw new IllegalStateException("action id longer than " + Action.MAX_ID + ": " + id);
        }
        return id.toString();
    }

    static Optional<Action> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > Action.MAX_ID) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(id.split(":", -1));
        String verb = parts.get(0);
        List<String> args = parts.subList(1, parts.size());
        Reader reader = READERS.get(verb);
        if (reader == null || args.size() != reader.arity()) {
            return Optional.empty();
        }
        // Whatever is read must write back to exactly the same id: nothing else counts as well-formed.
        return reader.read().apply(args).filter(action -> action.id().equals(id));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;

    static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    private static Optional<java.time.LocalDate> date(List<String> args, int index) {
        String arg = args.get(index);
        if (!arg.matches("[0-9]{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDate.parse(arg, DAY));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // A tz database region id ("Europe/Berlin", "America/Argentina/Buenos_Aires") or UTC: letters, digits, _ - + /.
    private static final Pattern ZONE = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-]*(?:/[A-Za-z0-9_+\\-]+){1,2}|UTC|GMT");

    private static Optional<java.time.ZoneId> zone(List<String> args, int index) {
        String arg = args.get(index);
        if (!ZONE.matcher(arg).matches()
                || !java.time.ZoneId.getAvailableZoneIds().contains(arg)) {
            return Optional.empty();
        }
        return Optional.of(java.time.ZoneId.of(arg));
    }

    private static Optional<Long> id(List<String> args, int index) {
        String arg = args.get(index);
        return ID.matcher(arg).matches() ? Optional.of(Long.parseLong(arg)) : Optional.empty();
    }

    private static <C extends Enum<C> & Coded> Optional<C> coded(List<String> args, C[] values, int index) {
        String arg = args.get(index);
        return Arrays.stream(values).filter(value -> value.code().equals(arg)).findFirst();
    }
}
