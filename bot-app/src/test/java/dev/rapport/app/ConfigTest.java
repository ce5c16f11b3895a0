package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    Config load(String dotEnv, Map<String, String> environment) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, dotEnv);
        return Config.load(file, environment::get);
    }

    @Test
    void settingsComeFromTheEnvironmentFirstThenTheFile() throws IOException {
        Config config = load(
                "# Slack\nexport SLACK_BOT_TOKEN=xoxb-file\n\nSLACK_SIGNING_SECRET=\"s3cr#t = x\"\nPORT=3100 # the port\n"
                        + "RAPPORT_USER='ana'\n",
                Map.of("SLACK_BOT_TOKEN", "xoxb-env"));

        assertThat(config.get("SLACK_BOT_TOKEN")).contains("xoxb-env");
        assertThat(config.get("SLACK_SIGNING_SECRET")).contains("s3cr#t = x");
        assertThat(config.get("PORT")).contains("3100");
        assertThat(config.get("RAPPORT_USER")).contains("ana");
        assertThat(config.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aMalformedLineStopsTheStartWithItsLineNumberAndNeverItsValue() {
        for (String[] bad : new String[][] {
            {"SLACK_BOT_TOKEN=xoxb-1\nSLACK_SIGNING_SECRET xoxs-hidden\n", "line 2"},
            {"\n\n# ok\nPORT=1\nSLACK_BOT_TOKEN=\"xoxb-unclosed\n", "line 5"},
            {"1BAD=x\n", "line 1"},
        }) {
            assertThatThrownBy(() -> load(bad[0], Map.of()))
                    .isInstanceOf(DotEnv.Malformed.class)
                    .hasMessageContaining(bad[1])
                    .hasMessageNotContaining("xoxs-hidden")
                    .hasMessageNotContaining("xoxb-unclosed");
        }
    }

    @Test
    void noFileMeansOnlyTheEnvironment() {
        Config config = Config.load(dir.resolve("missing.env"), Map.of("HOST", "0.0.0.0")::get);

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.hasSlack()).isFalse();
    }

    @Test
    void theLeaseIsTwoMinutesUnlessRapportLeaseSecondsSaysOtherwise() throws IOException {
        assertThat(load("", Map.of()).lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(load("RAPPORT_LEASE_SECONDS=15\n", Map.of()).lease()).isEqualTo(Duration.ofSeconds(15));
        assertThat(load("RAPPORT_LEASE_SECONDS=15\n", Map.of("RAPPORT_LEASE_SECONDS", " 600 "))
                        .lease())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aLeaseThatIsNotAWholePositiveNumberOfSecondsStopsTheStartSayingWhy() throws IOException {
        for (String bad : new String[] {"0", "-5", "2m", "1.5", "86401"}) {
            Config config = load("", Map.of("RAPPORT_LEASE_SECONDS", bad));
            assertThatThrownBy(config::lease)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RAPPORT_LEASE_SECONDS must be a whole number of seconds")
                    .hasMessageContaining("\"" + bad + "\"");
        }
    }
}
