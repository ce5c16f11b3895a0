package dev.rapport.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.exchange.ImportedPerson.Dated;
import java.nio.charset.StandardCharsets;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading real-shaped exports: a phone's vCards, Monica's, Google's and LinkedIn's CSVs, a plain CSV, bad files. */
class ContactFileTest {
    static ContactFile.Read read(String fixture) {
        return ContactFile.read(fixture, ContactFile.text(Fixtures.bytes(fixture)));
    }

    static ImportedPerson person(ContactFile.Read read, String name) {
        return read.people().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + read.people()));
    }

    @Test
    void aPhonesVcardsAreReadWithFoldedLinesPhotosIgnoredAndBirthdaysWithoutAYear() {
        ContactFile.Read read = read("phone.vcf");

        assertThat(read.format()).isEqualTo("vCard");
        assertThat(read.people())
                .extracting(ImportedPerson::name)
                .containsExactly("Marc Kelly", "Dr. Ngozi Okafor", "Jürgen Müller");
        ImportedPerson marc = person(read, "Marc Kelly");
        assertThat(marc.notes())
                .containsExactly(
                        "Met at the SYPE mixer. Moving to Lisbon in May and looking for a sailing club there.");
        assertThat(marc.emails()).containsExactly("marc.kelly@example.com");
        assertThat(marc.dates()).containsExactly(new Dated("birthday", MonthDay.of(3, 12), Optional.empty()));
        ImportedPerson ngozi = person(read, "Dr. Ngozi Okafor");
        assertThat(ngozi.emails()).containsExactly("ngozi@example.org", "n.okafor@clinic.example");
        assertThat(ngozi.dates()).containsExactly(new Dated("birthday", MonthDay.of(7, 4), Optional.of(1988)));
        assertThat(person(read, "Jürgen Müller").notes())
                .containsExactly("Knows everyone in the Berlin climbing scene");
        assertThat(read.skipped()).extracting(ContactFile.Skipped::reason).containsExactly("card 4 has no name");
    }

    @Test
    void monicasVcardsKeepEveryNoteAndDatesWithAndWithoutYears() {
        ContactFile.Read read = read("monica.vcf");

        ImportedPerson priya = person(read, "Priya Raman");
        assertThat(priya.notes())
                .containsExactly("Introduced by Marc at the climbing gym", "Training for the Lisbon half marathon");
        assertThat(priya.dates()).containsExactly(new Dated("birthday", MonthDay.of(9, 21), Optional.empty()));
        assertThat(person(read, "Tomás Ortega").dates())
                .containsExactly(
                        new Dated("birthday", MonthDay.of(2, 28), Optional.of(1979)),
                        new Dated("anniversary", MonthDay.of(6, 12), Optional.of(2010)));
    }

    @Test
    void googleContactsCsvGivesNamesEveryEmailNotesAndBirthdays() {
        ContactFile.Read read = read("google.csv");

        assertThat(read.format()).isEqualTo("Google Contacts CSV");
        ImportedPerson aisha = person(read, "Aisha Bello");
        assertThat(aisha.emails()).containsExactly("aisha.bello@example.com", "aisha@northwind.example");
        assertThat(aisha.notes())
                .containsExactly(
                        "Met at Web Summit.", "Wants intros to climate founders.", "Product lead at Northwind");
        assertThat(aisha.dates()).containsExactly(new Dated("birthday", MonthDay.of(11, 2), Optional.of(1991)));
        assertThat(person(read, "Chen Wei").dates())
                .containsExactly(new Dated("birthday", MonthDay.of(5, 17), Optional.empty()));
        assertThat(read.skipped()).extracting(ContactFile.Skipped::reason).containsExactly("line 6 has no name");
    }

    @Test
    void linkedInsNotesLinesAreSkippedAndConnectedOnBecomesHowWeMet() {
        ContactFile.Read read = read("linkedin.csv");

        assertThat(read.format()).isEqualTo("LinkedIn CSV");
        assertThat(read.people())
                .extracting(ImportedPerson::name)
                .containsExactly("Sofia Lindqvist", "Kwame Mensah", "Marc Kelly");
        ImportedPerson sofia = person(read, "Sofia Lindqvist");
        assertThat(sofia.howMet()).contains("Connected on LinkedIn on 12 March 2021");
        assertThat(sofia.notes()).containsExactly("Staff Engineer at Spotify");
        assertThat(person(read, "Kwame Mensah").emails()).containsExactly("kwame@example.com");
        assertThat(person(read, "Kwame Mensah").line()).isEqualTo(6);
    }

    @Test
    void aPlainCsvNeedsOnlyANameColumn() {
        ContactFile.Read read = read("plain.csv");

        assertThat(read.people()).extracting(ImportedPerson::name).containsExactly("Lena Fischer", "Oyelaran, Bisi");
        assertThat(person(read, "Lena Fischer").dates())
                .containsExactly(new Dated("birthday", MonthDay.of(2, 14), Optional.empty()));
    }

    @Test
    void aCsvSavedWithSemicolonsOrTabsReadsAsWithCommas() {
        String semicolons =
                "Name;E-mail;Notes\r\n\"Berg; Karl\";karl@example.se;\"Sails, every summer\"\r\nJuni Aho;;\r\n";
        String tabs = "name\temail\nTeo Ruiz\tteo@example.es\n";

        ContactFile.Read bySemicolons = ContactFile.read("contacts.csv", semicolons);
        ContactFile.Read byTabs = ContactFile.read("contacts.csv", tabs);

        assertThat(bySemicolons.people()).extracting(ImportedPerson::name).containsExactly("Berg; Karl", "Juni Aho");
        assertThat(person(bySemicolons, "Berg; Karl").emails()).containsExactly("karl@example.se");
        assertThat(person(bySemicolons, "Berg; Karl").notes()).containsExactly("Sails, every summer");
        assertThat(byTabs.people()).extracting(ImportedPerson::name).containsExactly("Teo Ruiz");
        assertThatThrownBy(() -> ContactFile.read("contacts.csv", "email;phone\na@b.c;1\n"))
                .isInstanceOf(ImportProblem.class)
                .hasMessageContaining("no name column")
                .hasMessageContaining("\"email;phone\"");
    }

    @Test
    void aBrokenVcardLineIsNamedAndNothingIsRead() {
        assertThatThrownBy(() -> read("broken.vcf"))
                .isInstanceOf(ImportProblem.class)
                .hasMessageStartingWith("Line 8 of the file is not a vCard line");
    }

    @Test
    void aCsvWithoutANameColumnSaysWhatItHas() {
        assertThatThrownBy(() -> read("no-name.csv"))
                .isInstanceOf(ImportProblem.class)
                .hasMessageContaining("no name column")
                .hasMessageContaining("\"email,phone\"");
    }

    @Test
    void binaryTooBigEmptyAndNonUtf8FilesAreRefusedWithTheReason() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};
        assertThatThrownBy(() -> ContactFile.text(png)).hasMessageContaining("not text");
        byte[] huge = new byte[ContactFile.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThatThrownBy(() -> ContactFile.text(huge)).hasMessageContaining("up to 5 MB");
        assertThatThrownBy(() -> ContactFile.text(new byte[0])).hasMessageContaining("empty");
        byte[] latin1 = "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ContactFile.text(latin1)).hasMessageContaining("not UTF-8");
    }

    @Test
    void aVcardFileWithoutCardsSaysSo() {
        assertThatThrownBy(() -> ContactFile.read("empty.vcf", "hello\n")).hasMessageContaining("no vCards");
    }

    @Test
    void yearlyDatesAreReadAsPeopleAndFilesWriteThem() {
        for (String text : List.of("12 March", "march 12", "12th of March", "Mar 12", "--03-12", "--0312")) {
            assertThat(YearlyDates.read("birthday", text))
                    .as(text)
                    .contains(new Dated("birthday", MonthDay.of(3, 12), Optional.empty()));
        }
        assertThat(YearlyDates.read("b", "12 March 1990"))
                .contains(new Dated("b", MonthDay.of(3, 12), Optional.of(1990)));
        assertThat(YearlyDates.read("b", "1990-03-12")).contains(new Dated("b", MonthDay.of(3, 12), Optional.of(1990)));
        assertThat(YearlyDates.read("b", "29 February")).contains(new Dated("b", MonthDay.of(2, 29), Optional.empty()));
        for (String bad : List.of("31 February", "12 Smarch", "someday", "2021-02-29", "13/13")) {
            assertThat(YearlyDates.read("b", bad)).as(bad).isEmpty();
        }
    }
}
