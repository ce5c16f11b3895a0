package dev.rapport.core.domain;

import java.time.Instant;

/** One pairing round run in a channel; rounds are numbered from 1 per channel. */
public record Round(long id, long channelId, int number, Instant ranAt) {}
