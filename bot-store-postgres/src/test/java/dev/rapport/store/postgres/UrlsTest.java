package dev.rapport.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void aShownUrlKeepsWhereButNeverWhoOrThePassword() {
        assertThat(Urls.withoutSecrets("jdbc:postgresql://db:5432/rapport?user=ops&password=s3cr%26t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/rapport?user=…&password=…&ssl=true")
                .doesNotContain("s3cr")
                .doesNotContain("ops");
        assertThat(Urls.withoutSecrets("jdbc:postgresql://ops:hunter2@db/rapport"))
                .isEqualTo("jdbc:postgresql://db/rapport");
        assertThat(Urls.withoutSecrets("jdbc:postgresql://db/rapport?PASSWORD=x"))
                .doesNotContain("=x");
    }

    @Test
    void onlyAJdbcPostgresqlUrlIsPostgres() {
        assertThat(Urls.isPostgres("jdbc:postgresql://db/rapport")).isTrue();
        assertThat(Urls.isPostgres("./data/rapport.db")).isFalse();
        assertThat(Urls.isPostgres("postgresql.db")).isFalse();
    }
}
