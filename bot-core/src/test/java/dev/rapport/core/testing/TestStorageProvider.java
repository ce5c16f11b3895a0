package dev.rapport.core.testing;

import java.nio.file.Path;

/**
 * How a store module opens its storage for core's suites. Each store module's tests register one with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.rapport.core.testing.TestStorageProvider}), and the
 * suites tagged {@link StorageSuite} then run against that store.
 */
public interface TestStorageProvider {
    /** A new, empty store, migrated to the current schema; files it needs go in {@code folder}. */
    OpenStorage open(Path folder);
}
