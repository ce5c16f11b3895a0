package dev.rapport.store.postgres;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: without a password or user in them. */
public final class Urls {
    private static final Pattern SECRET = Pattern.compile("(?i)(password|user)=[^&]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    private Urls() {}

    public static String withoutSecrets(String jdbcUrl) {
        String shown = SECRET.matcher(jdbcUrl).replaceAll("$1=…");
        return USER_INFO.matcher(shown).replaceAll("//");
    }

    /** Whether this names a PostgreSQL database rather than a SQLite file. */
    public static boolean isPostgres(String database) {
        return database.startsWith("jdbc:postgresql:");
    }
}
