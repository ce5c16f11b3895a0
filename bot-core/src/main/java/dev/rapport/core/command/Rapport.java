package dev.rapport.core.command;

import dev.rapport.core.digest.DigestPlanner;
import dev.rapport.core.digest.UndeliveredDigestNotice;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.Settings;
import dev.rapport.core.domain.User;
import dev.rapport.core.intro.IntroCheckIns;
import dev.rapport.core.intro.IntroCommand;
import dev.rapport.core.intro.IntroducedContacts;
import dev.rapport.core.intro.RoundAnswers;
import dev.rapport.core.port.IntroStorage;
import dev.rapport.core.port.Storage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's front door: every adapter hands it {@link CommandRequest}s and {@link ActionRequest}s and renders the
 * {@link Reply}. Each request runs as one transaction; an error reply rolls back whatever it had written.
 */
public final class Rapport {
    private static final Logger log = LoggerFactory.getLogger(Rapport.class);
    /** What a user sees when a bug, not their input, stopped a command. */
    public static final String OOPS = "Something went wrong on our side, and nothing was changed. Please try again.";

    private final Clock clock;
    private final Storage storage;
    private final Map<String, CommandHandler> commands = new HashMap<>();
    private final Map<String, ActionHandler> actions = new HashMap<>();
    private final List<Notices> notices;
    private final List<Arrival> arrivals;

    public Rapport(
            Clock clock,
            Storage storage,
            List<CommandHandler> commands,
            List<ActionHandler> actions,
            List<Notices> notices) {
        this(clock, storage, commands, actions, notices, List.of());
    }

    public Rapport(
            Clock clock,
            Storage storage,
            List<CommandHandler> commands,
            List<ActionHandler> actions,
            List<Notices> notices,
            List<Arrival> arrivals) {
        this.clock = clock;
        this.storage = storage;
        commands.forEach(handler -> this.commands.put(handler.name(), handler));
        actions.forEach(handler -> handler.verbs().forEach(verb -> this.actions.put(verb, handler)));
        this.notices = List.copyOf(notices);
        this.arrivals = List.copyOf(arrivals);
    }

    /** Rapport with every standard command except /intro. */
    public static Rapport standard(Clock clock, Storage storage) {
        return standard(clock, storage, List.of(), List.of(), List.of(), (userId, date) -> List.of());
    }

    /** Rapport with every standard command, /intro and its pairing rounds included. */
    public static Rapport standard(Clock clock, Storage storage, IntroStorage intros) {
        IntroCommand intro = new IntroCommand(storage, intros);
        return standard(
                clock,
                storage,
                List.of(intro),
                List.of(intro, new IntroCheckIns(intros.intros()), new RoundAnswers(storage, intros.rounds())),
                List.of(new IntroducedContacts(storage, intros.intros())),
                intros.intros()::checkInsDue);
    }

    private static Rapport standard(
            Clock clock,
            Storage storage,
            List<CommandHandler> extraCommands,
            List<ActionHandler> extraActions,
            List<Arrival> arrivals,
            DigestPlanner.CheckInsDue checkIns) {
        People people = new People(storage.contacts());
        RememberCommand remember = new RememberCommand(people, storage.contacts(), storage.notes());
        FollowUpCommand followUp =
                new FollowUpCommand(people, storage.contacts(), storage.notes(), storage.followUps());
        ForgetCommand forget = new ForgetCommand(people, storage.contacts());
        DigestPlanner planner = new DigestPlanner(storage.contacts(), storage.followUps(), storage.notes(), checkIns);
        List<CommandHandler> commands = new ArrayList<>(List.of(
                remember,
                followUp,
                new ContactCommand(people, storage.notes(), storage.followUps()),
                new CircleCommand(storage.contacts(), storage.notes(), storage.followUps()),
                new TodayCommand(planner),
                new SettingsCommand(storage.users()),
                forget,
                new ExportCommand(storage.contacts(), storage.notes(), storage.followUps()),
                new HelpCommand()));
        commands.addAll(extraCommands);
        List<ActionHandler> actions = new ArrayList<>(List.of(remember, followUp, forget));
        actions.addAll(extraActions);
        return new Rapport(
                clock, storage, commands, actions, List.of(new UndeliveredDigestNotice(storage.users())), arrivals);
    }

    public Reply handle(CommandRequest request) {
        String name = request.command().strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        return guarded("/" + name, () -> {
            Arrived arrived = arrive(request.from());
            User user = arrived.user();
            Invocation invocation = invocation(
                            user, request.from(), request.channelId(), request.text(), request.mentionNames())
                    .withChannelRights(request.canManageChannel());
            CommandHandler handler = commands.get(name);
            Reply reply = handler == null
                    ? Reply.error("I don't know the command /" + name + ".", "/help")
                    : transactional(() -> handler.handle(invocation));
            return withNotices(user, invocation, reply, arrived.notices());
        });
    }

    public Reply act(ActionRequest request) {
        return guarded("action", () -> {
            Arrived arrived = arrive(request.from());
            User user = arrived.user();
            Invocation invocation = invocation(
                    user, request.from(), request.channelId(), request.input().orElse(""), Map.of());
            Optional<ActionId> id = ActionId.parse(request.actionId());
            ActionHandler handler = id.map(a -> actions.get(a.verb())).orElse(null);
            if (handler == null) {
                return Reply.error("That button is out of date. Try /help.");
            }
            return withNotices(
                    user,
                    invocation,
                    transactional(() -> handler.act(id.get().verb(), id.get().args(), invocation)),
                    arrived.notices());
        });
    }

    /** Contact names starting with (or containing a word starting with) the typed text, for autocomplete. */
    public List<String> suggestContacts(Requester from, String typed, int limit) {
        Optional<User> user = storage.users().find(from.key());
        if (user.isEmpty()) {
            return List.of();
        }
        String key = Names.fold(typed == null ? "" : typed);
        return storage.contacts().all(user.get().id()).stream()
                .map(Contact::name)
                .filter(name -> {
                    String folded = Names.fold(name);
                    return folded.startsWith(key) || folded.contains(" " + key);
                })
                .limit(limit)
                .toList();
    }

    /** The user behind a requester, created on first contact with the platform's time zone if it gave one. */
    public User user(Requester from) {
        return arrive(from).user();
    }

    /** The user, after the work waiting for their arrival (contacts from intros) is done. */
    private Arrived arrive(Requester from) {
        boolean firstTime = storage.users().find(from.key()).isEmpty();
        User user = createOrFind(from, clock.instant());
        List<Section> told = new ArrayList<>();
        if (firstTime && !user.settings().zoneChosen()) {
            // Asked once, on the first reply: platforms like Discord do not say where a user lives.
            told.add(Section.of("Welcome! Until you set your time zone Rapport uses UTC, so your daily reminder comes"
                    + " at 09:00 UTC. Set yours: /settings timezone Europe/Berlin"));
        }
        for (Arrival arrival : arrivals) {
            told.addAll(storage.transactor().inTransaction(() -> arrival.arrived(user, clock.instant())));
        }
        return new Arrived(user, told);
    }

    private record Arrived(User user, List<Section> notices) {}

    private User createOrFind(Requester from, Instant now) {
        Settings initial = Settings.defaults(
                from.platformZone().orElse(ZoneId.of("UTC")),
                from.platformZone().isPresent());
        User user = storage.users().findOrCreate(from.key(), from.displayName(), initial, now);
        if (!user.settings().zoneChosen() && from.platformZone().isPresent()) {
            Settings zoned = user.settings().withZone(from.platformZone().get());
            storage.users().saveSettings(user.id(), zoned);
            user = user.withSettings(zoned);
        }
        return user;
    }

    public Clock clock() {
        return clock;
    }

    /** Text as stored: an unpaired surrogate (not a character) becomes U+FFFD, so what is saved reads back the same. */
    static String wellFormed(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!paired && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(paired ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    private Invocation invocation(
            User user, Requester from, Optional<String> channelId, String text, Map<String, String> mentionNames) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, user.settings().zone());
        return new Invocation(user, today, now, from, channelId, wellFormed(text), mentionNames);
    }

    private Reply withNotices(User user, Invocation invocation, Reply reply, List<Section> arrivalNotices) {
        // A notice is private: it never rides on a post the whole channel sees.
        if (reply.visibility() != Reply.Visibility.PRIVATE) {
            return reply;
        }
        Reply result = reply;
        for (int i = arrivalNotices.size() - 1; i >= 0; i--) {
            result = result.withNotice(arrivalNotices.get(i));
        }
        for (Notices source : notices) {
            for (Section notice : source.forUser(user, invocation)) {
                result = result.withNotice(notice);
            }
        }
        return result;
    }

    private Reply transactional(Supplier<Reply> work) {
        try {
            return storage.transactor().inTransaction(() -> {
                Reply reply = work.get();
                if (reply.isError()) {
                    throw new RolledBack(reply);
                }
                return reply;
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.reply;
        }
    }

    private static Reply guarded(String what, Supplier<Reply> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            // User text stays out of the log: it is private.
            log.error("Handling {} failed", what, e);
            return Reply.error(OOPS);
        }
    }

    /** Carries an error reply out of a transaction so that its writes roll back. */
    private static final class RolledBack extends RuntimeException {
        private final transient Reply reply;

        RolledBack(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }
}
