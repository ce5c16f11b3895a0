package dev.rapport.core.api;

import dev.rapport.core.action.Action;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.domain.Names;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.Telemetry;
import dev.rapport.core.port.Transactor;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.CaptureForm;
import dev.rapport.core.reply.FilePrompt;
import dev.rapport.core.reply.Prompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import dev.rapport.core.time.TimeZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's front door: every adapter hands it {@link CommandRequest}s and {@link ActionRequest}s and renders the
 * {@link Reply}; it also answers which prompt a button asks for, names for autocomplete, and the home view. Each
 * request runs as one transaction; an error reply rolls back whatever it had written.
 */
public final class Rapport {
    private static final Logger log = LoggerFactory.getLogger(Rapport.class);

    private final Clock clock;
    private final UserStore users;
    private final ContactStore contacts;
    private final Transactor transactor;
    private final Map<String, CommandHandler> commands = new HashMap<>();
    private final Map<Class<? extends Action>, ActionHandler> actions = new HashMap<>();
    private final Map<String, UploadHandler> uploads = new HashMap<>();
    private final Onboarding onboarding;
    private final NoticeBoard notices;
    private final Telemetry telemetry;
    private final Optional<CaptureHandler> capture;

    public Rapport(
            Clock clock,
            UserStore users,
            ContactStore contacts,
            Transactor transactor,
            List<CommandHandler> commands,
            List<ActionHandler> actions,
            Onboarding onboarding,
            NoticeBoard notices) {
        this(
                clock,
                users,
                contacts,
                transactor,
                commands,
                actions,
                List.of(),
                onboarding,
                notices,
                Telemetry.NONE,
                Optional.empty());
    }

    public Rapport(
            Clock clock,
            UserStore users,
            ContactStore contacts,
            Transactor transactor,
            List<CommandHandler> commands,
            List<ActionHandler> actions,
            List<UploadHandler> uploads,
            Onboarding onboarding,
            NoticeBoard notices,
            Telemetry telemetry,
            Optional<CaptureHandler> capture) {
        uploads.forEach(handler -> this.uploads.put(handler.name(), handler));
        this.clock = clock;
        this.users = users;
        this.contacts = contacts;
        this.transactor = transactor;
        commands.forEach(handler -> this.commands.put(handler.name(), handler));
        actions.forEach(handler -> handler.actions().forEach(type -> this.actions.put(type, handler)));
        this.onboarding = onboarding;
        this.notices = notices;
        this.telemetry = telemetry;
        this.capture = capture;
    }

    public Reply handle(CommandRequest request) {
        return handle(request, () -> {});
    }

    /**
     * Handles the command and runs {@code alsoInTransaction} last in the request's one transaction, whether the
     * command succeeded or was refused (a refusal undoes only the command's own writes): the inbox marks its row
     * there, so a request that was committed is never run again, in the same commit as the request itself.
     */
    public Reply handle(CommandRequest request, Runnable alsoInTransaction) {
        return handle(request, Progress.NONE, alsoInTransaction);
    }

    /** Handles the command as {@link #handle(CommandRequest, Runnable)}, showing its progress on the way. */
    public Reply handle(CommandRequest request, Progress progress, Runnable alsoInTransaction) {
        String name = commandName(request);
        // Metrics name only the commands Rapport has, so a typo cannot grow the set of names.
        return guardedInOne(request.from(), commands.containsKey(name) ? "/" + name : "unknown", () -> {
            Onboarding.Arrived arrived = onboarding.arrive(request.from());
            Invocation invocation = invocation(
                    arrived.user(),
                    request.from(),
                    request.place(),
                    request.text(),
                    request.mentions(),
                    request.rights(),
                    progress);
            CommandHandler handler = commands.get(name);
            Reply reply = handler == null
                    ? Reply.error("I don't know the command /" + name + ".", "/help")
                    : transactional(() -> handler.handle(invocation), () -> {});
            Reply shown = notices.withNotices(arrived, invocation, reply);
            alsoInTransaction.run();
            return shown;
        });
    }

    /** A command with a file: the adapter hands over the bytes it received (an attachment, a shared file, a path). */
    public Reply upload(CommandRequest request, Upload upload) {
        return upload(request, upload, () -> {});
    }

    /** Runs the command with its file, and {@code alsoInTransaction} in its transaction when it succeeds. */
    public Reply upload(CommandRequest request, Upload upload, Runnable alsoInTransaction) {
        return withUploadHandler(
                request,
                (handler, invocation) -> transactional(() -> handler.handle(invocation, upload), alsoInTransaction));
    }

    /**
     * A command with a file its platform still holds: refused by the size the platform told, else fetched from
     * {@code source} (at most one byte past the command's limit, so a file bigger than it said is refused too) and
     * handled as {@link #upload(CommandRequest, Upload)}. The fetch happens before the command's transaction;
     * {@code alsoInTransaction} runs in it (see {@link #handle(CommandRequest, Runnable)}).
     */
    public Reply upload(CommandRequest request, SharedFile file, FileSource source, Runnable alsoInTransaction) {
        return withUploadHandler(request, (handler, invocation) -> {
            if (file.size() > handler.maxBytes()) {
                return handler.tooBig(invocation, file.name());
            }
            Optional<byte[]> bytes = source.fetch(file, handler.maxBytes() + 1);
            if (bytes.isEmpty()) {
                return Reply.error("I couldn't fetch " + file.name() + ". Try again in a moment; nothing changed.");
            }
            Upload upload = new Upload(file.name(), bytes.get());
            return transactional(() -> handler.handle(invocation, upload), alsoInTransaction);
        });
    }

    /**
     * How a command typed without text asks for its file, on a platform that can ask for one (Slack's modal);
     * empty for every other command and text.
     */
    public Optional<FilePrompt> filePromptFor(CommandRequest request) {
        if (!request.text().isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(uploads.get(commandName(request))).flatMap(UploadHandler::filePrompt);
    }

    /** What to do with a file once its command's handler and invocation are known. */
    private interface UploadRun {
        Reply run(UploadHandler handler, Invocation invocation);
    }

    private Reply withUploadHandler(CommandRequest request, UploadRun run) {
        String name = commandName(request);
        return guarded(request.from(), uploads.containsKey(name) ? "/" + name : "unknown", () -> {
            Onboarding.Arrived arrived = onboarding.arrive(request.from());
            Invocation invocation = invocation(
                    arrived.user(),
                    request.from(),
                    request.place(),
                    request.text(),
                    request.mentions(),
                    request.rights(),
                    Progress.NONE);
            UploadHandler handler = uploads.get(name);
            Reply reply = handler == null
                    ? Reply.error("/" + name + " does not take a file.", "/help")
                    : run.run(handler, invocation);
            return notices.withNotices(arrived, invocation, reply);
        });
    }

    private static String commandName(CommandRequest request) {
        return request.command().strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
    }

    public Reply act(ActionRequest request) {
        return act(request, () -> {});
    }

    /** Runs the action, and {@code alsoInTransaction} last in its request's transaction (see {@link #handle}). */
    public Reply act(ActionRequest request, Runnable alsoInTransaction) {
        return act(request, Progress.NONE, alsoInTransaction);
    }

    /** Runs the action as {@link #act(ActionRequest, Runnable)}, showing its progress on the way. */
    public Reply act(ActionRequest request, Progress progress, Runnable alsoInTransaction) {
        return guardedInOne(request.from(), "button", () -> {
            Onboarding.Arrived arrived = onboarding.arrive(request.from());
            Invocation invocation = invocation(
                    arrived.user(),
                    request.from(),
                    request.place(),
                    request.input().orElse(""),
                    Map.of(),
                    ChannelRights.NONE,
                    progress);
            Optional<Action> action = Action.parse(request.actionId());
            Optional<ActionHandler> handler = action.map(a -> actions.get(a.getClass()));
            if (handler.isEmpty()) {
                alsoInTransaction.run();
                return Reply.error("That button is out of date. Try /help.");
            }
            Reply reply = transactional(() -> handler.get().act(action.get(), invocation), () -> {});
            Reply shown = notices.withNotices(arrived, invocation, reply);
            alsoInTransaction.run();
            return shown;
        });
    }

    /**
     * The text input a button asks for before its action runs, worded for the presser's own data; empty when it asks
     * for none (or is out of date: pressing it then says so). Adapters ask this when a button is pressed, so they
     * keep no state about the buttons they drew.
     */
    public Optional<Prompt> promptFor(Requester from, String actionId) {
        Optional<Action> action = Action.parse(actionId);
        Optional<ActionHandler> handler = action.map(a -> actions.get(a.getClass()));
        if (handler.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Someone new may press a button first (an intro's Remember): they arrive as they would with a command.
            User user = onboarding.arrive(from).user();
            Invocation invocation =
                    invocation(user, from, Place.none(), "", Map.of(), ChannelRights.NONE, Progress.NONE);
            return handler.get().prompt(action.get(), invocation);
        } catch (RuntimeException e) {
            log.error("Finding the prompt of an action failed", e);
            return Optional.empty();
        }
    }

    /** Contact names starting with (or containing a word starting with) the typed text, for autocomplete. */
    public List<String> suggestContacts(Requester from, String typed, int limit) {
        Optional<User> user = onboarding.existing(from);
        if (user.isEmpty()) {
            return List.of();
        }
        String key = Names.fold(typed == null ? "" : typed);
        return contacts.all(user.get().id()).stream()
                .map(Contact::name)
                .filter(name -> {
                    String folded = Names.fold(name);
                    return folded.startsWith(key) || folded.contains(" " + key);
                })
                .limit(limit)
                .toList();
    }

    /**
     * The form "Remember this" (on a message) or "Remember someone" opens, worded by core, or why it opens none (a
     * bot's message, say). Nothing is written.
     */
    public CaptureOpening openCapture(Requester from, CaptureStart start) {
        try (LogContext context = LogContext.of(from.key())) {
            try {
                return capture.map(handler -> handler.open(start))
                        .orElseGet(() -> new CaptureOpening.Refused(Reply.error(Wording.OOPS)));
            } catch (RuntimeException e) {
                log.error("Opening a capture form failed", e);
                return new CaptureOpening.Refused(Reply.error(Wording.OOPS));
            }
        }
    }

    /**
     * Saves a submitted capture form as one transaction (contact, note with its source, follow-up), or refuses it
     * with a reason per part of the form, changing nothing.
     */
    public Captured capture(Requester from, Place place, Capture submitted) {
        AtomicReference<Map<CaptureForm.Field, String>> problems = new AtomicReference<>(Map.of());
        Reply reply = guardedInOne(from, "capture", () -> {
            Onboarding.Arrived arrived = onboarding.arrive(from);
            Invocation invocation = invocation(
                    arrived.user(), from, place, submitted.note(), Map.of(), ChannelRights.NONE, Progress.NONE);
            if (capture.isEmpty()) {
                return Reply.error(Wording.OOPS);
            }
            Reply saved = transactional(
                    () -> {
                        Captured outcome = capture.get().save(invocation, submitted);
                        problems.set(outcome.problems());
                        return outcome.reply();
                    },
                    () -> {});
            return notices.withNotices(arrived, invocation, saved);
        });
        return new Captured(reply, problems.get());
    }

    /**
     * Names for a capture form's name field: the user's own contacts that fit what is typed, then what is typed
     * itself when it is no contact's name yet (someone new).
     */
    public List<String> captureNames(Requester from, String typed, int limit) {
        if (capture.isEmpty() || limit <= 0) {
            return List.of();
        }
        return capture.get().names(suggestContacts(from, typed, limit), typed == null ? "" : typed, limit);
    }

    /** Time zones that fit what someone has typed so far ("berl", "new york", "CET"), for autocomplete. */
    public List<String> suggestZones(String typed, int limit) {
        return TimeZones.suggest(typed, clock.instant(), limit);
    }

    /** The home view (Slack's App Home): the user's circle, then their follow-ups. */
    public Reply home(Requester from) {
        List<Section> sections = new ArrayList<>();
        sections.addAll(handle(CommandRequest.of(from, "circle", "")).sections());
        sections.addAll(handle(CommandRequest.of(from, "followup", "list")).sections());
        return new Reply(sections, List.of(), Reply.Visibility.PRIVATE, Optional.empty(), false);
    }

    /** The user behind a requester, created on first contact with the platform's time zone if it gave one. */
    public User user(Requester from) {
        return onboarding.arrive(from).user();
    }

    public Clock clock() {
        return clock;
    }

    private Invocation invocation(
            User user,
            Requester from,
            Place place,
            String text,
            Map<String, Mentioned> mentions,
            ChannelRights rights,
            Progress progress) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, user.settings().zone());
        return new Invocation(
                user, today, now, from, place, UserText.wellFormed(text), mentions, once(rights), progress);
    }

    /** Asks the adapter at most once per request, and only if a command needs to know. */
    private static ChannelRights once(ChannelRights rights) {
        return new ChannelRights() {
            private Boolean answer;

            @Override
            public synchronized boolean canManageChannel() {
                if (answer == null) {
                    answer = rights.canManageChannel();
                }
                return answer;
            }
        };
    }

    private Reply transactional(Supplier<Reply> work, Runnable alsoInTransaction) {
        try {
            // Its own part of the request's transaction: a refusal undoes the command's writes and nothing else.
            return transactor.inPart(() -> {
                Reply reply = work.get();
                if (reply.isError()) {
                    throw new RolledBack(reply);
                }
                alsoInTransaction.run();
                return reply;
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.reply;
        }
    }

    /**
     * A request as one transaction: arrival, command and notices commit together (one commit per command), while a
     * refused command still undoes only its own writes.
     */
    private Reply guardedInOne(Requester from, String what, Supplier<Reply> work) {
        return guarded(from, what, () -> transactor.inTransaction(work));
    }

    private Reply guarded(Requester from, String what, Supplier<Reply> work) {
        long startedNanos = System.nanoTime();
        try (LogContext context = LogContext.of(from.key())) {
            try {
                Reply reply = work.get();
                Telemetry.Outcome outcome = reply.isError() ? Telemetry.Outcome.REFUSED : Telemetry.Outcome.OK;
                Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
                telemetry.handled(what, outcome, took);
                // One line per request: what it was and how it ended, never what it said.
                log.debug("Handled {}: {} in {} ms", what, outcome.name().toLowerCase(Locale.ROOT), took.toMillis());
                return reply;
            } catch (RuntimeException e) {
                // User text stays out of the log: it is private.
                log.error("Handling {} failed", what, e);
                telemetry.handled(what, Telemetry.Outcome.FAILED, Duration.ofNanos(System.nanoTime() - startedNanos));
                return Reply.error(Wording.OOPS);
            }
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
