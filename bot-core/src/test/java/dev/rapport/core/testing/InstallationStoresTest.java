package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.domain.ChannelKey;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.NoteKind;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.install.InstallStates;
import dev.rapport.core.install.Installation;
import dev.rapport.core.install.Installations;
import dev.rapport.core.install.TokenCipher;
import dev.rapport.core.port.Inbox;
import dev.rapport.core.port.InstallationStore;
import dev.rapport.core.port.InstallationStore.State;
import dev.rapport.core.port.Storage;
import dev.rapport.core.port.WorkspacePurge;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installations' contract on the module's real store: tokens kept only sealed, one row per workspace, uninstalls
 * that delete the token and keep the notes, key rotation, the OAuth states' lifetime, and a purge that removes one
 * workspace and nothing of another.
 */
@StorageSuite
class InstallationStoresTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String TOKEN_A = "xoxb-1111111111-2222222222222-aaaaaaaaaaaaaaaaaaaaaaaa";
    static final String TOKEN_B = "xoxb-3333333333-4444444444444-bbbbbbbbbbbbbbbbbbbbbbbb";

    @TempDir
    Path folder;

    OpenStorage store;
    Storage storage;
    MutableClock clock = new MutableClock(NOW);
    String key = TokenCipher.newKey();
    Installations installations;

    @BeforeEach
    void open() {
        store = TestStorage.open(folder);
        storage = store.storage();
        installations = installationsUnder(TokenCipher.of(key, Optional.empty()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    Installations installationsUnder(TokenCipher cipher) {
        return new Installations(clock, storage.installations(), storage.workspaces(), cipher);
    }

    static Installation installation(String team, String token) {
        return new Installation(
                "slack",
                team,
                Optional.empty(),
                Optional.of(team),
                "U0BOT" + team,
                "B0BOT" + team,
                "commands,chat:write",
                "U0INSTALLER",
                token,
                NOW);
    }

    @Test
    void aTokenIsStoredOnlySealedAndOpensForItsOwnWorkspace() {
        // GIVEN Rapport installed on two workspaces
        installations.installed(installation("T0A", TOKEN_A));
        installations.installed(installation("T0B", TOKEN_B));

        // THEN the store holds ciphertext, never the token
        InstallationStore.Stored row =
                storage.installations().find("slack", "T0A").orElseThrow();
        assertThat(row.sealedToken()).isPresent();
        assertThat(row.sealedToken().get()).doesNotContain(TOKEN_A).doesNotContain("xoxb");
        assertThat(row.state()).isEqualTo(State.ACTIVE);
        assertThat(row.botUserId()).isEqualTo("U0BOTT0A");
        assertThat(row.installerUserId()).isEqualTo("U0INSTALLER");
        assertThat(row.scopes()).isEqualTo("commands,chat:write");
        assertThat(row.teamId()).contains("T0A");
        assertThat(row.enterpriseId()).isEmpty();

        // AND each workspace gets its own token back
        assertThat(installations.active("slack", "T0A").map(Installation::botToken))
                .contains(TOKEN_A);
        assertThat(installations.active("slack", "T0B").map(Installation::botToken))
                .contains(TOKEN_B);
        assertThat(installations.active("slack", "T0C")).isEmpty();
        assertThat(installations.active("discord", "T0A")).isEmpty();
        assertThat(installations.active("slack", "T0A").orElseThrow().toString())
                .doesNotContain(TOKEN_A);
    }

    @Test
    void aSealedTokenMovedOntoAnotherWorkspacesRowDoesNotOpen() {
        // GIVEN two installations, and A's ciphertext copied onto B's row
        installations.installed(installation("T0A", TOKEN_A));
        installations.installed(installation("T0B", TOKEN_B));
        String sealedA = storage.installations()
                .find("slack", "T0A")
                .orElseThrow()
                .sealedToken()
                .orElseThrow();
        assertThat(storage.installations().reseal("slack", "T0B", sealedA)).isTrue();

        // THEN B has no usable token (A's is bound to A), and A's still opens
        assertThat(installations.active("slack", "T0B")).isEmpty();
        assertThat(installations.active("slack", "T0A").map(Installation::botToken))
                .contains(TOKEN_A);
    }

    @Test
    void aTokenSealedUnderAnotherKeyDoesNotOpen() {
        installations.installed(installation("T0A", TOKEN_A));

        Installations otherKey = installationsUnder(TokenCipher.of(TokenCipher.newKey(), Optional.empty()));

        assertThat(otherKey.active("slack", "T0A")).isEmpty();
    }

    @Test
    void aReinstallReplacesTheEarlierInstallationAndMakesItActiveAgain() {
        installations.installed(installation("T0A", TOKEN_A));
        installations.removed("slack", "T0A", "app_uninstalled");

        installations.installed(installation("T0A", TOKEN_B));

        assertThat(installations.active("slack", "T0A").map(Installation::botToken))
                .contains(TOKEN_B);
        assertThat(storage.installations().find("slack", "T0A").orElseThrow().reason())
                .isEmpty();
        assertThat(store.rows("installations")).isEqualTo(1);
    }

    @Test
    void anUninstallDeletesTheTokenAndKeepsTheUsersNotes() {
        // GIVEN a user of workspace A with a note, and Rapport installed there
        User ana = user("T0A", "U0ANA");
        Contact marc = contact(ana, "Marc");
        storage.notes().add(ana.id(), marc.id(), NoteKind.NOTE, "met at the mixer", List.of(), NOW);
        installations.installed(installation("T0A", TOKEN_A));

        // WHEN Slack says Rapport was uninstalled, later
        clock.advance(Duration.ofHours(1));
        boolean removed = installations.removed("slack", "T0A", "app_uninstalled");

        // THEN the token is gone, the installation says why and when, and Ana's note is still there
        assertThat(removed).isTrue();
        InstallationStore.Stored row =
                storage.installations().find("slack", "T0A").orElseThrow();
        assertThat(row.sealedToken()).isEmpty();
        assertThat(row.state()).isEqualTo(State.REMOVED);
        assertThat(row.reason()).contains("app_uninstalled");
        assertThat(row.changedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(installations.active("slack", "T0A")).isEmpty();
        assertThat(installations.state("slack", "T0A")).contains(State.REMOVED);
        assertThat(storage.notes().forContact(ana.id(), marc.id())).hasSize(1);

        // AND removing it again, or marking it broken, changes nothing
        assertThat(installations.removed("slack", "T0A", "tokens_revoked")).isFalse();
        assertThat(installations.broken("slack", "T0A", "invalid_auth")).isFalse();
        assertThat(storage.installations().find("slack", "T0A").orElseThrow().reason())
                .contains("app_uninstalled");
        assertThat(storage.installations().withTokens("slack")).isEmpty();
    }

    @Test
    void aRefusedTokenMarksTheInstallationBrokenAndOnlyThatOne() {
        installations.installed(installation("T0A", TOKEN_A));
        installations.installed(installation("T0B", TOKEN_B));

        assertThat(installations.broken("slack", "T0A", "invalid_auth")).isTrue();

        assertThat(installations.state("slack", "T0A")).contains(State.BROKEN);
        assertThat(installations.active("slack", "T0A")).isEmpty();
        assertThat(installations.active("slack", "T0B").map(Installation::botToken))
                .contains(TOKEN_B);
        assertThat(storage.installations().withTokens("slack"))
                .extracting(InstallationStore.Stored::workspace)
                .containsExactly("T0B");
    }

    @Test
    void aNewKeyWithThePreviousOneBesideItSealsEveryTokenAgain() {
        // GIVEN tokens sealed under the old key
        installations.installed(installation("T0A", TOKEN_A));
        installations.installed(installation("T0B", TOKEN_B));
        String newKey = TokenCipher.newKey();

        // WHEN Rapport starts with the new key, the old one beside it
        Installations rotating = installationsUnder(TokenCipher.of(newKey, Optional.of(key)));
        Installations.Resealed first = rotating.reseal("slack");
        Installations.Resealed second = rotating.reseal("slack");

        // THEN both were sealed again once, and the new key alone now opens them
        assertThat(first).isEqualTo(new Installations.Resealed(2, 0));
        assertThat(second).isEqualTo(new Installations.Resealed(0, 0));
        Installations newOnly = installationsUnder(TokenCipher.of(newKey, Optional.empty()));
        assertThat(newOnly.active("slack", "T0A").map(Installation::botToken)).contains(TOKEN_A);
        assertThat(newOnly.active("slack", "T0B").map(Installation::botToken)).contains(TOKEN_B);
        assertThat(installations.active("slack", "T0A")).isEmpty();
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> TokenCipher.of("c2hvcnQta2V5", Optional.empty()))
                .isInstanceOf(TokenCipher.BadKey.class)
                .hasMessageContaining("RAPPORT_SECRET_KEY must be 32 bytes")
                .hasMessageNotContaining("c2hvcnQta2V5");
        assertThatThrownBy(() -> TokenCipher.of(key, Optional.of("not base64 at all!")))
                .isInstanceOf(TokenCipher.BadKey.class)
                .hasMessageContaining("RAPPORT_SECRET_KEY_OLD is not base64")
                .hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void anInstallStateIsGoodForTenMinutesAndOneUse() {
        InstallStates states = new InstallStates(clock, storage.installStates());

        String used = states.issue();
        String expiring = states.issue();
        assertThat(used).isNotEqualTo(expiring).hasSizeGreaterThanOrEqualTo(43);
        assertThat(states.valid(used)).isTrue();
        states.consume(used);
        assertThat(states.valid(used)).isFalse();

        clock.advance(InstallStates.LIFETIME.minusSeconds(1));
        assertThat(states.valid(expiring)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(states.valid(expiring)).isFalse();
        assertThat(states.valid("forged")).isFalse();
        assertThat(states.valid("")).isFalse();

        // AND issuing a new state clears the expired ones away
        states.issue();
        assertThat(store.rows("install_states")).isEqualTo(1);
    }

    @Test
    void aPurgeDeletesEverythingOfOneWorkspaceAndNothingOfAnother() {
        // GIVEN two workspaces, each with a user, a contact, a note, a follow-up's rhythm, a round channel,
        // a waiting request and an installation
        User ana = user("T0A", "U0ANA");
        User bob = user("T0B", "U0BOB");
        for (User owner : List.of(ana, bob)) {
            Contact marc = contact(owner, "Marc");
            storage.notes().add(owner.id(), marc.id(), NoteKind.NOTE, "met at the mixer", List.of(), NOW);
            storage.rounds().ensureChannel(new ChannelKey("slack", owner.key().workspace(), "C0GENERAL"));
            storage.inbox()
                    .append(new Inbox.Request(
                            "key-" + owner.key().workspace(),
                            owner.key(),
                            "{}",
                            "reply",
                            NOW.plus(Duration.ofMinutes(30)),
                            NOW));
        }
        installations.installed(installation("T0A", TOKEN_A));
        installations.installed(installation("T0B", TOKEN_B));
        storage.dmChannels().remember(ana.key(), "D0ANA");
        storage.dmChannels().remember(bob.key(), "D0BOB");

        // WHEN the operator purges workspace A
        WorkspacePurge.Purged purged = installations.purge("slack", "T0A");

        // THEN all of A is gone and all of B is there
        assertThat(purged).isEqualTo(new WorkspacePurge.Purged(1, 1, 1, true));
        assertThat(storage.users().find(ana.key())).isEmpty();
        assertThat(storage.users().find(bob.key())).isPresent();
        assertThat(store.rows("contacts")).isEqualTo(1);
        assertThat(store.rows("notes")).isEqualTo(1);
        assertThat(store.rows("round_channels")).isEqualTo(1);
        assertThat(store.rows("inbox")).isEqualTo(1);
        assertThat(storage.dmChannels().find(ana.key())).isEmpty();
        assertThat(storage.dmChannels().find(bob.key())).contains("D0BOB");
        assertThat(storage.installations().find("slack", "T0A")).isEmpty();
        assertThat(installations.active("slack", "T0B")).isPresent();

        // AND purging it again finds nothing
        assertThat(installations.purge("slack", "T0A")).isEqualTo(new WorkspacePurge.Purged(0, 0, 0, false));
    }

    User user(String team, String id) {
        return storage.users()
                .findOrCreate(new UserKey("slack", team, id), id, Settings.defaults(ZoneId.of("UTC"), false), NOW);
    }

    Contact contact(User owner, String name) {
        return storage.contacts().create(Contact.newContact(owner.id(), name, Optional.empty(), Optional.empty(), NOW));
    }
}
