package dev.rapport.core.intro;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.MemberChoice;
import dev.rapport.core.domain.RoundChannel;
import dev.rapport.core.domain.RoundStats;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.RoundStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.time.DateText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /intro rounds on [every &lt;n&gt; weeks] [revisit] | off | now (channel managers), status | skip | join | leave
 * (anyone): a channel's pairing rounds. Rounds themselves start in {@link IntroRounds#tick}.
 */
public final class RoundsCommand {
    static final String EXAMPLE = "/intro rounds on every 2 weeks";
    private static final Pattern EVERY =
            Pattern.compile("^every\\s+(\\d{1,3}|a|one|two|three|four|five|six)\\s+weeks?$|^every\\s+week$");
    private static final Map<String, Integer> NUMBERS =
            Map.of("a", 1, "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6);

    private final RoundStore rounds;

    public RoundsCommand(RoundStore rounds) {
        this.rounds = rounds;
    }

    Reply handle(Invocation invocation) {
        if (invocation.teamChannel().isEmpty()) {
            return Reply.error("Pairing rounds belong to a team channel: run /intro rounds there.", EXAMPLE);
        }
        String[] firstAndRest = invocation.text().strip().split("\\s+", 2);
        String rest = firstAndRest.length > 1 ? firstAndRest[1].strip() : "";
        String verb = firstAndRest[0].toLowerCase(Locale.ROOT);
        ChannelKey channel = channel(invocation);
        return switch (verb) {
            case "on" -> managed(invocation, "turn pairing rounds on", () -> on(invocation, channel, rest));
            case "off" -> managed(invocation, "turn pairing rounds off", () -> off(invocation, channel));
            case "now" -> managed(invocation, "start a round", () -> now(invocation, channel));
            case "", "status" -> status(invocation, channel);
            case "skip" -> choose(invocation, channel, Change.SKIP);
            case "join" -> choose(invocation, channel, Change.JOIN);
            case "leave" -> choose(invocation, channel, Change.LEAVE);
            default ->
                Reply.error(
                        "Pairing rounds know on, off, status, skip, now, join and leave; not “" + firstAndRest[0]
                                + "”.",
                        EXAMPLE);
        };
    }

    private static ChannelKey channel(Invocation invocation) {
        UserKey key = invocation.from().key();
        return new ChannelKey(
                key.platform(), key.workspace(), invocation.teamChannel().orElseThrow());
    }

    private static Reply managed(Invocation invocation, String what, Supplier<Reply> work) {
        if (!invocation.canManageChannel()) {
            return Reply.error("Only people who can manage this channel can " + what
                    + ". Anyone can use /intro rounds status, skip, join or leave.");
        }
        return work.get();
    }

    private Reply on(Invocation invocation, ChannelKey key, String options) {
        int weeks = RoundChannel.DEFAULT_WEEKS;
        boolean revisit = false;
        String rest = options.toLowerCase(Locale.ROOT).strip();
        if (rest.endsWith("revisit")) {
            revisit = true;
            rest = rest.substring(0, rest.length() - "revisit".length()).strip();
        }
        if (!rest.isEmpty()) {
            Optional<Integer> every = weeks(rest);
            if (every.isEmpty() || every.get() < 1 || every.get() > RoundChannel.MAX_WEEKS) {
                return Reply.error(
                        "Rounds run every 1 to " + RoundChannel.MAX_WEEKS + " weeks, like “every 2 weeks”,"
                                + " optionally followed by “revisit”.",
                        "/intro rounds on every 3 weeks revisit");
            }
            weeks = every.get();
        }
        RoundChannel current = rounds.ensureChannel(key);
        Instant next = current.on() ? current.nextRoundAt().orElse(invocation.now()) : invocation.now();
        rounds.update(new RoundChannel(current.id(), key, true, weeks, revisit, Optional.of(next)));
        String body = invocation.from().displayName() + " turned on pairing rounds here: " + every(weeks)
                + (revisit ? ", revisiting people who met before to go deeper" : "") + ". "
                + (next.isAfter(invocation.now())
                        ? "The next round starts " + upcoming(invocation, next) + "."
                        : "The first round starts in a moment.")
                + " Each person gets a direct message naming their partner, and a week later a check-in."
                + "\nNot getting one? /intro rounds join · Sit one out: /intro rounds skip · Opt out: /intro rounds"
                + " leave";
        return Reply.of(Section.titled("Pairing rounds", body)).visibleTo(Reply.Visibility.CHANNEL);
    }

    private static Optional<Integer> weeks(String text) {
        String phrase = text.replaceAll("\\s+", " ");
        switch (phrase) {
            case "weekly":
                return Optional.of(1);
            case "biweekly", "fortnightly", "every other week":
                return Optional.of(2);
            default:
                break;
        }
        Matcher matcher = EVERY.matcher(phrase);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (matcher.group(1) == null) {
            return Optional.of(1);
        }
        String n = matcher.group(1);
        return Optional.of(NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.parseInt(n));
    }

    private static String every(int weeks) {
        return weeks == 1 ? "every week" : "every " + weeks + " weeks";
    }

    private Reply off(Invocation invocation, ChannelKey key) {
        Optional<RoundChannel> current = rounds.channel(key).filter(RoundChannel::on);
        if (current.isEmpty()) {
            return Reply.text("Pairing rounds are already off in this channel.");
        }
        RoundChannel channel = current.get();
        rounds.update(
                new RoundChannel(channel.id(), key, false, channel.everyWeeks(), channel.revisit(), Optional.empty()));
        return Reply.of(Section.titled(
                        "Pairing rounds",
                        invocation.from().displayName()
                                + " turned off pairing rounds here. Check-ins for the last round still work."))
                .visibleTo(Reply.Visibility.CHANNEL);
    }

    private Reply now(Invocation invocation, ChannelKey key) {
        RoundChannel channel = rounds.ensureChannel(key);
        rounds.update(new RoundChannel(
                channel.id(),
                key,
                channel.on(),
                channel.everyWeeks(),
                channel.revisit(),
                Optional.of(invocation.now())));
        return Reply.text("A round starts in a moment: everyone taking part gets a direct message naming their"
                + " partner." + (channel.on() ? " The rhythm restarts from today." : ""));
    }

    private Reply status(Invocation invocation, ChannelKey key) {
        Optional<RoundChannel> found = rounds.channel(key);
        if (found.isEmpty()) {
            return Reply.of(Section.titled(
                    "Pairing rounds",
                    "No pairing rounds in this channel yet. A channel manager starts them: " + EXAMPLE));
        }
        RoundChannel channel = found.get();
        RoundStats stats = rounds.stats(channel.id());
        String state = channel.on()
                ? "on, " + every(channel.everyWeeks()) + (channel.revisit() ? ", revisiting past partners" : "")
                : "off";
        String next = channel.nextRoundAt().map(at -> upcoming(invocation, at)).orElse("none planned");
        List<Section.Field> fields = List.of(
                new Section.Field("Rounds", state),
                new Section.Field("Next round", next),
                new Section.Field("Rounds run", String.valueOf(stats.rounds())),
                new Section.Field("Pairs", String.valueOf(stats.groups())),
                new Section.Field("Met", stats.groupsMet() + " of " + stats.groups()),
                new Section.Field("You", you(channel, invocation)));
        String body = stats.lastRoundAt()
                .map(at -> "The last round, " + date(invocation, at) + ", made " + stats.lastRoundGroups()
                        + (stats.lastRoundGroups() == 1 ? " pair." : " pairs."))
                .orElse("No round has run yet.");
        return Reply.of(Section.titled("Pairing rounds", body, fields));
    }

    private String you(RoundChannel channel, Invocation invocation) {
        String me = invocation.from().key().platformUserId();
        Optional<MemberChoice> mine = rounds.choices(channel.id()).stream()
                .filter(choice -> choice.platformUserId().equals(me))
                .findFirst();
        if (mine.isEmpty()) {
            return "taking part as a channel member (/intro rounds join if no pairing reaches you)";
        }
        if (mine.get().choice() == MemberChoice.Choice.LEFT) {
            return "left the rounds (/intro rounds join to come back)";
        }
        return mine.get().skipNext() ? "sitting out the next round" : "taking part";
    }

    private enum Change {
        SKIP,
        JOIN,
        LEAVE
    }

    private Reply choose(Invocation invocation, ChannelKey key, Change change) {
        RoundChannel channel = rounds.ensureChannel(key);
        String me = invocation.from().key().platformUserId();
        MemberChoice current = rounds.choices(channel.id()).stream()
                .filter(choice -> choice.platformUserId().equals(me))
                .findFirst()
                .orElse(MemberChoice.none(me, invocation.from().displayName()));
        MemberChoice named =
                new MemberChoice(me, invocation.from().displayName(), current.choice(), current.skipNext());
        Optional<String> next = channel.nextRoundAt().map(at -> upcoming(invocation, at));
        return switch (change) {
            case SKIP -> {
                rounds.saveChoice(channel.id(), named.skipping(true));
                yield Reply.text("You'll sit out the next round"
                        + next.map(n -> " (" + n + ")").orElse("") + ". You stay in the rounds after it.");
            }
            case JOIN -> {
                rounds.saveChoice(channel.id(), named.with(MemberChoice.Choice.JOINED));
                yield Reply.text("You're in this channel's pairing rounds"
                        + next.map(n -> "; the next one starts " + n).orElse("")
                        + ". Tell partners what to ask you about with /settings about <topics>.");
            }
            case LEAVE -> {
                rounds.saveChoice(
                        channel.id(), named.with(MemberChoice.Choice.LEFT).skipping(false));
                yield Reply.text("You've left this channel's pairing rounds. /intro rounds join brings you back.");
            }
        };
    }

    /** When a round starts, in the user's time zone: "in a moment" once it is due. */
    private static String upcoming(Invocation invocation, Instant at) {
        return at.isAfter(invocation.now()) ? date(invocation, at) : "in a moment";
    }

    private static String date(Invocation invocation, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, invocation.user().settings().zone());
        return DateText.date(day, invocation.today());
    }
}
