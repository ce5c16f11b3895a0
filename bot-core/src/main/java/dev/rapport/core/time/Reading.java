package dev.rapport.core.time;

import java.util.Objects;

/** The outcome of reading a typed value (a time of day, a set of days): the value, or a friendly line saying why not. */
public sealed interface Reading<T> permits Reading.Ok, Reading.Error {

    /** The text was understood as {@code value}. */
    record Ok<T>(T value) implements Reading<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The text was not understood; {@code message} is one line, with examples, fit to show the user. */
    record Error<T>(String message) implements Reading<T> {
        public Error {
            Objects.requireNonNull(message, "message");
        }
    }
}
