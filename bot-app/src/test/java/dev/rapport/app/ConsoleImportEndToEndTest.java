package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.exchange.Fixtures;
import java.io.RandomAccessFile;
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

    @Test
    void aLargeImportPrintsAProgressLineAtEachStepThenTheResult() throws Exception {
        Path file = folder.resolve("phone.vcf");
        Files.write(file, Fixtures.cards(2_000));

        ConsoleEndToEndTest.Run preview = rapport("dana", "/import " + file + "\n");
        Matcher confirm = CONFIRM.matcher(preview.out());
        assertThat(confirm.find()).as(preview.out()).isTrue();
        ConsoleEndToEndTest.Run done = rapport("dana", confirm.group(1) + "\n/circle\n");

        String out = done.out();
        assertThat(out)
                .contains("Importing 2000 people from phone.vcf…\n")
                .contains("Importing 2000 people from phone.vcf… 500 of 2000 done.\n")
                .contains("Importing 2000 people from phone.vcf… 1000 of 2000 done.\n")
                .contains("Importing 2000 people from phone.vcf… 1500 of 2000 done.\n")
                .contains("Your circle — 2000 people");
        // in order: the start, each step, then the result
        assertThat(out.indexOf("Importing 2000 people from phone.vcf…\n"))
                .isLessThan(out.indexOf("500 of 2000 done."))
                .isLessThan(out.indexOf("1500 of 2000 done."));
        assertThat(out.indexOf("1500 of 2000 done.")).isLessThan(out.indexOf("Imported 2000 people from phone.vcf"));
    }

    @Test
    void aFileOverTheLimitIsRefusedByItsSizeAndNothingIsWritten() throws Exception {
        // GIVEN a 50 MB file (sparse: nothing of it is written to the disk)
        Path file = folder.resolve("everyone.vcf");
        try (RandomAccessFile big = new RandomAccessFile(file.toFile(), "rw")) {
            big.setLength(50L * 1024 * 1024);
        }

        ConsoleEndToEndTest.Run run = rapport("dana", "/import " + file + "\n/circle\n");

        assertThat(run.out())
                .contains("everyone.vcf: That file is more than 5 MB")
                .contains("Your circle is empty")
                .doesNotContain("Import preview")
                .doesNotContain("Something went wrong");
    }
}
