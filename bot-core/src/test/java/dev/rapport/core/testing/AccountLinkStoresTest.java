package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.AccountLinks;
import dev.rapport.core.port.Storage;
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
 * The account links' contract on the module's real store: links and where the digest goes, codes by hash used
 * once, refused tries counted in a window, a rolled-back link that leaves no trace (in a cache either), and links
 * that go with a deleted account.
 */
@StorageSuite
class AccountLinkStoresTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;

    OpenStorage store;
    Storage storage;
    AccountLinks links;
    User slack;
    User discord;
    User console;

    @BeforeEach
    void open() {
        store = TestStorage.open(folder);
        storage = store.storage();
        links = storage.links();
        slack = user("slack", "T1", "U1");
        discord = user("discord", "", "42");
        console = user("console", "local", "ana");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private User user(String platform, String workspace, String id) {
        return storage.users()
                .findOrCreate(
                        new UserKey(platform, workspace, id), id, Settings.defaults(ZoneId.of("UTC"), false), NOW);
    }

    @Test
    void aLinkPointsAnAccountAtItsPrimaryUntilUnlinked() {
        assertThat(links.primaryOf(discord.id())).isEmpty();

        links.link(discord.id(), slack.id(), NOW);
        links.link(console.id(), slack.id(), NOW.plusSeconds(1));

        assertThat(links.primaryOf(discord.id())).contains(slack.id());
        assertThat(links.primaryOf(slack.id())).isEmpty();
        assertThat(links.linkedTo(slack.id()))
                .containsExactly(
                        new AccountLinks.Linked(discord.id(), false, NOW),
                        new AccountLinks.Linked(console.id(), false, NOW.plusSeconds(1)));
        assertThat(links.unlink(discord.id())).isTrue();
        assertThat(links.unlink(discord.id())).isFalse();
        assertThat(links.primaryOf(discord.id())).isEmpty();
        assertThat(links.linkedTo(slack.id()))
                .extracting(AccountLinks.Linked::accountId)
                .containsExactly(console.id());
    }

    @Test
    void anAccountIsLinkedToOnePrimaryAtMost() {
        links.link(discord.id(), slack.id(), NOW);

        assertThatThrownBy(() -> links.link(discord.id(), console.id(), NOW)).isInstanceOf(RuntimeException.class);
        assertThat(links.primaryOf(discord.id())).contains(slack.id());
    }

    @Test
    void theDigestGoesToOneAccountAtATime() {
        links.link(discord.id(), slack.id(), NOW);
        links.link(console.id(), slack.id(), NOW);

        links.digestTo(slack.id(), Optional.of(discord.id()));
        links.digestTo(slack.id(), Optional.of(console.id()));
        assertThat(links.linkedTo(slack.id()))
                .extracting(AccountLinks.Linked::digestHere)
                .containsExactly(false, true);

        links.digestTo(slack.id(), Optional.empty());
        assertThat(links.linkedTo(slack.id()))
                .extracting(AccountLinks.Linked::digestHere)
                .containsExactly(false, false);
    }

    @Test
    void aCodeIsFoundByItsHashAndUsedOnce() {
        Instant expires = NOW.plus(Duration.ofMinutes(10));
        links.saveCode("hash-1", slack.id(), expires, NOW);

        assertThat(links.code("hash-1")).contains(new AccountLinks.Code(slack.id(), expires, Optional.empty()));
        assertThat(links.code("hash-2")).isEmpty();
        assertThat(links.useCode("hash-1", NOW.plusSeconds(5))).isTrue();
        assertThat(links.useCode("hash-1", NOW.plusSeconds(6))).isFalse();
        assertThat(links.code("hash-1").orElseThrow().usedAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void aNewCodeReplacesTheUsersEarlierOneAndNobodyElses() {
        links.saveCode("slack-1", slack.id(), NOW.plus(Duration.ofMinutes(10)), NOW);
        links.saveCode("discord-1", discord.id(), NOW.plus(Duration.ofMinutes(10)), NOW);

        links.saveCode("slack-2", slack.id(), NOW.plus(Duration.ofMinutes(11)), NOW.plusSeconds(60));

        assertThat(links.code("slack-1")).isEmpty();
        assertThat(links.code("slack-2")).isPresent();
        assertThat(links.code("discord-1")).isPresent();
    }

    @Test
    void refusedTriesAreCountedInTheirWindowAndOldOnesDropped() {
        links.failedAttempt(discord.id(), NOW, NOW.minus(Duration.ofHours(1)));
        links.failedAttempt(discord.id(), NOW.plusSeconds(60), NOW.minus(Duration.ofHours(1)));
        links.failedAttempt(slack.id(), NOW.plusSeconds(60), NOW.minus(Duration.ofHours(1)));

        assertThat(links.failedAttempts(discord.id(), NOW.minusSeconds(1))).containsExactly(NOW, NOW.plusSeconds(60));
        assertThat(links.failedAttempts(discord.id(), NOW)).containsExactly(NOW.plusSeconds(60));

        links.failedAttempt(discord.id(), NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(1)));
        assertThat(links.failedAttempts(discord.id(), NOW.minus(Duration.ofDays(1))))
                .containsExactly(NOW.plus(Duration.ofHours(2)));
        assertThat(links.failedAttempts(slack.id(), NOW.minusSeconds(1))).hasSize(1);
    }

    @Test
    void aRolledBackLinkLeavesNothingBehind() {
        links.primaryOf(discord.id());

        assertThatThrownBy(() -> storage.transactor().inTransaction(() -> {
                    links.link(discord.id(), slack.id(), NOW);
                    links.primaryOf(discord.id()); // read inside the transaction, which must not be kept
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(links.primaryOf(discord.id())).isEmpty();
    }

    @Test
    void anUnlinkIsSeenAtOnce() {
        links.link(discord.id(), slack.id(), NOW);
        assertThat(links.primaryOf(discord.id())).contains(slack.id());

        links.unlink(discord.id());

        assertThat(links.primaryOf(discord.id())).isEmpty();
    }

    @Test
    void linksGoWithAPurgedWorkspace() {
        links.link(discord.id(), slack.id(), NOW);
        links.saveCode("slack-1", slack.id(), NOW.plus(Duration.ofMinutes(10)), NOW);

        storage.workspaces().purge("slack", "T1");

        assertThat(links.primaryOf(discord.id())).isEmpty();
        assertThat(links.code("slack-1")).isEmpty();
        assertThat(store.rows("account_links")).isZero();
        assertThat(List.of(store.rows("link_codes"))).containsExactly(0L);
    }
}
