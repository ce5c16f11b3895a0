package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.UserKey;
import dev.rapport.core.install.TokenCipher;
import dev.rapport.core.port.Storage;
import dev.rapport.slack.SlackPacing;
import dev.rapport.store.sqlite.Database;
import dev.rapport.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Slack mode a configuration starts, why an OAuth one may not start, and purging one workspace. */
class SlackOAuthSetupTest {
    static final String KEY = TokenCipher.newKey();
    static final Map<String, String> OAUTH = Map.of(
            "SLACK_CLIENT_ID", "1234567890.0987654321",
            "SLACK_CLIENT_SECRET", "c0ffee00c0ffee00c0ffee00c0ffee00",
            "SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef",
            "RAPPORT_PUBLIC_URL", "https://rapport.example.com",
            "RAPPORT_SECRET_KEY", KEY);

    @TempDir
    Path dir;

    static Config with(Map<String, String> base, String... changes) {
        Map<String, String> values = new HashMap<>(base);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                values.remove(changes[i]);
            } else {
                values.put(changes[i], changes[i + 1]);
            }
        }
        return Config.of(values);
    }

    @Test
    void aRequestBudgetForEveryMethodMustBeAPositiveNumber() {
        Config oneToken = with(OAUTH, "SLACK_BOT_TOKEN", "xoxb-0000000000-0000000000000-test0000000000000000");
        assertThat(SlackLauncher.pacing(oneToken)).isEqualTo(SlackPacing.tiers());
        for (String bad : new String[] {"fast", "0", "-3", "NaN"}) {
            Config config = Config.of(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-0000000000-0000000000000-test0000000000000000",
                    "SLACK_APP_TOKEN",
                    "xapp-1-test",
                    "SLACK_REQUESTS_PER_SECOND",
                    bad));
            assertThat(SlackLauncher.problem(config))
                    .as(bad)
                    .contains("SLACK_REQUESTS_PER_SECOND must be a positive number");
        }
        Config fifty = Config.of(Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-0000000000-0000000000000-test0000000000000000",
                "SLACK_APP_TOKEN",
                "xapp-1-test",
                "SLACK_REQUESTS_PER_SECOND",
                " 50 "));
        assertThat(SlackLauncher.problem(fifty)).isEmpty();
        assertThat(SlackLauncher.pacing(fifty)).isEqualTo(SlackPacing.allMethods(50));
    }

    @Test
    void aBotTokenKeepsTheOneWorkspaceModeAndAClientIdWithoutOneAsksForOAuth() {
        assertThat(SlackLauncher.mode(Config.of(OAUTH))).isEqualTo(SlackLauncher.Mode.OAUTH);
        assertThat(SlackLauncher.needsFront(Config.of(OAUTH))).isTrue();
        Config oneToken = with(OAUTH, "SLACK_BOT_TOKEN", "xoxb-0000000000-0000000000000-test0000000000000000");
        assertThat(SlackLauncher.mode(oneToken)).isEqualTo(SlackLauncher.Mode.ONE_TOKEN);
        assertThat(SlackLauncher.problem(oneToken)).isEmpty();
        assertThat(SlackLauncher.mode(Config.of(Map.of()))).isEqualTo(SlackLauncher.Mode.NONE);
        assertThat(SlackLauncher.problem(Config.of(OAUTH))).isEmpty();
    }

    @Test
    void anOAuthConfigurationMissingAnythingRefusesToStartAndSaysWhatToSet() {
        String[][] cases = {
            {"RAPPORT_SECRET_KEY", null, "needs RAPPORT_SECRET_KEY: make one with: openssl rand -base64 32"},
            {"RAPPORT_SECRET_KEY", "dG9vLXNob3J0", "RAPPORT_SECRET_KEY must be 32 bytes in base64 (it has 9)"},
            {"RAPPORT_SECRET_KEY", "not base64!", "RAPPORT_SECRET_KEY is not base64"},
            {"RAPPORT_SECRET_KEY_OLD", "dG9vLXNob3J0", "RAPPORT_SECRET_KEY_OLD must be 32 bytes"},
            {"RAPPORT_PUBLIC_URL", null, "needs RAPPORT_PUBLIC_URL; see README \"Add Rapport to many workspaces\""},
            {"RAPPORT_PUBLIC_URL", "rapport.example.com", "RAPPORT_PUBLIC_URL must be an absolute URL"},
            {"SLACK_SIGNING_SECRET", null, "needs SLACK_SIGNING_SECRET"},
            {"SLACK_CLIENT_SECRET", null, "needs SLACK_CLIENT_SECRET"},
        };
        for (String[] change : cases) {
            Config config = with(OAUTH, change[0], change[1]);

            assertThat(SlackLauncher.problem(config))
                    .as("%s=%s", change[0], change[1])
                    .hasValueSatisfying(problem -> assertThat(problem)
                            .contains(change[2])
                            .doesNotContain("c0ffee00c0ffee00")
                            .doesNotContain(KEY)
                            .doesNotContain("dG9vLXNob3J0"));
        }
    }

    @Test
    void purgeWorkspaceDeletesOneWorkspaceAndNothingOfAnother() {
        // GIVEN a database with users on two workspaces
        Path file = dir.resolve("rapport.db");
        try (Database db = Database.open(file)) {
            Storage storage = SqliteStorage.over(db);
            for (String team : new String[] {"T0ACME0001", "T0BETA0002"}) {
                storage.users()
                        .findOrCreate(
                                new UserKey("slack", team, "U0ANA00001"),
                                "Ana",
                                Settings.defaults(ZoneId.of("UTC"), false),
                                Instant.parse("2026-11-25T08:00:00Z"));
            }
        }
        Config config = Config.of(Map.of("RAPPORT_DB", file.toString()));

        // WHEN the operator purges Acme, then asks with something that is not a team id
        int purged = Main.purgeWorkspace(config, "T0ACME0001");
        int refused = Main.purgeWorkspace(config, "acme; DROP TABLE users");

        // THEN Acme's user is gone, Beta's is there
        assertThat(purged).isZero();
        assertThat(refused).isEqualTo(2);
        try (Database db = Database.open(file)) {
            Storage storage = SqliteStorage.over(db);
            assertThat(storage.users().find(new UserKey("slack", "T0ACME0001", "U0ANA00001")))
                    .isEmpty();
            assertThat(storage.users().find(new UserKey("slack", "T0BETA0002", "U0ANA00001")))
                    .isPresent();
        }
    }
}
