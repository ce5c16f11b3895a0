package dev.rapport.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Settings from the environment, falling back to a .env file in the working directory. Never logs values. */
public final class Config {
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(120);

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

    /** The SQLite file; when RAPPORT_DB names a PostgreSQL database this is not used. */
    public Path database() {
        return Path.of(get("RAPPORT_DB").filter(db -> !isPostgres(db)).orElse("./data/rapport.db"));
    }

    /** RAPPORT_DB when it is a PostgreSQL JDBC URL ({@code jdbc:postgresql://…}); anything else is a SQLite path. */
    public Optional<String> postgresUrl() {
        return get("RAPPORT_DB").filter(Config::isPostgres);
    }

    static boolean isPostgres(String database) {
        return dev.rapport.store.postgres.Urls.isPostgres(database);
    }

    /** The PostgreSQL user, when not in the URL. */
    public Optional<String> databaseUser() {
        return get("RAPPORT_DB_USER");
    }

    /** The PostgreSQL password, when not in the URL. Never logged. */
    public Optional<String> databasePassword() {
        return get("RAPPORT_DB_PASSWORD");
    }

    /**
     * This instance's name among those sharing a database: RAPPORT_INSTANCE, else host and process id, which differ
     * between live instances. It names the holder of the outbox rows and jobs an instance takes.
     */
    public String instanceName() {
        return get("RAPPORT_INSTANCE").orElseGet(() -> {
            String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("host");
            return host + "-" + ProcessHandle.current().pid();
        });
    }

    /**
     * How long an instance holds the outbox rows, inbox rows and jobs it takes (RAPPORT_LEASE_SECONDS, default 120):
     * what a killed instance held is taken over by another after this long. Keep it well above the time a batch of
     * sends takes, or live instances take each other's work over (nothing is sent twice, but work is repeated).
     */
    public Duration lease() {
        return get("RAPPORT_LEASE_SECONDS")
                .map(seconds -> {
                    try {
                        long number = Long.parseLong(seconds);
                        if (number < 1 || number > 86_400) {
                            throw new NumberFormatException();
                        }
                        return Duration.ofSeconds(number);
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException(
                                "RAPPORT_LEASE_SECONDS must be a whole number of seconds from 1 to 86400, was \""
                                        + seconds + "\"",
                                e);
                    }
                })
                .orElse(DEFAULT_LEASE);
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
