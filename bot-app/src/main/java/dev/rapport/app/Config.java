package dev.rapport.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Settings from the environment, falling back to a .env file in the working directory. Never logs values. */
public final class Config {
    private final Function<String, String> source;

    Config(Function<String, String> source) {
        this.source = source;
    }

    /** The process environment first, then ./.env; a malformed .env line stops the start with its line number. */
    public static Config load() {
        return load(Path.of(".env"), System::getenv);
    }

    static Config load(Path dotEnv, Function<String, String> environment) {
        Map<String, String> file = DotEnv.read(dotEnv);
        return new Config(key -> Optional.ofNullable(environment.apply(key)).orElseGet(() -> file.get(key)));
    }

    /** The host the HTTP front binds: 127.0.0.1 (behind a reverse proxy) unless HOST says otherwise. */
    public String host() {
        return get("HOST").orElse("127.0.0.1");
    }

    public static Config of(Map<String, String> values) {
        return new Config(values::get);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(source.apply(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    public Path database() {
        return Path.of(get("RAPPORT_DB").orElse("./data/rapport.db"));
    }

    public Path backupDirectory() {
        return Path.of(get("RAPPORT_BACKUP_DIR").orElse("./data/backups"));
    }

    public String consoleUser() {
        return get("RAPPORT_USER")
                .orElseGet(() ->
                        Optional.ofNullable(System.getProperty("user.name")).orElse("me"));
    }

    /** The operator's admin endpoint's port (/healthz, /readyz, /metrics), when one is wanted. */
    public Optional<Integer> adminPort() {
        return get("RAPPORT_ADMIN_PORT").map(port -> {
            try {
                int number = Integer.parseInt(port);
                if (number < 0 || number > 65_535) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalStateException("RAPPORT_ADMIN_PORT must be a port number, was \"" + port + "\"", e);
            }
        });
    }

    /** Where the admin endpoint listens: this machine only, unless the operator says otherwise. */
    public String adminHost() {
        return get("RAPPORT_ADMIN_HOST").orElse(AdminServer.DEFAULT_HOST);
    }

    public boolean hasSlack() {
        return get("SLACK_BOT_TOKEN").isPresent()
                && (get("SLACK_APP_TOKEN").isPresent()
                        || get("SLACK_SIGNING_SECRET").isPresent());
    }

    public boolean hasDiscord() {
        return get("DISCORD_TOKEN").isPresent();
    }
}
