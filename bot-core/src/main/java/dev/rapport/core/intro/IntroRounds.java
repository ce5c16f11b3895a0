package dev.rapport.core.intro;

import dev.rapport.core.command.Reply;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.IntroStorage;
import dev.rapport.core.port.RoundOutbox;
import dev.rapport.core.port.RoundStore;
import dev.rapport.core.port.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pairing rounds: on each {@link #tick} it starts the rounds that are due (pairing the channel's members, who
 * have not left or chosen to sit this one out) and sends the rounds' direct messages that are due, the pairing at
 * once and "Did you meet?" a week later. Every message is a row in an outbox with a unique key, marked once sent, so a
 * restart neither repeats nor loses one.
 */
public final class IntroRounds {
    /** How long after a round its "Did you meet?" goes out. */
    public static final Duration CHECK_IN_AFTER = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(IntroRounds.class);
    private static final int HISTORY_ROUNDS = 26;
    private static final int BATCH = 500;
    private static final int MAX_ATTEMPTS = 20;
    private static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(5);

    private final Storage storage;
    private final RoundStore rounds;
    private final RoundOutbox outbox;
    private final ChannelMembers members;
    private final Map<String, DirectMessenger> messengers = new HashMap<>();
    private final RandomGenerator random;

    public IntroRounds(
            Storage storage,
            IntroStorage introStorage,
            ChannelMembers members,
            List<DirectMessenger> messengers,
            RandomGenerator random) {
        this.storage = storage;
        this.rounds = introStorage.rounds();
        this.outbox = introStorage.outbox();
        this.members = members;
        messengers.forEach(messenger -> this.messengers.put(messenger.platform(), messenger));
        this.random = random;
    }

    /** What one tick did. */
    public record Tick(int roundsStarted, int sent, int retrying, int unreachable) {}

    /** Starts the rounds due at {@code now} and sends the messages due; call it every minute or so. */
    public synchronized Tick tick(Instant now) {
        int started = 0;
        for (RoundChannel due : rounds.dueBy(now)) {
            Optional<List<ChannelMembers.Member>> listed = listMembers(due.key());
            if (listed.isPresent()) {
                started += storage.transactor().inTransaction(() -> startRound(due.id(), listed.get(), now));
            }
        }
        return deliver(now, started);
    }

    private Optional<List<ChannelMembers.Member>> listMembers(ChannelKey channel) {
        if (!messengers.containsKey(channel.platform())) {
            // The platform is not connected right now; its rounds wait for it.
            return Optional.empty();
        }
        try {
            return Optional.of(members.members(channel.platform(), channel.workspace(), channel.channelId()));
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot list the members of channel {} on {}; the round waits",
                    channel.channelId(),
                    channel.platform(),
                    e);
            return Optional.empty();
        }
    }

    private int startRound(long channelId, List<ChannelMembers.Member> listed, Instant now) {
        Optional<RoundChannel> found = rounds.channel(channelId);
        if (found.isEmpty()
                || found.get().nextRoundAt().filter(at -> !at.isAfter(now)).isEmpty()) {
            return 0;
        }
        RoundChannel channel = found.get();
        Map<String, String> eligible = new TreeMap<>();
        listed.forEach(member -> eligible.put(member.userId(), member.displayName()));
        List<MemberChoice> choices = rounds.choices(channelId);
        choices.stream()
                .filter(choice -> choice.choice() == MemberChoice.Choice.JOINED)
                .forEach(choice -> eligible.putIfAbsent(choice.platformUserId(), choice.name()));
        choices.stream()
                .filter(choice -> choice.choice() == MemberChoice.Choice.LEFT || choice.skipNext())
                .forEach(choice -> eligible.remove(choice.platformUserId()));
        List<List<String>> groups = Pairing.pair(
                List.copyOf(eligible.keySet()), rounds.history(channelId, HISTORY_ROUNDS), channel.revisit(), random);
        rounds.update(new RoundChannel(
                channel.id(),
                channel.key(),
                channel.on(),
                channel.everyWeeks(),
                channel.revisit(),
                channel.on() ? Optional.of(nextRound(channel, now)) : Optional.empty()));
        if (groups.isEmpty()) {
            log.info(
                    "Round in channel {} skipped: fewer than two people take part",
                    channel.key().channelId());
            return 0;
        }
        Round round = rounds.addRound(channelId, now);
        for (int g = 0; g < groups.size(); g++) {
            for (String member : groups.get(g)) {
                Match match = rounds.addMatch(round, g, new Person(member, eligible.get(member)));
                outbox.schedule(match.id(), RoundDm.Kind.PAIRING, now);
                outbox.schedule(match.id(), RoundDm.Kind.CHECK_IN, now.plus(CHECK_IN_AFTER));
            }
        }
        rounds.clearSkips(channelId);
        return 1;
    }

    // From the planned time, so a late tick does not shift the rhythm; never more than one round to catch up.
    private static Instant nextRound(RoundChannel channel, Instant now) {
        Duration every = Duration.ofDays(7L * channel.everyWeeks());
        Instant next = channel.nextRoundAt().orElse(now).plus(every);
        while (!next.isAfter(now)) {
            next = next.plus(every);
        }
        return next;
    }

    private Tick deliver(Instant now, int started) {
        int sent = 0;
        int retrying = 0;
        int unreachable = 0;
        for (RoundDm dm : outbox.due(now, BATCH)) {
            Optional<Match> match = rounds.match(dm.matchId());
            DirectMessenger messenger =
                    match.map(m -> messengers.get(m.channel().platform())).orElse(null);
            if (match.isEmpty() || messenger == null) {
                continue;
            }
            if (dm.kind() == RoundDm.Kind.CHECK_IN && match.get().answer().isPresent()) {
                outbox.sent(dm.id(), now); // already answered: nothing to ask
                continue;
            }
            DirectMessenger.Delivery delivery = send(messenger, dm, match.get());
            if (delivery instanceof DirectMessenger.Sent) {
                outbox.sent(dm.id(), now);
                sent++;
            } else if (delivery instanceof DirectMessenger.RetryLater later && dm.attempts() + 1 < MAX_ATTEMPTS) {
                outbox.retryAt(dm.id(), now.plus(later.after()), later.reason());
                retrying++;
            } else {
                String reason = delivery instanceof DirectMessenger.Unreachable u ? u.reason() : "gave up retrying";
                outbox.unreachable(dm.id(), reason);
                unreachable++;
            }
        }
        return new Tick(started, sent, retrying, unreachable);
    }

    private DirectMessenger.Delivery send(DirectMessenger messenger, RoundDm dm, Match match) {
        ChannelKey channel = match.channel();
        UserKey to = new UserKey(
                channel.platform(), channel.workspace(), match.person().platformUserId());
        List<Person> partners = rounds.group(match.roundId(), match.group()).stream()
                .filter(other -> other.id() != match.id())
                .map(Match::person)
                .toList();
        Reply message = dm.kind() == RoundDm.Kind.PAIRING
                ? RoundMessages.pairing(
                        partners, topics(channel, partners), !topicsOf(to).isBlank())
                : RoundMessages.checkIn(match, partners);
        String dedupeKey = "round:" + match.roundId() + ":" + match.person().platformUserId() + ":"
                + (dm.kind() == RoundDm.Kind.PAIRING ? "pair" : "checkin");
        try {
            return messenger.send(to, message, dedupeKey);
        } catch (RuntimeException e) {
            log.warn("Sending {} failed; will retry", dedupeKey, e);
            return new DirectMessenger.RetryLater(
                    RETRY_AFTER_ERROR, e.getClass().getSimpleName());
        }
    }

    private Map<String, String> topics(ChannelKey channel, List<Person> partners) {
        Map<String, String> topics = new HashMap<>();
        for (Person partner : partners) {
            topics.put(
                    partner.platformUserId(),
                    topicsOf(new UserKey(channel.platform(), channel.workspace(), partner.platformUserId())));
        }
        return topics;
    }

    private String topicsOf(UserKey key) {
        return storage.users()
                .find(key)
                .map(User::settings)
                .map(Settings::aboutTopics)
                .orElse("");
    }
}
