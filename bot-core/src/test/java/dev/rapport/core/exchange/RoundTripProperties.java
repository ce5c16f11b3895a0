package dev.rapport.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.rapport.core.domain.Names;
import dev.rapport.core.exchange.ImportedPerson.Dated;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Rapport writes as vCard 4.0 or CSV reads back as the same people, notes, e-mails and dates. */
class RoundTripProperties {
    private static final int TRIES = 300;
    private static final String[] PIECES = {
        "Marc",
        "Zoë",
        "O'Brien",
        "Nguyễn",
        "Anne-Marie",
        "李",
        "Kelly",
        "\"Doc\"",
        "van der Berg",
        "Ørsted",
        "José",
        "a,b",
        "x;y",
        "re:",
        "back\\slash",
        "emoji 🎉"
    };
    private static final String[] WORDS = {
        "met",
        "at",
        "the",
        "mixer",
        "moving",
        "to",
        "Lisbon",
        "in",
        "May,",
        "loves",
        "sailing;",
        "ask:",
        "=",
        "\"quoted\"",
        "line\nbreak",
        "tab\there",
        "ünïcödé",
        "100%",
        "<b>",
        "#tag",
        "://",
        "\\n"
    };
    private static final String[] LABELS = {"birthday", "anniversary", "name day", "moved to Lisbon"};

    @Test
    void vcardKeepsEveryPersonNoteEmailAndDate() {
        qt().withExamples(TRIES).forAll(longs().all()).checkAssert(seed -> {
            List<ImportedPerson> people = people(new Random(seed));
            ContactFile.Read read = ContactFile.read("export.vcf", VcardFormat.write(people));
            assertThat(read.skipped()).isEmpty();
            assertSame(people, read.people());
        });
    }

    @Test
    void csvKeepsEveryPersonNoteEmailAndDate() {
        qt().withExamples(TRIES).forAll(longs().all()).checkAssert(seed -> {
            List<ImportedPerson> people = people(new Random(seed));
            ContactFile.Read read = ContactFile.read("export.csv", CsvFormat.write(people));
            assertThat(read.skipped()).isEmpty();
            assertSame(people, read.people());
        });
    }

    static void assertSame(List<ImportedPerson> written, List<ImportedPerson> read) {
        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            ImportedPerson w = written.get(i);
            ImportedPerson r = read.get(i);
            assertThat(r.name()).isEqualTo(w.name());
            assertThat(r.notes()).isEqualTo(w.notes());
            assertThat(r.emails()).isEqualTo(w.emails());
            assertThat(r.howMet()).isEqualTo(w.howMet());
            assertThat(r.dates()).containsExactlyInAnyOrderElementsOf(w.dates());
        }
    }

    static List<ImportedPerson> people(Random random) {
        int count = 1 + random.nextInt(6);
        List<ImportedPerson> people = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = Names.clean(phrase(random, PIECES, 1 + random.nextInt(3)) + " " + i);
            if (!names.add(Names.fold(name))) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                notes.add(phrase(random, WORDS, 1 + random.nextInt(8)).strip());
            }
            notes.removeIf(String::isBlank);
            List<String> emails = new ArrayList<>();
            for (int e = random.nextInt(3); e > 0; e--) {
                emails.add("p" + i + "." + e + "@example.org");
            }
            List<Dated> dates = new ArrayList<>();
            for (String label : LABELS) {
                if (random.nextInt(3) == 0) {
                    int month = 1 + random.nextInt(12);
                    int day =
                            1 + random.nextInt(MonthDay.of(month, 1).getMonth().maxLength());
                    Optional<Integer> year =
                            random.nextBoolean() ? Optional.empty() : Optional.of(1950 + random.nextInt(70));
                    MonthDay monthDay = MonthDay.of(month, day);
                    if (year.isPresent() && !monthDay.isValidYear(year.get())) {
                        year = Optional.empty();
                    }
                    dates.add(new Dated(label, monthDay, year));
                }
            }
            Optional<String> howMet = random.nextBoolean()
                    ? Optional.empty()
                    : Optional.of(phrase(random, WORDS, 1 + random.nextInt(5)).strip())
                            .filter(s -> !s.isBlank());
            people.add(new ImportedPerson(i + 1, name, Optional.empty(), emails, howMet, notes, dates));
        }
        return people;
    }

    private static String phrase(Random random, String[] words, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(words[random.nextInt(words.length)]);
        }
        return String.join(" ", picked);
    }
}
