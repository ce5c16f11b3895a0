package dev.rapport.core.domain;

/** Who reached out in the last logged contact. */
public enum Initiator {
    ME,
    THEM
}
