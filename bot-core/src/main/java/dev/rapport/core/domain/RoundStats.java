package dev.rapport.core.domain;

import java.time.Instant;
import java.util.Optional;

/** A channel's rounds in figures: rounds run, groups paired, groups in which someone said "We met". */
public record RoundStats(int rounds, int groups, int groupsMet, Optional<Instant> lastRoundAt, int lastRoundGroups) {}
