package dev.rapport.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.StorageContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The storage contract with the Caffeine caches in front, plus what caching must never get wrong. */
class CachedStoresTest extends StorageContract {
    @Override
    protected OpenStorage open(Path folder) {
        return SqliteTestStorage.open(folder, SqliteStorage::over);
    }

    @Test
    void aRolledBackWriteLeavesNothingInTheCache() {
        storage.contacts().all(alice.id());

        assertThatThrownBy(() -> storage.transactor().inTransaction(() -> {
                    contact(alice, "Marc Kelly");
                    storage.contacts().all(alice.id()); // loads the uncommitted contact into the cache
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(storage.contacts().all(alice.id())).isEmpty();
    }

    @Test
    void aRenameIsSeenAtOnce() {
        Contact marc = contact(alice, "Marc Kelly");
        storage.contacts().all(alice.id());

        storage.contacts()
                .update(new Contact(
                        marc.id(),
                        alice.id(),
                        "Marc K.",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        marc.createdAt()));

        assertThat(storage.contacts().all(alice.id())).extracting(Contact::name).containsExactly("Marc K.");
    }
}
