package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackManifestTest {
    private static final Pattern COMMAND = Pattern.compile("(?m)^\\s*- command: /(\\w+)\\s*$");
    private static final Pattern SCOPE = Pattern.compile("(?m)^      - ([a-z:]+)");

    @ParameterizedTest
    @ValueSource(strings = {"slack-manifest.yml", "slack-manifest-http.yml"})
    void theManifestDeclaresEveryCommandScopeAndEventTheAdapterUses(String file) throws IOException {
        // GIVEN the manifest a new user pastes into Slack
        String manifest = Files.readString(Path.of("..").resolve(file));

        // THEN it declares exactly the commands the adapter registers, with mentions escaped as ids
        Matcher command = COMMAND.matcher(manifest);
        List<String> declared = command.results().map(m -> m.group(1)).toList();
        assertThat(declared).containsExactlyElementsOf(SlackCommands.NAMES);
        assertThat(manifest.split("should_escape: true", -1)).hasSize(SlackCommands.NAMES.size() + 1);

        // AND the scopes, the Home tab event and interactivity the adapter needs
        assertThat(manifest)
                .contains("- commands", "- chat:write", "- im:write", "- users:read", "- files:write", "- files:read")
                .contains("- channels:read", "- groups:read", "- im:history")
                .contains("home_tab_enabled: true")
                .contains("- app_home_opened")
                .contains("interactivity:\n    is_enabled: true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack-manifest.yml", "slack-manifest-http.yml"})
    void theManifestAsksExactlyTheScopesAnInstallAsksForAndNamesTheRedirectAndUninstallEvents(String file)
            throws IOException {
        String manifest = Files.readString(Path.of("..").resolve(file));

        // THEN its bot scopes are the ones "Add to Slack" asks for, in the same order
        String bot = manifest.substring(manifest.indexOf("    bot:\n"), manifest.indexOf("\nsettings:"));
        List<String> scopes = SCOPE.matcher(bot).results().map(m -> m.group(1)).toList();
        assertThat(scopes).containsExactlyElementsOf(SlackScopes.BOT);

        // AND the OAuth redirect is registered, and uninstalls and revocations are heard
        assertThat(manifest)
                .contains("redirect_urls:\n    - https://YOUR-HOST" + SlackOAuthSettings.REDIRECT_PATH + "\n")
                .contains("- app_uninstalled")
                .contains("- tokens_revoked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack-manifest.yml", "slack-manifest-http.yml"})
    void introHasAUsageHintForIntroductionsAndRounds(String file) throws IOException {
        String manifest = Files.readString(Path.of("..").resolve(file));

        String intro =
                manifest.substring(manifest.indexOf("- command: /intro"), manifest.indexOf("- command: /forget"));
        assertThat(intro)
                .contains("usage_hint: \"@a @b <why they should meet> | rounds on [every <n> weeks] [revisit]")
                .contains("should_escape: true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack-manifest.yml", "slack-manifest-http.yml"})
    void theManifestDeclaresBothCaptureShortcutsTheAdapterListensFor(String file) throws IOException {
        String manifest = Files.readString(Path.of("..").resolve(file));

        String shortcuts = manifest.substring(manifest.indexOf("  shortcuts:\n"), manifest.indexOf("\noauth_config:"));
        assertThat(shortcuts)
                .contains("- name: Remember this\n      type: message\n      callback_id: "
                        + SlackCaptures.MESSAGE_CALLBACK + "\n")
                .contains("- name: Remember someone\n      type: global\n      callback_id: "
                        + SlackCaptures.GLOBAL_CALLBACK + "\n");
        // Slack's limits for a shortcut: a name of 25 characters at most, a description of 80.
        shortcuts
                .lines()
                .filter(line -> line.strip().startsWith("description:"))
                .forEach(line -> assertThat(line.strip().length() - "description: ".length())
                        .isLessThanOrEqualTo(80));
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack-manifest-http.yml"})
    void theHttpManifestPointsEverythingAtTheEventsPath(String file) throws IOException {
        String manifest = Files.readString(Path.of("..").resolve(file));

        assertThat(manifest).contains("socket_mode_enabled: false");
        // The free name's suggestions (block_suggestion) come to the same path.
        assertThat(manifest).contains("message_menu_options_url: https://YOUR-HOST" + SlackEvents.PATH + "\n");
        long urls = manifest.lines()
                .filter(line -> line.strip().matches("(url|request_url): https://YOUR-HOST" + SlackEvents.PATH))
                .count();
        assertThat(urls).isEqualTo(SlackCommands.NAMES.size() + 2);
    }
}
