package dev.rapport.app;

import ch.qos.logback.core.PropertyDefinerBase;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where logback writes the log: {@code RAPPORT_LOG} when set, else {@code rapport.log} beside the database, so the
 * console's replies on standard output never have log lines among them.
 */
public final class LogFile extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return of(Config.load()).toString();
    }

    static Path of(Config config) {
        return config.get("RAPPORT_LOG")
                .map(Path::of)
                .orElseGet(() -> Optional.ofNullable(
                                config.database().toAbsolutePath().getParent())
                        .orElse(Path.of("."))
                        .resolve("rapport.log"));
    }
}
