package dev.rapport.core.time;

import dev.rapport.core.domain.Cadence;
import java.time.LocalDate;
import java.util.Objects;

/** A follow-up moment: a single date, or a keep-in-touch rhythm. */
public sealed interface When permits When.On, When.Every {

    /** Due once, on this date. */
    record On(LocalDate date) implements When {
        public On {
            Objects.requireNonNull(date, "date");
        }
    }

    /** Due again and again, following this rhythm. */
    record Every(Cadence cadence) implements When {
        public Every {
            Objects.requireNonNull(cadence, "cadence");
        }
    }
}
