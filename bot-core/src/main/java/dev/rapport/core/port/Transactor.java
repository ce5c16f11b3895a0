package dev.rapport.core.port;

import java.util.function.Supplier;

/** Runs work as one unit: all of its writes land, or none do. */
public interface Transactor {
    <T> T inTransaction(Supplier<T> work);
}
