package dev.rapport.core.api;

import java.util.Optional;

/** Where a {@link SharedFile} is fetched from: the platform that keeps it. */
@FunctionalInterface
public interface FileSource {
    /** At most {@code maxBytes} of the file; empty when the platform cannot hand it over (the adapter logs why). */
    Optional<byte[]> fetch(SharedFile file, int maxBytes);
}
