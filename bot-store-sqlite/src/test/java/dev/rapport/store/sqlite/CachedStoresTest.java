package dev.rapport.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.StorageContract;
import java.nio.file.Path;
import java.time.ZoneId;
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
    void whatARefusedPartChangedIsNotKeptThoughReadsInsideATransactionAreCached() {
        // GIVEN alice and bob read inside a request's transaction, then a part of it that changes alice's settings and
        // links bob to alice, reads both back (into the caches), and is refused
        Settings before = storage.users().find(alice.key()).orElseThrow().settings();
        storage.transactor().inTransaction(() -> {
            storage.users().find(alice.key());
            storage.links().primaryOf(bob.id());
            assertThatThrownBy(() -> storage.transactor().inPart(() -> {
                        storage.users().saveSettings(alice.id(), before.withZone(ZoneId.of("Asia/Tokyo")));
                        storage.links().link(bob.id(), alice.id(), NOW);
                        assertThat(storage.users()
                                        .find(alice.key())
                                        .orElseThrow()
                                        .settings()
                                        .zone())
                                .isEqualTo(ZoneId.of("Asia/Tokyo"));
                        assertThat(storage.links().primaryOf(bob.id())).contains(alice.id());
                        throw new IllegalStateException("refused");
                    }))
                    .hasMessage("refused");
            assertThat(storage.users().find(alice.key()).orElseThrow().settings())
                    .as("still inside the transaction")
                    .isEqualTo(before);
            assertThat(storage.links().primaryOf(bob.id())).isEmpty();
            return null;
        });

        // THEN what was committed is what is read afterwards
        assertThat(storage.users().find(alice.key()).orElseThrow().settings()).isEqualTo(before);
        assertThat(storage.links().primaryOf(bob.id())).isEmpty();
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
