package dev.rapport.core.digest;

import dev.rapport.core.domain.Contact;
import java.time.LocalDate;
import java.util.Optional;

/** One person in a digest: why now, since when, and the line of context that makes the follow-up genuine. */
public record DigestItem(Contact contact, Kind kind, LocalDate dueOn, String why, Optional<String> context) {

    /** Why a person is in the digest; the order is the digest's order. */
    public enum Kind {
        FOLLOW_UP,
        /** A birthday or other yearly date, on the day or the user's chosen days before. */
        YEARLY_DATE,
        INTRO_CHECK_IN,
        RHYTHM
    }
}
