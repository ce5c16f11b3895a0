package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image that `package` builds (target/jib-image.tar, by Jib over deploy/image/runtime.sh): its config says
 * how it runs, and its layers, unpacked, really run Rapport as the non-root user with /data as its home — the way a
 * container engine would start it (own mount and PID namespaces, /proc mounted, chroot into the image's root).
 */
class ContainerImageIT {
    private static final Path TAR = Path.of("target/jib-image.tar");

    @TempDir
    static Path work;

    static JsonObject config;
    static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        Path outer = work.resolve("tar");
        Files.createDirectories(outer);
        run(List.of("tar", "-xf", TAR.toAbsolutePath().toString(), "-C", outer.toString()), "");
        JsonArray manifest = JsonParser.parseString(Files.readString(outer.resolve("manifest.json")))
                .getAsJsonArray();
        JsonObject image = manifest.get(0).getAsJsonObject();
        config = JsonParser.parseString(
                        Files.readString(outer.resolve(image.get("Config").getAsString())))
                .getAsJsonObject()
                .getAsJsonObject("config");
        root = work.resolve("root");
        Files.createDirectories(root);
        for (var layer : image.getAsJsonArray("Layers")) {
            run(List.of("tar", "-xzf", outer.resolve(layer.getAsString()).toString(), "-C", root.toString()), "");
        }
    }

    @Test
    void theConfigRunsRapportAsANonRootUserWithDataAsItsVolume() {
        assertThat(config.getAsJsonArray("Entrypoint").toString())
                .startsWith("[\"/opt/java/bin/java\"")
                .endsWith("\"dev.rapport.app.Main\"]");
        assertThat(config.get("User").getAsString()).isEqualTo("10001:10001");
        assertThat(config.getAsJsonObject("ExposedPorts").keySet()).contains("3000/tcp");
        assertThat(config.getAsJsonObject("Volumes").keySet()).containsExactly("/data");
        assertThat(config.get("WorkingDir").getAsString()).isEqualTo("/data");
        assertThat(config.getAsJsonArray("Env").toString())
                .contains("RAPPORT_DB=/data/rapport.db")
                .contains("RAPPORT_BACKUP_DIR=/data/backups");
    }

    @Test
    void theUnpackedImageRunsTheConsoleAsTheRapportUserAndKeepsItsDatabaseInData() throws Exception {
        // GIVEN the image's root, started as a container engine would: its entrypoint, its user, its environment
        List<String> entrypoint = new ArrayList<>();
        config.getAsJsonArray("Entrypoint").forEach(arg -> entrypoint.add(arg.getAsString()));
        StringBuilder env = new StringBuilder();
        config.getAsJsonArray("Env")
                .forEach(e -> env.append(" '").append(e.getAsString()).append("'"));
        // (the host's env and chroot set the environment and user, then exec the image's own java: the image has no
        // shell)
        String inside =
                "mount -t proc proc " + root + "/proc && exec env -i" + env + " \"$(command -v chroot)\" --userspec="
                        + config.get("User").getAsString() + " " + root + " " + String.join(" ", entrypoint);

        // WHEN a console session is piped into it (no platform credentials)
        String out = run(
                List.of("unshare", "--mount", "--pid", "--fork", "sh", "-c", inside),
                "/remember Marc Kelly: met at the SYPE mixer\n/contact marc\n");

        // THEN Rapport answered, and wrote its database in /data as the rapport user
        assertThat(out).contains("You now know 1 thing about Marc Kelly").contains("met at the SYPE mixer");
        Path db = root.resolve("data/rapport.db");
        assertThat(db).exists();
        PosixFileAttributes attributes = Files.readAttributes(db, PosixFileAttributes.class);
        assertThat(attributes.owner().getName()).isIn("10001", "rapport");
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("finished: " + command)
                .isTrue();
        assertThat(process.exitValue()).as(command + " said:\n" + out).isZero();
        return out;
    }
}
