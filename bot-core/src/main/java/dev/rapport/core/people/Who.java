package dev.rapport.core.people;

import dev.rapport.core.domain.Contact;
import java.util.List;
import java.util.Optional;

/** The person named at the start of a command's text, and the text after the name. */
public sealed interface Who permits Who.Known, Who.Unknown, Who.Ambiguous, Who.Missing {

    /** An existing contact. */
    record Known(Contact contact, String rest) implements Who {}

    /** Someone not in the user's contacts yet (a platform user when {@code platformUserId} is present). */
    record Unknown(String name, Optional<String> platformUserId, String rest) implements Who {}

    /** A short name that fits several contacts: ask which, never guess. */
    record Ambiguous(String typed, List<Contact> candidates) implements Who {}

    /** No name at all. */
    record Missing() implements Who {}
}
