package dev.rapport.core.assembly;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.NoticeBoard;
import dev.rapport.core.api.Onboarding;
import dev.rapport.core.api.Rapport;
import dev.rapport.core.capture.Captures;
import dev.rapport.core.command.ChosenContact;
import dev.rapport.core.command.CircleCommand;
import dev.rapport.core.command.ContactCommand;
import dev.rapport.core.command.ExportCommand;
import dev.rapport.core.command.FollowUpCommand;
import dev.rapport.core.command.ForgetCommand;
import dev.rapport.core.command.HelpCommand;
import dev.rapport.core.command.OpenContactCommand;
import dev.rapport.core.command.RememberCommand;
import dev.rapport.core.command.SettingsCommand;
import dev.rapport.core.command.TodayCommand;
import dev.rapport.core.command.Welcome;
import dev.rapport.core.delivery.OutboxDelivery;
import dev.rapport.core.digest.DigestPlanner;
import dev.rapport.core.digest.DigestScheduler;
import dev.rapport.core.digest.UndeliveredDigestNotice;
import dev.rapport.core.exchange.CalendarFeed;
import dev.rapport.core.exchange.CalendarSettings;
import dev.rapport.core.exchange.ExportFormats;
import dev.rapport.core.exchange.Exports;
import dev.rapport.core.exchange.ImportCommand;
import dev.rapport.core.exchange.Importer;
import dev.rapport.core.exchange.NoteDates;
import dev.rapport.core.inbox.InboxWorkers;
import dev.rapport.core.inbox.UnfinishedRequests;
import dev.rapport.core.install.InstallStates;
import dev.rapport.core.install.Installations;
import dev.rapport.core.install.TokenCipher;
import dev.rapport.core.intro.IntroCheckIns;
import dev.rapport.core.intro.IntroCommand;
import dev.rapport.core.intro.IntroContacts;
import dev.rapport.core.intro.IntroRounds;
import dev.rapport.core.intro.IntroducedContacts;
import dev.rapport.core.intro.RoundAnswers;
import dev.rapport.core.intro.RoundsCommand;
import dev.rapport.core.link.AccountLinking;
import dev.rapport.core.people.ContactContext;
import dev.rapport.core.people.Corrections;
import dev.rapport.core.people.InTouch;
import dev.rapport.core.people.People;
import dev.rapport.core.port.ChannelMembers;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DmChannels;
import dev.rapport.core.port.PlatformPauses;
import dev.rapport.core.port.Storage;
import dev.rapport.core.port.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Core's composition root: every handler, notice and scheduler built once, by hand, from one {@link Storage}.
 * The front door comes first (adapters need it to start); the schedulers follow once the adapters' messengers exist.
 */
public final class CoreAssembly {
    private final Clock clock;
    private final Storage storage;
    private final Telemetry telemetry;
    private final Rapport rapport;
    private final String instance;
    private final Duration lease;

    private final CalendarFeed calendarFeed;

    private CoreAssembly(
            Clock clock,
            Storage storage,
            Optional<String> publicUrl,
            Telemetry telemetry,
            String instance,
            Duration lease) {
        this.clock = clock;
        this.instance = instance;
        this.lease = lease;
        this.storage = storage;
        this.telemetry = telemetry;
        People people = new People(storage.contacts(), storage.choices());
        Corrections corrections = new Corrections(storage.contacts(), storage.notes(), storage.followUps());
        ContactContext context = new ContactContext(storage.notes());
        InTouch inTouch = new InTouch(storage.contacts(), storage.notes(), storage.followUps());
        IntroContacts introContacts = new IntroContacts(storage.contacts());
        IntroCheckIns checkIns = new IntroCheckIns(storage.intros());
        DigestPlanner planner = new DigestPlanner(
                storage.contacts(),
                storage.followUps(),
                context,
                storage.intros()::checkInsDue,
                owner -> storage.digestReads()
                        .yearlyDates(java.util.Set.of(owner))
                        .getOrDefault(owner, List.of()));

        UndeliveredDigestNotice undelivered = new UndeliveredDigestNotice(storage.users(), planner);
        NoteDates noteDates = new NoteDates(storage.contacts(), storage.yearlyDates(), storage.followUps());
        RememberCommand remember =
                new RememberCommand(people, storage.contacts(), storage.notes(), corrections, Optional.of(noteDates));
        FollowUpCommand followUp = new FollowUpCommand(
                people, storage.contacts(), storage.notes(), storage.followUps(), context, inTouch, corrections);
        ForgetCommand forget = new ForgetCommand(people, storage.contacts());
        IntroCommand intro = new IntroCommand(
                storage.intros(), storage.notes(), introContacts, new RoundsCommand(storage.rounds()), checkIns);
        Exports exports = new Exports(
                storage.contacts(), storage.notes(), storage.followUps(), storage.emails(), storage.yearlyDates());
        this.calendarFeed = new CalendarFeed(clock, storage.users(), storage.calendarFeeds(), exports);
        ImportCommand importing = new ImportCommand(
                new Importer(storage.contacts(), storage.notes(), storage.emails(), storage.yearlyDates()),
                storage.pendingImports());
        RoundAnswers roundAnswers = new RoundAnswers(storage.rounds(), storage.notes(), introContacts, inTouch);

        SettingsCommand settings = new SettingsCommand(
                storage.users(),
                Optional.of(new CalendarSettings(calendarFeed, storage.yearlyDates(), publicUrl)),
                Optional.of(new AccountLinking(storage.users(), storage.contacts(), storage.links())));
        ContactCommand contact =
                new ContactCommand(people, storage.notes(), storage.followUps(), corrections, storage.yearlyDates());
        List<CommandHandler> commands = List.of(
                remember,
                followUp,
                contact,
                new OpenContactCommand(people, contact),
                new CircleCommand(storage.contacts(), storage.notes(), storage.followUps()),
                new TodayCommand(planner, undelivered),
                settings,
                forget,
                new ExportCommand(
                        storage.contacts(),
                        storage.notes(),
                        storage.followUps(),
                        Optional.of(new ExportFormats(exports))),
                new HelpCommand(),
                intro,
                importing);
        ChosenContact chosen = new ChosenContact(storage.contacts(), storage.choices(), commands);
        this.rapport = new Rapport(
                clock,
                storage.users(),
                storage.contacts(),
                storage.transactor(),
                commands,
                List.of(
                        remember,
                        followUp,
                        forget,
                        intro,
                        checkIns,
                        roundAnswers,
                        importing,
                        noteDates,
                        chosen,
                        settings),
                List.of(importing),
                new Onboarding(
                        clock,
                        storage.users(),
                        storage.transactor(),
                        storage.links(),
                        List.of(new IntroducedContacts(storage.intros(), storage.notes(), introContacts))),
                new NoticeBoard(
                        storage.users(),
                        Optional.of(storage.links()),
                        List.of(new Welcome(), undelivered, new UnfinishedRequests(clock, storage.inbox()))),
                telemetry,
                Optional.of(new Captures(people, storage.contacts(), storage.notes(), storage.followUps())));
    }

    /** The instance name of a Rapport that runs alone on its database. */
    public static final String ALONE = "rapport";

    /** Core over one storage: the front door at once, the schedulers on demand. */
    public static CoreAssembly over(Clock clock, Storage storage) {
        return new CoreAssembly(clock, storage, Optional.empty(), Telemetry.NONE, ALONE, OutboxDelivery.LEASE);
    }

    /** Core over one storage, at a public address (RAPPORT_PUBLIC_URL) that private calendar links are made on. */
    public static CoreAssembly over(Clock clock, Storage storage, Optional<String> publicUrl) {
        return new CoreAssembly(clock, storage, publicUrl, Telemetry.NONE, ALONE, OutboxDelivery.LEASE);
    }

    /** Core telling {@code telemetry} about every command and message. */
    public static CoreAssembly over(Clock clock, Storage storage, Telemetry telemetry) {
        return new CoreAssembly(clock, storage, Optional.empty(), telemetry, ALONE, OutboxDelivery.LEASE);
    }

    /**
     * Core over a storage that other instances share: {@code instance} names this one as the holder of the outbox
     * rows, inbox rows and jobs it takes, and must differ from every other instance's name.
     */
    public static CoreAssembly over(Clock clock, Storage storage, String instance) {
        return new CoreAssembly(clock, storage, Optional.empty(), Telemetry.NONE, instance, OutboxDelivery.LEASE);
    }

    /** Everything: a public address, an operator's metrics, and this instance's name among others on the database. */
    public static CoreAssembly over(
            Clock clock, Storage storage, Optional<String> publicUrl, Telemetry telemetry, String instance) {
        return new CoreAssembly(clock, storage, publicUrl, telemetry, instance, OutboxDelivery.LEASE);
    }

    /**
     * As above, with how long this instance holds the outbox rows, inbox rows and jobs it takes
     * (RAPPORT_LEASE_SECONDS): a dead instance's are taken over by another once that long has passed.
     */
    public static CoreAssembly over(
            Clock clock,
            Storage storage,
            Optional<String> publicUrl,
            Telemetry telemetry,
            String instance,
            Duration lease) {
        return new CoreAssembly(clock, storage, publicUrl, telemetry, instance, lease);
    }

    /** The private calendar feeds, for the HTTP route that serves {@code /calendar/<token>.ics}. */
    public CalendarFeed calendarFeed() {
        return calendarFeed;
    }

    /** The front door every adapter talks to. */
    public Rapport rapport() {
        return rapport;
    }

    /**
     * The inbox's workers: adapters write each request down through them before acknowledging it, and
     * {@code threads} workers run the rows (one user's in order) once {@link InboxWorkers#start} is called. They
     * claim rows under this instance's name, so instances sharing the inbox never run one row twice.
     */
    public InboxWorkers inbox(int threads) {
        return new InboxWorkers(clock, storage.inbox(), rapport, instance, threads, lease);
    }

    /**
     * The delivery that digests and round messages share, with the platform pauses kept in the database, so that
     * one platform's pause holds for both and for every instance on the database.
     */
    public OutboxDelivery delivery(List<DirectMessenger> messengers) {
        return delivery(messengers, storage.pauses());
    }

    public OutboxDelivery delivery(List<DirectMessenger> messengers, PlatformPauses pauses) {
        return new OutboxDelivery(clock, messengers, pauses, storage.transactor(), instance, telemetry, lease);
    }

    /** The daily digest, sent through {@code delivery} with up to {@code parallelSends} in flight. */
    /** Each person's DM channel, as the platforms' messengers keep them. */
    public DmChannels dmChannels() {
        return storage.dmChannels();
    }

    public DigestScheduler digests(OutboxDelivery delivery, int parallelSends) {
        return new DigestScheduler(
                clock,
                storage.digestOutbox(),
                storage.users(),
                storage.transactor(),
                storage.digestReads(),
                delivery,
                parallelSends);
    }

    /** Pairing rounds over the adapters' channel members, their messages sent through {@code delivery}. */
    public IntroRounds rounds(OutboxDelivery delivery, ChannelMembers members, RandomGenerator random) {
        return new IntroRounds(
                storage.rounds(),
                storage.roundOutbox(),
                storage.users(),
                storage.links(),
                storage.transactor(),
                members,
                delivery,
                random,
                storage.jobs());
    }

    /** The workspaces Rapport is installed on, their bot tokens sealed under {@code cipher}'s key. */
    public Installations installations(TokenCipher cipher) {
        return new Installations(clock, storage.installations(), storage.workspaces(), cipher);
    }

    /** The state parameters of installs under way. */
    public InstallStates installStates() {
        return new InstallStates(clock, storage.installStates());
    }
}
