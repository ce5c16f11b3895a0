package dev.rapport.core.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** On which days a user receives the daily digest. */
public enum DigestDays {
    EVERYDAY,
    WEEKDAYS;

    public boolean includes(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return this == EVERYDAY || (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY);
    }

    public String describe() {
        return this == EVERYDAY ? "every day" : "weekdays";
    }
}
