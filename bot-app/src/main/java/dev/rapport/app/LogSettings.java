package dev.rapport.app;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What logback reads from Rapport's configuration (the environment, then ./.env), in {@code logback.xml}:
 * {@code RAPPORT_LOG_LEVEL} (TRACE, DEBUG, INFO — the default —, WARN, ERROR) for Rapport's own loggers, and
 * {@code RAPPORT_LOG_FORMAT} ({@code text}, the default, or {@code json}, logback's own JSON encoder) for standard
 * output. Standard output carries the log only in server mode; the console keeps it for its replies.
 */
public final class LogSettings {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private LogSettings() {}

    /** The configuration, or none when it cannot be read: Main then stops with the reason, logged with defaults. */
    static Config config() {
        try {
            return Config.load();
        } catch (RuntimeException e) {
            return Config.of(Map.of());
        }
    }

    static String level(Config config) {
        String level = config.get("RAPPORT_LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
        return LEVELS.contains(level) ? level : "INFO";
    }

    static boolean server(Config config) {
        return config.hasSlack() || config.hasDiscord();
    }

    /** {@code RAPPORT_LOG_LEVEL}, or INFO. */
    public static final class Level extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            return level(config());
        }
    }

    /** The threshold of standard output's text lines: the level in server mode unless JSON is asked for, else OFF. */
    public static final class TextLevel extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            Config config = config();
            return server(config) && !json(config) ? level(config) : "OFF";
        }
    }

    /** The threshold of standard output's JSON lines: the level in server mode with RAPPORT_LOG_FORMAT=json. */
    public static final class JsonLevel extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            Config config = config();
            return server(config) && json(config) ? level(config) : "OFF";
        }
    }

    static boolean json(Config config) {
        return config.get("RAPPORT_LOG_FORMAT").orElse("text").equalsIgnoreCase("json");
    }

    /** The threshold of standard error: WARN in the console; OFF in server mode, where standard output has it all. */
    public static final class StderrLevel extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            Config config = config();
            return config.get("RAPPORT_STDERR_LEVEL").orElse(server(config) ? "OFF" : "WARN");
        }
    }
}
