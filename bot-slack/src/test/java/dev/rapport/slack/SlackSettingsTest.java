package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.assembly.CoreAssembly;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackSettingsTest {
    private static final String APP_TOKEN = "xapp-1-A0RAPPORT1-0000000000000-test000000000000000000";

    @Test
    void anAppTokenMeansSocketModeAndASigningSecretAloneMeansHttp() {
        SlackSettings socket = new SlackSettings(
                SlackTestBed.BOT_TOKEN, Optional.of(APP_TOKEN), Optional.of("secret"), 3000, Optional.empty());
        SlackSettings http = new SlackSettings(
                SlackTestBed.BOT_TOKEN, Optional.empty(), Optional.of("secret"), 3000, Optional.empty());

        assertThat(socket.mode()).isEqualTo(SlackSettings.Mode.SOCKET);
        assertThat(http.mode()).isEqualTo(SlackSettings.Mode.HTTP);
    }

    @Test
    void printedSettingsNeverShowATokenOrSecret() {
        SlackSettings settings = new SlackSettings(
                SlackTestBed.BOT_TOKEN,
                Optional.of(APP_TOKEN),
                Optional.of(SlackTestBed.SIGNING_SECRET),
                3000,
                Optional.of("http://127.0.0.1:9/api"));

        assertThat(settings.toString())
                .doesNotContain(SlackTestBed.BOT_TOKEN)
                .doesNotContain(APP_TOKEN)
                .doesNotContain(SlackTestBed.SIGNING_SECRET)
                .contains("SOCKET");
    }

    @Test
    void theApiUrlGetsTheTrailingSlashTheSdkNeeds() {
        SlackSettings settings = new SlackSettings(
                SlackTestBed.BOT_TOKEN, Optional.empty(), Optional.of("s"), 0, Optional.of("http://127.0.0.1:9/api"));

        assertThat(settings.apiBase()).contains("http://127.0.0.1:9/api/");
    }

    @Test
    void withoutAnAppTokenOrASigningSecretSlackCannotStart() {
        assertThatThrownBy(() -> new SlackSettings(
                        SlackTestBed.BOT_TOKEN, Optional.empty(), Optional.empty(), 3000, Optional.empty()))
                .hasMessageContaining("SLACK_APP_TOKEN")
                .hasMessageContaining("SLACK_SIGNING_SECRET");
    }

    @Test
    void aSocketModeAdapterNeedsNoSigningSecret(@TempDir Path dir) throws Exception {
        // GIVEN Socket Mode settings without a signing secret
        SlackSettings settings = new SlackSettings(
                SlackTestBed.BOT_TOKEN, Optional.of(APP_TOKEN), Optional.empty(), 3000, Optional.empty());
        try (OpenStorage store = TestStorage.open(dir)) {
            CoreAssembly core = CoreAssembly.over(Clock.fixed(SlackTestBed.NOW, ZoneOffset.UTC), store.storage());

            // WHEN the adapter is built (not connected)
            try (SlackAdapter adapter = SlackAdapter.create(settings, core.rapport(), core.inbox(1))) {
                // THEN it is ready, and needs no HTTP front
                assertThatThrownBy(() -> adapter.mount(null)).hasMessageContaining("SLACK_SIGNING_SECRET");
                assertThat(adapter.messenger().platform()).isEqualTo("slack");
            }
        }
    }
}
