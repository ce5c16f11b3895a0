package dev.rapport.core.domain;

/** Life cycle of a follow-up. */
public enum FollowUpStatus {
    OPEN,
    DONE,
    CANCELLED
}
