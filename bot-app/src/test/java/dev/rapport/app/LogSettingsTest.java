package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What logback is told: the level, where standard output's lines go, and in which format. */
class LogSettingsTest {
    @Test
    void theLevelIsRapportLogLevelAndAnythingElseIsInfo() {
        assertThat(LogSettings.level(Config.of(Map.of("RAPPORT_LOG_LEVEL", "debug"))))
                .isEqualTo("DEBUG");
        assertThat(LogSettings.level(Config.of(Map.of("RAPPORT_LOG_LEVEL", "WARN"))))
                .isEqualTo("WARN");
        assertThat(LogSettings.level(Config.of(Map.of("RAPPORT_LOG_LEVEL", "loud"))))
                .isEqualTo("INFO");
        assertThat(LogSettings.level(Config.of(Map.of()))).isEqualTo("INFO");
    }

    @Test
    void jsonIsAskedForByRapportLogFormat() {
        assertThat(LogSettings.json(Config.of(Map.of("RAPPORT_LOG_FORMAT", "json"))))
                .isTrue();
        assertThat(LogSettings.json(Config.of(Map.of("RAPPORT_LOG_FORMAT", "JSON"))))
                .isTrue();
        assertThat(LogSettings.json(Config.of(Map.of("RAPPORT_LOG_FORMAT", "text"))))
                .isFalse();
        assertThat(LogSettings.json(Config.of(Map.of()))).isFalse();
    }

    @Test
    void standardOutputCarriesTheLogOnlyInServerMode() {
        assertThat(LogSettings.server(Config.of(Map.of()))).isFalse();
        assertThat(LogSettings.server(Config.of(Map.of("DISCORD_TOKEN", "x".repeat(40)))))
                .isTrue();
        assertThat(LogSettings.server(Config.of(
                        Map.of("SLACK_BOT_TOKEN", "xoxb-" + "1".repeat(30), "SLACK_SIGNING_SECRET", "s".repeat(32)))))
                .isTrue();
    }
}
