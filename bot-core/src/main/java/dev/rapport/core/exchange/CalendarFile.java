package dev.rapport.core.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** An iCalendar file of all-day events, written with ical4j. */
public final class CalendarFile {
    private CalendarFile() {}

    /** One day's event; a yearly one repeats every year from its day. */
    public record Event(String uid, LocalDate day, String summary, Optional<String> context, boolean yearly) {}

    public static String write(List<Event> events, Instant stamp) {
        List<CalendarComponent> components = new ArrayList<>();
        for (Event event : events) {
            List<Property> properties = new ArrayList<>();
            properties.add(new Uid(event.uid() + "@rapport"));
            properties.add(new DtStamp(stamp));
            properties.add(new DtStart<>(event.day()));
            properties.add(new DtEnd<>(event.day().plusDays(1)));
            properties.add(new Summary(event.summary()));
            event.context().ifPresent(line -> properties.add(new Description(line)));
            if (event.yearly()) {
                properties.add(new RRule<>("FREQ=YEARLY"));
            }
            components.add(new VEvent(new PropertyList(properties)));
        }
        Calendar calendar = new Calendar(
                new PropertyList(List.of(
                        new ProdId("-//Rapport//Rapport calendar//EN"),
                        ImmutableVersion.VERSION_2_0,
                        ImmutableCalScale.GREGORIAN,
                        new XProperty("X-WR-CALNAME", "Rapport"))),
                new ComponentList<>(components));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
