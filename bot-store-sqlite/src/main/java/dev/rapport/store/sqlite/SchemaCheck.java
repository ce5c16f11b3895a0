package dev.rapport.store.sqlite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether a database already has exactly the migrations this Rapport bundles, each applied with the checksum Flyway
 * gives its script: then there is nothing for Flyway to do or to refuse, and starting it (its class loading, its scan
 * and validation) is most of a second of start-up that can be skipped. Anything else (a migration to apply, a failed
 * or unknown one, a changed script) is Flyway's to handle as always.
 */
final class SchemaCheck {
    static final String LOCATION = "db/sqlite/migration";
    private static final Pattern SCRIPT = Pattern.compile("V([0-9_.]+)__.+\\.sql");

    private SchemaCheck() {}

    /** A bundled migration: its version as Flyway writes it and its checksum. */
    record Script(String version, int checksum) {}

    /** True when the history table holds every bundled migration, succeeded, unchanged, and nothing else. */
    static boolean upToDate(Connection connection, ClassLoader loader) throws SQLException {
        Map<String, Script> bundled;
        try {
            bundled = bundled(loader);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return false;
        }
        if (bundled.isEmpty()) {
            return false;
        }
        boolean hasHistory = Rows.one(
                        connection,
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'",
                        rs -> true)
                .isPresent();
        if (!hasHistory) {
            return false;
        }
        record Applied(String version, String script, Integer checksum, boolean success) {}
        List<Applied> applied = Rows.list(
                connection,
                "SELECT version, script, checksum, success FROM flyway_schema_history",
                rs -> new Applied(
                        rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getBoolean(4)));
        if (applied.size() != bundled.size()) {
            return false;
        }
        for (Applied row : applied) {
            Script script = bundled.get(row.script());
            if (!row.success()
                    || script == null
                    || !script.version().equals(row.version())
                    || row.checksum() == null
                    || row.checksum() != script.checksum()) {
                return false;
            }
        }
        return true;
    }

    /** The bundled migrations by file name. */
    static Map<String, Script> bundled(ClassLoader loader) throws IOException, URISyntaxException {
        URL folder = loader.getResource(LOCATION);
        if (folder == null) {
            return Map.of();
        }
        Map<String, Script> scripts = new HashMap<>();
        if (folder.getProtocol().equals("jar")) {
            JarURLConnection jar = (JarURLConnection) folder.openConnection();
            jar.setUseCaches(true);
            String prefix = LOCATION + "/";
            try (Stream<java.util.jar.JarEntry> entries = jar.getJarFile().stream()) {
                for (String name : entries.map(java.util.jar.JarEntry::getName)
                        .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                        .toList()) {
                    add(scripts, name.substring(prefix.length()), loader, name);
                }
            }
        } else if (folder.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    add(scripts, name, loader, LOCATION + "/" + name);
                }
            }
        } else {
            return Map.of();
        }
        return scripts;
    }

    private static void add(Map<String, Script> scripts, String name, ClassLoader loader, String resource)
            throws IOException {
        if (name.isEmpty()) {
            return;
        }
        Matcher m = SCRIPT.matcher(name);
        if (!m.matches()) {
            // Something Flyway would read another way (a repeatable or Java migration): leave it all to Flyway.
            throw new IOException("not a versioned SQL migration: " + name);
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("cannot read " + resource);
            }
            scripts.put(name, new Script(m.group(1).replace('_', '.'), checksum(in)));
        }
    }

    /** Flyway's checksum of a script: a CRC-32 of its lines, without their line ends or a leading byte order mark. */
    static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        }
        return (int) crc.getValue();
    }
}
