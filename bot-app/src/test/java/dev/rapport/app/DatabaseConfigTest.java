package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    @Test
    void aJdbcPostgresqlUrlSelectsPostgresAndAnythingElseIsASqliteFile() {
        Config postgres =
                Config.of(Map.of("RAPPORT_DB", "jdbc:postgresql://db:5432/rapport", "RAPPORT_DB_USER", "ops"));
        Config sqlite = Config.of(Map.of("RAPPORT_DB", "/var/lib/rapport/rapport.db"));
        Config none = Config.of(Map.of());

        assertThat(postgres.postgresUrl()).contains("jdbc:postgresql://db:5432/rapport");
        assertThat(postgres.databaseUser()).contains("ops");
        assertThat(postgres.databasePassword()).isEmpty();
        assertThat(sqlite.postgresUrl()).isEmpty();
        assertThat(sqlite.database()).isEqualTo(Path.of("/var/lib/rapport/rapport.db"));
        assertThat(none.postgresUrl()).isEmpty();
        assertThat(none.database()).isEqualTo(Path.of("./data/rapport.db"));
    }

    @Test
    void theInstanceNameIsTheConfiguredOneOrDiffersPerProcess() {
        assertThat(Config.of(Map.of("RAPPORT_INSTANCE", "blue")).instanceName()).isEqualTo("blue");
        assertThat(Config.of(Map.of()).instanceName())
                .endsWith("-" + ProcessHandle.current().pid());
    }
}
