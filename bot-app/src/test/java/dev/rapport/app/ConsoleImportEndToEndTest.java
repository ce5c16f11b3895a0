package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as a user runs it: /import a file → preview → confirm (the button's command) → /circle. */
class ConsoleImportEndToEndTest {
    private static final Pattern CONFIRM = Pattern.compile("\\[Import [^\\]]+\\] (/import confirm \\d+)");

    @TempDir
    Path folder;

    ConsoleEndToEndTest.Run rapport(String user, String input) throws Exception {
        ConsoleEndToEndTest runner = new ConsoleEndToEndTest();
        runner.folder = folder;
        return runner.rapport(user, input);
    }

    @Test
    void importPreviewConfirmThenTheCircleShowsThem() throws Exception {
        Path file = folder.resolve("Connections.csv");
        Files.writeString(
                file,
                "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are"
                        + " missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                        + "Sofia,Lindqvist,https://www.linkedin.com/in/s,,Spotify,Staff Engineer,12 Mar 2021\n"
                        + "Kwame,Mensah,https://www.linkedin.com/in/k,kwame@example.com,Andela,Manager,03 Jan 2024\n",
                StandardCharsets.UTF_8);

        ConsoleEndToEndTest.Run preview = rapport("dana", "/import " + file + "\n");
        Matcher confirm = CONFIRM.matcher(preview.out());
        assertThat(confirm.find()).as(preview.out()).isTrue();
        ConsoleEndToEndTest.Run done = rapport(
                "dana",
                confirm.group(1) + "\n/circle\n/import " + file + "\n/import " + folder.resolve("nope.vcf") + "\n");

        assertThat(preview.out())
                .contains("Import preview — Connections.csv (LinkedIn CSV)")
                .contains("2 people new, 0 already in your list, 0 skipped.")
                .contains("[Cancel] /import cancel ");
        assertThat(done.out())
                .contains("Imported 2 people from Connections.csv")
                .contains("Your circle — 2 people")
                .contains("Kwame Mensah")
                .contains("Sofia Lindqvist")
                .contains("0 people new, 2 already in your list")
                .contains("There is no file at")
                .doesNotContain("Something went wrong");
    }
}
