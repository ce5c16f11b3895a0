package dev.rapport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DmChannels;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each person's DM channel is kept in the database, and is theirs alone. */
@StorageSuite
class DmChannelsStoreTest {
    static final UserKey ANA = new UserKey("slack", "T0ACME", "U0ANA");
    static final UserKey ANA_ELSEWHERE = new UserKey("slack", "T0BETA", "U0ANA");
    static final UserKey ANA_ON_DISCORD = new UserKey("discord", "T0ACME", "U0ANA");

    @TempDir
    Path folder;

    OpenStorage store;
    DmChannels channels;

    @BeforeEach
    void open() {
        store = TestStorage.open(folder);
        channels = store.storage().dmChannels();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRememberedChannelIsFound() {
        assertThat(channels.find(ANA)).isEmpty();

        channels.remember(ANA, "D0ANA1");

        assertThat(channels.find(ANA)).contains("D0ANA1");
        assertThat(store.rows("dm_channels")).isEqualTo(1);
    }

    @Test
    void theSameIdOnAnotherWorkspaceOrPlatformIsSomeoneElse() {
        channels.remember(ANA, "D0ANA1");

        assertThat(channels.find(ANA_ELSEWHERE)).isEmpty();
        assertThat(channels.find(ANA_ON_DISCORD)).isEmpty();
    }

    @Test
    void aNewLookupReplacesTheOldChannelAndForgettingOneLeavesTheOthers() {
        channels.remember(ANA, "D0ANA1");
        channels.remember(ANA_ELSEWHERE, "D0ANA2");

        channels.remember(ANA, "D0ANA3");
        assertThat(channels.find(ANA)).contains("D0ANA3");

        channels.forget(ANA);
        assertThat(channels.find(ANA)).isEmpty();
        assertThat(channels.find(ANA_ELSEWHERE)).contains("D0ANA2");
        channels.forget(ANA);
        assertThat(channels.find(ANA)).isEmpty();
    }
}
