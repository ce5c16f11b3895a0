package dev.rapport.core.intro;

import dev.rapport.core.delivery.DedupeKey;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.delivery.Outgoing;
import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Match;
import dev.rapport.core.domain.MemberChoice;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.Round;
import dev.rapport.core.domain.RoundChannel;
import dev.rapport.core.domain.RoundDm;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.AccountLinks;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.JobLeases;
import dev.rapport.core.port.Lease;
import dev.rapport.core.port.RoundOutbox;
import dev.rapport.core.port.RoundStore;
import dev.rapport.core.port.Transactor;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
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

    private final RoundStore rounds;
    private final RoundOutbox outbox;
    private final UserStore users;
    private final AccountLinks links;
    private final Transactor transactor;
    private final ChannelMembers members;
    private final OutboxDelivery delivery;
    private final RandomGenerator random;
    private final JobLeases jobs;

    /** The job whose lease an instance holds while it starts rounds: two instances never start the same round. */
    public static final String JOB = "pairing-rounds";

    public IntroRounds(
            RoundStore rounds,
            RoundOutbox outbox,
            UserStore users,
            AccountLinks links,
            Transactor transactor,
            ChannelMembers members,
            OutboxDelivery delivery,
            RandomGenerator random,
            JobLeases jobs) {
        this.jobs = jobs;
        this.rounds = rounds;
        this.outbox = outbox;
        this.users = users;
        this.links = links;
        this.transactor = transactor;
        this.members = members;
        this.delivery = delivery;
        this.random = random;
    }

    /** What one tick did. */
    public record Tick(int roundsStarted, int sent, int retrying, int unreachable) {}

    /** Starts the rounds due at {@code now} and sends the messages due; call it every minute or so. */
    public synchronized Tick tick(Instant now) {
        int started = 0;
        // Rounds start on one instance at a time; the others only send messages (each taking its own).
        boolean starter = jobs.hold(JOB, new Lease(delivery.instance(), now.plus(delivery.leaseLength())), now);
        for (RoundChannel due : starter ? rounds.dueBy(now) : List.<RoundChannel>of()) {
            Optional<List<ChannelMembers.Member>> listed = listMembers(due.key());
            if (listed.isPresent()) {
                started += transactor.inTransaction(() -> startRound(due.id(), listed.get(), now));
            }
        }
        return deliver(now, started);
    }

    private Optional<List<ChannelMembers.Member>> listMembers(ChannelKey channel) {
        if (!delivery.platforms().contains(channel.platform())) {
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
        for (RoundDm dm : outbox.due(now, delivery.lease(), BATCH)) {
            Optional<Match> match = rounds.match(dm.matchId());
            if (match.isEmpty()
                    || !delivery.platforms().contains(match.get().channel().platform())) {
                continue;
            }
            if (dm.kind() == RoundDm.Kind.CHECK_IN && match.get().answer().isPresent()) {
                outbox.sent(dm.claim(), now); // already answered: nothing to ask
                continue;
            }
            if (dm.attempts() >= MAX_ATTEMPTS) {
                if (outbox.unreachable(dm.claim(), "gave up retrying", now)) {
                    unreachable++;
                }
                continue;
            }
            switch (send(dm, match.get())) {
                case SENT -> sent++;
                case RETRIED -> retrying++;
                case UNREACHABLE -> unreachable++;
                case WAITING, TAKEN_OVER -> {
                    // The platform asked us to wait (the message stays due), or another instance took it over.
                }
            }
        }
        return new Tick(started, sent, retrying, unreachable);
    }

    private OutboxDelivery.Outcome send(RoundDm dm, Match match) {
        ChannelKey channel = match.channel();
        UserKey to = new UserKey(
                channel.platform(), channel.workspace(), match.person().platformUserId());
        List<Person> partners = rounds.group(match.roundId(), match.group()).stream()
                .filter(other -> other.id() != match.id())
                .map(Match::person)
                .toList();
        Supplier<Reply> message = () -> dm.kind() == RoundDm.Kind.PAIRING
                ? RoundMessages.pairing(
                        partners, topics(channel, partners), !topicsOf(to).isBlank())
                : RoundMessages.checkIn(match, partners);
        Outgoing outgoing = new Outgoing(
                dm.claim(),
                to,
                DedupeKey.roundMessage(match.roundId(), match.person().platformUserId(), dm.kind()),
                dm.attempts(),
                dm.maybeSent());
        return delivery.deliver(outgoing, message, outbox, OutboxDelivery.Recipient.NOBODY);
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
        // A partner whose account is linked keeps their topics on the primary account (issue 12).
        return users.find(key)
                .map(account ->
                        links.primaryOf(account.id()).flatMap(users::byId).orElse(account))
                .map(User::settings)
                .map(Settings::aboutTopics)
                .orElse("");
    }
}
