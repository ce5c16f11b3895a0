package dev.rapport.core.port;

import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Match;
import dev.rapport.core.domain.MemberChoice;
import dev.rapport.core.domain.PastGroup;
import dev.rapport.core.domain.Person;
import dev.rapport.core.domain.Round;
import dev.rapport.core.domain.RoundChannel;
import dev.rapport.core.domain.RoundStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pairing rounds per channel: the settings, members' choices, the rounds run and who was paired with whom. */
public interface RoundStore {
    Optional<RoundChannel> channel(ChannelKey key);

    Optional<RoundChannel> channel(long channelId);

    /** The channel's rounds, created switched off when the channel has none yet. */
    RoundChannel ensureChannel(ChannelKey key);

    void update(RoundChannel channel);

    /** Channels whose next round is due at or before {@code now}. */
    List<RoundChannel> dueBy(Instant now);

    List<MemberChoice> choices(long channelId);

    void saveChoice(long channelId, MemberChoice choice);

    /** Everyone who sat out this round takes part again. */
    void clearSkips(long channelId);

    /** Records a new round, numbered after the channel's last. */
    Round addRound(long channelId, Instant at);

    Match addMatch(Round round, int group, Person person);

    /** Groups of the channel's last {@code rounds} rounds; roundsAgo 1 is the newest. */
    List<PastGroup> history(long channelId, int rounds);

    Optional<Match> match(long matchId);

    /** Everyone in one group of a round, the given match included. */
    List<Match> group(long roundId, int group);

    void answer(long matchId, Match.Answer answer, Instant at);

    RoundStats stats(long channelId);
}
