package dev.rapport.core.testing;

import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens the store whose module runs the tests (see {@link TestStorageProvider}). */
public final class TestStorage {
    private TestStorage() {}

    /** A new, empty store in the folder. */
    public static OpenStorage open(Path folder) {
        return ServiceLoader.load(TestStorageProvider.class)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "No store module is on the test class path: core's storage"
                                        + " suites run in bot-store-sqlite and bot-store-postgres, which provide a TestStorageProvider"))
                .open(folder);
    }
}
