package dev.rapport.slack;

import static dev.rapport.slack.SlackInstallBed.ANA;
import static dev.rapport.slack.SlackInstallBed.BOB;
import static dev.rapport.slack.SlackInstallBed.BOT_A;
import static dev.rapport.slack.SlackInstallBed.TEAM_A;
import static dev.rapport.slack.SlackInstallBed.TEAM_B;
import static dev.rapport.slack.SlackInstallBed.TOKEN_A;
import static dev.rapport.slack.SlackInstallBed.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.rapport.core.install.Installations;
import dev.rapport.core.install.TokenCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With every logger of every library at TRACE, a whole life of installs (the OAuth flow, commands, digests, a refused
 * token, an uninstall, a key rotation) writes no bot token, client secret, signing secret or secret key anywhere.
 */
class SlackSecretsInLogsTest {
    @TempDir
    Path dir;

    final List<String> lines = new ArrayList<>();
    final Map<Logger, Level> levels = new HashMap<>();
    final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected synchronized void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName())
                    .append(' ')
                    .append(event.getFormattedMessage())
                    .append(' ')
                    .append(event.getMDCPropertyMap());
            if (event.getThrowableProxy() != null) {
                line.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
    };

    @BeforeEach
    void everythingAtTrace() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : context.getLoggerList()) {
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        capture.setContext(context);
        capture.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
    }

    @AfterEach
    void levelsBack() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        levels.forEach(Logger::setLevel);
    }

    @Test
    void noSecretReachesAnyLogAtAnyLevel() throws Exception {
        String oldKey;
        try (SlackInstallBed bed = new SlackInstallBed(dir)) {
            oldKey = bed.secretKey;
            // GIVEN everything an installed Rapport does
            bed.installBoth();
            bed.command(TEAM_A, ANA, "ana", "remember", "Marc Kelly: met at the SYPE mixer");
            bed.command(TEAM_A, ANA, "ana", "followup", "marc today");
            bed.command(TEAM_B, BOB, "bob", "remember", "Zoë Park: climbing partner");
            bed.command(TEAM_B, BOB, "bob", "followup", "zoe today");
            bed.slack.refuseToken(TOKEN_B, "invalid_auth");
            bed.clock.set(SlackInstallBed.NOW.plus(Duration.ofHours(2)));
            bed.digests().tick();
            bed.event("slack/app_uninstalled.json", TEAM_A, BOT_A);
            bed.install(TEAM_A, "Acme", TOKEN_A, BOT_A, ANA);
            bed.redirect("code-forged", "Zm9yZ2Vk", Optional.of("Zm9yZ2Vk"));
            String newKey = TokenCipher.newKey();
            Installations rotating = bed.core.installations(TokenCipher.of(newKey, Optional.of(oldKey)));
            assertThat(rotating.reseal("slack").resealed()).isEqualTo(1);
        }
        try {
            TokenCipher.of("dG9vLXNob3J0", Optional.empty());
        } catch (TokenCipher.BadKey expected) {
            // What Rapport prints when it refuses to start with that key.
            lines.add(expected.getMessage());
        }

        // THEN the logs were written (at TRACE, by the libraries too), and hold none of the secrets
        assertThat(lines).hasSizeGreaterThan(100);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("com.slack"));
        String basic = Base64.getEncoder()
                .encodeToString((SlackInstallBed.CLIENT_ID + ":" + SlackInstallBed.CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(
                TOKEN_A,
                TOKEN_B,
                SlackInstallBed.CLIENT_SECRET,
                SlackTestBed.SIGNING_SECRET,
                oldKey,
                basic,
                "dG9vLXNob3J0")) {
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(secret));
        }
    }
}
