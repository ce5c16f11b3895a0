package dev.rapport.core.time;

import java.util.Objects;

/** The outcome of reading a time phrase: what it means, or a friendly line saying why not. */
public sealed interface Parse permits Parse.Ok, Parse.Error {

    /** The phrase was understood. */
    record Ok(When when) implements Parse {
        public Ok {
            Objects.requireNonNull(when, "when");
        }
    }

    /** The phrase was not understood; {@code message} is one line, with examples, fit to show the user. */
    record Error(String message) implements Parse {
        public Error {
            Objects.requireNonNull(message, "message");
        }
    }
}
