package dev.rapport.core.api;

import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.AccountLinks;
import dev.rapport.core.port.Transactor;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Section;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the user behind a requester, creating them on first contact with the time zone their platform gave, then
 * runs the work waiting for their arrival ({@link Arrival}s), each in its own transaction. An account linked to
 * another (issue 12) arrives as the primary account it is linked to, so every owner-scoped read and write of the
 * request is the person's one circle.
 */
public final class Onboarding {
    private final Clock clock;
    private final UserStore users;
    private final Transactor transactor;
    private final AccountLinks links;
    private final List<Arrival> arrivals;

    public Onboarding(Clock clock, UserStore users, Transactor transactor, AccountLinks links, List<Arrival> arrivals) {
        this.clock = clock;
        this.users = users;
        this.transactor = transactor;
        this.links = links;
        this.arrivals = List.copyOf(arrivals);
    }

    /** The user and what they should be told about their arrival. */
    public record Arrived(User user, boolean firstTime, List<Section> notices) {
        public Arrived {
            notices = List.copyOf(notices);
        }
    }

    public Arrived arrive(Requester from) {
        boolean firstTime = users.find(from.key()).isEmpty();
        Instant now = clock.instant();
        User user = findOrCreate(from, now);
        List<Section> told = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            told.addAll(transactor.inTransaction(() -> arrival.arrived(user, firstTime, now)));
        }
        return new Arrived(user, firstTime, told);
    }

    /** The user a requester who has used Rapport before stands for (their primary account if linked). */
    public Optional<User> existing(Requester from) {
        return users.find(from.key()).map(this::resolved);
    }

    /** The primary account an account is linked to, or the account itself. */
    private User resolved(User account) {
        return links.primaryOf(account.id()).flatMap(users::byId).orElse(account);
    }

    private User findOrCreate(Requester from, Instant now) {
        Settings initial = Settings.defaults(
                from.platformZone().orElse(ZoneId.of("UTC")),
                from.platformZone().isPresent());
        User user = resolved(users.findOrCreate(from.key(), from.displayName(), initial, now));
        // A linked primary that never learnt its zone takes the one this platform gives (Slack's, for a Discord one).
        if (!user.settings().zoneChosen() && from.platformZone().isPresent()) {
            Settings zoned = user.settings().withZone(from.platformZone().get());
            users.saveSettings(user.id(), zoned);
            user = user.withSettings(zoned);
        }
        return user;
    }
}
