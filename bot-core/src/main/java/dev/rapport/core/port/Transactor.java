package dev.rapport.core.port;

import java.util.function.Supplier;

/** Runs work as one unit: all of its writes land, or none do. */
public interface Transactor {
    /** Runs the work in a transaction; inside one already, it joins it (a failure then undoes the whole). */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs the work in a transaction, or inside one already as a part of it that a failure undoes alone (a
     * savepoint), so one request can be one transaction with its command still able to change nothing.
     */
    default <T> T inPart(Supplier<T> work) {
        return inTransaction(work);
    }
}
