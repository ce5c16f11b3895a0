package dev.rapport.core.port;

/** The stores intros and pairing rounds need, handed around as one next to {@link Storage}. */
public record IntroStorage(IntroStore intros, RoundStore rounds, RoundOutbox outbox) {}
