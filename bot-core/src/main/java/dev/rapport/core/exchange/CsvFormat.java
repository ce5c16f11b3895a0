package dev.rapport.core.exchange;

import dev.rapport.core.domain.Names;
import dev.rapport.core.exchange.ContactFile.Read;
import dev.rapport.core.exchange.ContactFile.Skipped;
import dev.rapport.core.exchange.ImportedPerson.Dated;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV through Commons CSV: Google Contacts (old and new headers), LinkedIn's Connections.csv (whose notes lines come
 * before the header), and any CSV whose header names at least {@code name} (or first and last name).
 */
public final class CsvFormat {
    private static final Pattern EMAIL_VALUE = Pattern.compile("e-?mail( address)?( \\d+)?( - value)?");
    private static final Pattern GOOGLE_SEPARATOR = Pattern.compile("\\s*:::\\s*");
    private static final DateTimeFormatter SAID = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    static final List<String> HEADER = List.of("name", "email", "birthday", "how we met", "notes", "dates");

    private CsvFormat() {}

    /**
     * Reads with commas, or, when no header with a name turns up that way, with the semicolons a spreadsheet set to a
     * European locale writes (or tabs), so the same contacts read the same whichever way they were saved.
     */
    static Read read(String text) {
        ImportProblem firstProblem = null;
        for (char delimiter : new char[] {',', ';', '\t'}) {
            try {
                Read read = read(text, delimiter);
                if (read != null) {
                    return read;
                }
            } catch (ImportProblem problem) {
                firstProblem = firstProblem == null ? problem : firstProblem;
            }
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        String first = text.lines().findFirst().orElse("");
        throw new ImportProblem("That CSV has no name column: its first line is \""
                + (first.length() > 80 ? first.substring(0, 80) + "…" : first)
                + "\". Add a header line with a column called name (or First Name and Last Name).");
    }

    /** The people read with this delimiter, or null when no header names a name column. */
    private static Read read(String text, char delimiter) {
        List<ImportedPerson> people = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Columns columns = null;
        String format = "CSV";
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setTrim(true)
                .get()
                .parse(new StringReader(text))) {
            long lineBefore = 1;
            for (CSVRecord record : parser) {
                int line = (int) lineBefore;
                lineBefore = parser.getCurrentLineNumber() + 1;
                if (columns == null) {
                    columns = Columns.of(record);
                    if (columns != null) {
                        format = columns.format();
                    }
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                Optional<String> name = columns.name(record);
                if (name.isEmpty()) {
                    skipped.add(new Skipped(line, "line " + line + " has no name"));
                    continue;
                }
                people.add(columns.person(line, name.get(), record));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImportProblem("That CSV cannot be read: " + reason(e)
                    + ". Nothing was imported; export it again or fix that line.");
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ImportProblem("That CSV cannot be read: " + reason(e) + ". Nothing was imported.");
        }
        return columns == null ? null : new Read(format, people, skipped);
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "it is not well-formed CSV" : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** Where a header puts each thing Rapport reads. */
    private record Columns(
            String format,
            int name,
            int first,
            int middle,
            int last,
            List<Integer> emails,
            int notes,
            int birthday,
            int howMet,
            int connectedOn,
            int company,
            int position,
            int dates) {

        static Columns of(CSVRecord header) {
            Map<String, Integer> at = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                at.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            int name = find(at, "name", "full name", "display name", "contact name");
            int first = find(at, "first name", "given name");
            int last = find(at, "last name", "family name", "surname");
            if (name < 0 && first < 0 && last < 0) {
                return null;
            }
            List<Integer> emails = new ArrayList<>();
            at.forEach((column, index) -> {
                if (EMAIL_VALUE.matcher(column).matches()) {
                    emails.add(index);
                }
            });
            int connectedOn = find(at, "connected on");
            String format = connectedOn >= 0
                    ? "LinkedIn CSV"
                    : at.containsKey("e-mail 1 - value") || at.containsKey("given name")
                            ? "Google Contacts CSV"
                            : "CSV";
            return new Columns(
                    format,
                    name,
                    first,
                    find(at, "middle name", "additional name"),
                    last,
                    emails,
                    find(at, "notes", "note"),
                    find(at, "birthday", "bday", "date of birth"),
                    find(at, "how we met", "how met", "met"),
                    connectedOn,
                    find(at, "company", "organization name", "organization 1 - name"),
                    find(at, "position", "organization title", "organization 1 - title"),
                    find(at, "dates"));
        }

        private static int find(Map<String, Integer> at, String... names) {
            return Arrays.stream(names)
                    .filter(at::containsKey)
                    .map(at::get)
                    .findFirst()
                    .orElse(-1);
        }

        Optional<String> name(CSVRecord record) {
            String full = value(record, name);
            if (full.isBlank()) {
                full = List.of(value(record, first), value(record, middle), value(record, last)).stream()
                        .filter(part -> !part.isBlank())
                        .collect(Collectors.joining(" "));
            }
            return full.isBlank() ? Optional.empty() : Optional.of(Names.clean(full));
        }

        ImportedPerson person(int line, String name, CSVRecord record) {
            List<String> emailList = new ArrayList<>();
            for (int index : emails) {
                for (String email : GOOGLE_SEPARATOR.split(value(record, index))) {
                    if (!email.isBlank() && !emailList.contains(email.strip())) {
                        emailList.add(email.strip());
                    }
                }
            }
            List<String> noteList = new ArrayList<>();
            String note = value(record, notes);
            if (!note.isBlank()) {
                noteList.addAll(Arrays.stream(note.split("\\R\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isBlank())
                        .toList());
            }
            String works = List.of(value(record, position), value(record, company)).stream()
                    .filter(s -> !s.isBlank())
                    .collect(Collectors.joining(" at "));
            if (!works.isBlank()) {
                noteList.add(works);
            }
            Optional<String> how = Optional.of(value(record, howMet)).filter(s -> !s.isBlank());
            String connected = value(record, connectedOn);
            if (how.isEmpty() && !connected.isBlank()) {
                how = Optional.of("Connected on LinkedIn"
                        + YearlyDates.fullDate(connected)
                                .map(d -> " on " + SAID.format(d))
                                .orElse(" (" + connected + ")"));
            }
            List<Dated> dateList = new ArrayList<>();
            String bday = value(record, birthday);
            if (!bday.isBlank()) {
                YearlyDates.read("birthday", bday).ifPresent(dateList::add);
            }
            for (String entry : value(record, dates).split(";")) {
                int colon = entry.lastIndexOf(':');
                if (colon > 0) {
                    YearlyDates.read(entry.substring(0, colon).strip(), entry.substring(colon + 1))
                            .filter(d ->
                                    dateList.stream().noneMatch(o -> o.label().equals(d.label())))
                            .ifPresent(dateList::add);
                }
            }
            return new ImportedPerson(line, name, Optional.empty(), emailList, how, noteList, dateList);
        }

        private static String value(CSVRecord record, int index) {
            return index >= 0 && index < record.size() ? record.get(index).strip() : "";
        }
    }

    /** Writes people as a plain CSV with a {@code name} header, which {@link #read} reads back. */
    public static String write(List<ImportedPerson> people) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(HEADER);
            for (ImportedPerson person : people) {
                printer.printRecord(
                        person.name(),
                        String.join(" ::: ", person.emails()),
                        person.dates().stream()
                                .filter(d -> d.label().equals("birthday"))
                                .findFirst()
                                .map(CsvFormat::iso)
                                .orElse(""),
                        person.howMet().orElse(""),
                        String.join("\n\n", person.notes()),
                        person.dates().stream()
                                .filter(d -> !d.label().equals("birthday"))
                                .map(d -> d.label() + ": " + iso(d))
                                .collect(Collectors.joining("; ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String iso(Dated date) {
        return date.year()
                .map(y -> LocalDate.of(y, date.day().getMonth(), date.day().getDayOfMonth())
                        .toString())
                .orElse(String.format(
                        "--%02d-%02d", date.day().getMonthValue(), date.day().getDayOfMonth()));
    }
}
