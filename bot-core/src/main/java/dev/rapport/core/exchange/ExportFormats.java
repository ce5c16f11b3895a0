package dev.rapport.core.exchange;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.reply.Attachment;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Wording;
import java.util.Locale;
import java.util.Optional;

/** /export's other formats: vCard 4.0 and CSV of your people, and an ICS calendar of what is coming up. */
public final class ExportFormats {
    public static final String OFFER = "Also as /export vcard (vCard 4.0) · /export csv · /export calendar (ICS)";

    private final Exports exports;

    public ExportFormats(Exports exports) {
        this.exports = exports;
    }

    /** The reply for a format other than JSON; empty for JSON (no text, or "json"), which /export writes itself. */
    public Optional<Reply> reply(Invocation invocation) {
        String format = invocation.text().strip().toLowerCase(Locale.ROOT);
        long owner = invocation.userId();
        String date = invocation.today().toString();
        return switch (format) {
            case "", "json" -> Optional.empty();
            case "vcard", "vcf", "vcards" -> {
                int count = exports.people(owner).size();
                String name = "rapport-contacts-" + date + ".vcf";
                yield Optional.of(
                        Reply.text("Your " + Wording.contacts(count) + " as vCard 4.0, notes as NOTE lines: " + name)
                                .withAttachment(new Attachment(name, "text/vcard", exports.vcard(owner))));
            }
            case "csv" -> {
                int count = exports.people(owner).size();
                String name = "rapport-contacts-" + date + ".csv";
                yield Optional.of(Reply.text("Your " + Wording.contacts(count) + " as CSV: " + name)
                        .withAttachment(new Attachment(name, "text/csv", exports.csv(owner))));
            }
            case "calendar", "ics", "ical" -> {
                String name = "rapport-calendar-" + date + ".ics";
                yield Optional.of(Reply.text("Your follow-ups, rhythm dates and yearly dates as a calendar: " + name
                                + ". For a link your calendar keeps up to date, see /settings calendar.")
                        .withAttachment(new Attachment(
                                name, "text/calendar", exports.calendar(owner, invocation.today(), invocation.now()))));
            }
            default ->
                Optional.of(Reply.error(
                        "I can export as json, vcard, csv or calendar, not \""
                                + invocation.text().strip() + "\".",
                        "/export vcard"));
        };
    }
}
