package dev.rapport.core.exchange;

import dev.rapport.core.domain.Names;
import dev.rapport.core.exchange.ContactFile.Read;
import dev.rapport.core.exchange.ContactFile.Skipped;
import dev.rapport.core.exchange.ImportedPerson.Dated;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Anniversary;
import ezvcard.property.Birthday;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.util.PartialDate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.MonthDay;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** vCard 2.1, 3.0 and 4.0 through ez-vcard: names, e-mails, notes, birthdays and anniversaries; photos ignored. */
public final class VcardFormat {
    // ez-vcard's warning for a line it could not read at all ("Skipped. … The entire line is: …").
    private static final int MALFORMED_LINE = 27;
    static final String HOW_MET = "X-RAPPORT-HOW-MET";
    static final String PLATFORM_ID = "X-RAPPORT-PLATFORM-ID";
    static final String YEARLY = "X-RAPPORT-YEARLY";

    private VcardFormat() {}

    static Read read(String text) {
        List<ImportedPerson> people = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int cards = 0;
        try (VCardReader reader = new VCardReader(text)) {
            VCard card;
            while ((card = reader.readNext()) != null) {
                cards++;
                for (ParseWarning warning : reader.getWarnings()) {
                    if (warning.getCode() != null && warning.getCode() == MALFORMED_LINE) {
                        throw new ImportProblem("Line " + warning.getLineNumber() + " of the file is not a vCard"
                                + " line (a property, a colon, a value). Nothing was imported; fix that line or"
                                + " export the file again.");
                    }
                }
                Optional<String> name = name(card);
                if (name.isEmpty()) {
                    skipped.add(new Skipped(cards, "card " + cards + " has no name"));
                    continue;
                }
                people.add(new ImportedPerson(
                        cards,
                        name.get(),
                        raw(card, PLATFORM_ID).findFirst(),
                        card.getEmails().stream()
                                .map(Email::getValue)
                                .filter(v -> v != null && !v.isBlank())
                                .map(String::strip)
                                .toList(),
                        raw(card, HOW_MET).findFirst(),
                        card.getNotes().stream()
                                .map(Note::getValue)
                                .filter(v -> v != null && !v.isBlank())
                                .map(String::strip)
                                .toList(),
                        dates(card)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cards == 0) {
            throw new ImportProblem("That file has no vCards in it (no BEGIN:VCARD line).");
        }
        return new Read("vCard", people, skipped);
    }

    private static Optional<String> name(VCard card) {
        Optional<String> formatted = card.getFormattedNames().stream()
                .map(FormattedName::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
        if (formatted.isPresent()) {
            return formatted.map(Names::clean);
        }
        StructuredName n = card.getStructuredName();
        if (n == null) {
            return Optional.empty();
        }
        String joined = Stream.concat(
                        Stream.concat(n.getPrefixes().stream(), Stream.of(n.getGiven())),
                        Stream.concat(
                                Stream.concat(n.getAdditionalNames().stream(), Stream.of(n.getFamily())),
                                n.getSuffixes().stream()))
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return joined.isBlank() ? Optional.empty() : Optional.of(Names.clean(joined));
    }

    private static List<Dated> dates(VCard card) {
        List<Dated> dates = new ArrayList<>();
        for (Birthday birthday : card.getBirthdays()) {
            date("birthday", birthday).ifPresent(dates::add);
        }
        for (Anniversary anniversary : card.getAnniversaries()) {
            date("anniversary", anniversary).ifPresent(dates::add);
        }
        raw(card, YEARLY).forEach(value -> {
            int colon = value.lastIndexOf(':');
            if (colon > 0) {
                YearlyDates.read(value.substring(0, colon).strip(), value.substring(colon + 1))
                        .ifPresent(dates::add);
            }
        });
        // One date per label, the first written.
        List<Dated> unique = new ArrayList<>();
        for (Dated date : dates) {
            if (unique.stream().noneMatch(d -> d.label().equals(date.label()))) {
                unique.add(date);
            }
        }
        return unique;
    }

    private static Optional<Dated> date(String label, DateOrTimeProperty property) {
        boolean omitYear = property.getParameter("X-APPLE-OMIT-YEAR") != null;
        Temporal temporal = property.getDate();
        if (temporal != null
                && temporal.isSupported(ChronoField.MONTH_OF_YEAR)
                && temporal.isSupported(ChronoField.DAY_OF_MONTH)) {
            MonthDay day = MonthDay.of(temporal.get(ChronoField.MONTH_OF_YEAR), temporal.get(ChronoField.DAY_OF_MONTH));
            Optional<Integer> year = temporal.isSupported(ChronoField.YEAR) && !omitYear
                    ? Optional.of(temporal.get(ChronoField.YEAR)).filter(y -> y >= 1900)
                    : Optional.empty();
            return Optional.of(new Dated(label, day, year));
        }
        PartialDate partial = property.getPartialDate();
        if (partial != null && partial.getMonth() != null && partial.getDate() != null) {
            return Optional.of(new Dated(
                    label,
                    MonthDay.of(partial.getMonth(), partial.getDate()),
                    Optional.ofNullable(partial.getYear()).filter(y -> y >= 1900 && !omitYear)));
        }
        if (property.getText() != null) {
            return YearlyDates.read(label, property.getText());
        }
        return Optional.empty();
    }

    private static Stream<String> raw(VCard card, String name) {
        return card.getExtendedProperties(name).stream()
                .map(RawProperty::getValue)
                .filter(v -> v != null && !v.isBlank())
                .map(VcardFormat::unescape);
    }

    // Rapport's own X- properties carry free text; ez-vcard passes their values through untouched, so the characters
    // a vCard line cannot hold (or would read as an escape) are percent-encoded.
    private static String escape(String value) {
        return value.replace("%", "%25")
                .replace("\\", "%5C")
                .replace("\n", "%0A")
                .replace("\r", "%0D");
    }

    private static String unescape(String value) {
        return value.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%5C", "\\")
                .replace("%25", "%");
    }

    /** Writes people as vCard 4.0: FN and N, e-mails, notes as NOTE lines, BDAY/ANNIVERSARY and other dates. */
    public static String write(List<ImportedPerson> people) {
        StringWriter out = new StringWriter();
        try (VCardWriter writer = new VCardWriter(out, VCardVersion.V4_0)) {
            writer.setAddProdId(false);
            for (ImportedPerson person : people) {
                VCard card = new VCard();
                card.setFormattedName(person.name());
                StructuredName n = new StructuredName();
                n.setGiven(person.name());
                card.setStructuredName(n);
                person.emails().forEach(card::addEmail);
                person.notes().forEach(card::addNote);
                person.howMet().ifPresent(how -> card.addExtendedProperty(HOW_MET, escape(how)));
                person.platformUserId().ifPresent(id -> card.addExtendedProperty(PLATFORM_ID, escape(id)));
                for (Dated date : person.dates()) {
                    PartialDate partial = date.year().isPresent()
                            ? PartialDate.builder()
                                    .year(date.year().get())
                                    .month(date.day().getMonthValue())
                                    .date(date.day().getDayOfMonth())
                                    .build()
                            : PartialDate.builder()
                                    .month(date.day().getMonthValue())
                                    .date(date.day().getDayOfMonth())
                                    .build();
                    switch (date.label()) {
                        case "birthday" -> card.setBirthday(new Birthday(partial));
                        case "anniversary" -> card.setAnniversary(new Anniversary(partial));
                        default ->
                            card.addExtendedProperty(
                                    YEARLY,
                                    escape(date.label()) + ": "
                                            + date.year().map(y -> y + "-").orElse("--")
                                            + String.format(
                                                    "%02d-%02d",
                                                    date.day().getMonthValue(),
                                                    date.day().getDayOfMonth()));
                    }
                }
                writer.write(card);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
