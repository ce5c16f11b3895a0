package dev.rapport.core.testing;

import dev.rapport.core.port.Storage;

/** A store opened for a test: its {@link Storage}, a restart, and a look at how many rows a table holds. */
public interface OpenStorage extends AutoCloseable {
    Storage storage();

    /** Closes the store and opens the same contents again, as a process restart would. */
    OpenStorage reopen();

    /** How many rows a table holds, for suites that prove nothing was left behind. */
    long rows(String table);

    @Override
    void close();
}
