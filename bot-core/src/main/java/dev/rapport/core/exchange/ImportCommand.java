package dev.rapport.core.exchange;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.Upload;
import dev.rapport.core.api.UploadHandler;
import dev.rapport.core.exchange.Importer.Plan;
import dev.rapport.core.port.PendingImportStore;
import dev.rapport.core.port.PendingImportStore.Pending;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.FilePrompt;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Wording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /import: a contacts file becomes a preview (new, already known, skipped and why), and only the preview's
 * confirmation writes, all in one transaction. The file waits in the store between the two, for a day at most.
 */
public final class ImportCommand implements CommandHandler, UploadHandler, ActionHandler {
    public static final String EXAMPLE = "/import contacts.vcf";
    private static final Duration KEPT = Duration.ofDays(1);
    private static final int REASONS_SHOWN = 5;
    /** From how many new people an import shows its progress (smaller ones take a moment). */
    static final int PROGRESS_FROM = 1_000;
    /**
     * In how many steps it is written: a line at the start and one after each step but the last, so with the answer
     * five messages at most (what one Slack response_url takes).
     */
    static final int PROGRESS_STEPS = 4;

    private static final Pattern ANSWER = Pattern.compile("(?i)(confirm|cancel)\\s+([1-9][0-9]{0,17})");

    private final Importer importer;
    private final PendingImportStore pending;

    public ImportCommand(Importer importer, PendingImportStore pending) {
        this.importer = importer;
        this.pending = pending;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.ConfirmImport.class, Action.CancelImport.class);
    }

    /** Typed: the buttons' text equivalents, or how to send a file. */
    @Override
    public Reply handle(Invocation invocation) {
        Matcher answer = ANSWER.matcher(invocation.text().strip());
        if (answer.matches()) {
            long id = Long.parseLong(answer.group(2));
            return answer.group(1).equalsIgnoreCase("confirm") ? confirm(invocation, id) : cancel(invocation, id);
        }
        return Reply.of(Section.titled(
                "Bring your contacts",
                "Send a contacts file with /import: a vCard (.vcf, from a phone, Google, iCloud, Outlook or Monica),"
                        + " a Google Contacts CSV, LinkedIn's Connections.csv, or any CSV with a name column. Up to "
                        + ContactFile.SIZE_LIMIT + ". You see a preview first; nothing is saved until you confirm.\n"
                        + "Console: " + EXAMPLE + " · Discord: /import with the file attached · Slack: /import opens a"
                        + " form to pick the file."));
    }

    @Override
    public int maxBytes() {
        return ContactFile.MAX_BYTES;
    }

    @Override
    public Reply tooBig(Invocation invocation, String fileName) {
        return Reply.error(fileName + ": " + ContactFile.TOO_BIG, EXAMPLE);
    }

    @Override
    public Optional<FilePrompt> filePrompt() {
        return Optional.of(new FilePrompt(
                "Import contacts",
                "Your contacts file",
                "A vCard (.vcf, from a phone, Google, iCloud, Outlook or Monica), a Google Contacts CSV, LinkedIn's"
                        + " Connections.csv, or any CSV with a name column, up to " + ContactFile.SIZE_LIMIT
                        + ". You see a preview first; nothing is saved until you confirm.",
                List.of("vcf", "csv"),
                "Preview"));
    }

    @Override
    public Reply handle(Invocation invocation, Upload upload) {
        pending.deleteBefore(invocation.userId(), invocation.now().minus(KEPT));
        ContactFile.Read read;
        String text;
        try {
            text = ContactFile.text(upload.bytes());
            read = ContactFile.read(upload.fileName(), text);
        } catch (ImportProblem problem) {
            return Reply.error(upload.fileName() + ": " + problem.getMessage(), EXAMPLE);
        }
        Plan plan = importer.plan(invocation.userId(), read);
        List<String> lines = new ArrayList<>();
        lines.add(Wording.people(plan.fresh().size()) + " new, " + plan.known() + " already in your list, "
                + plan.skipped().size() + " skipped.");
        plan.skipped().stream().limit(REASONS_SHOWN).forEach(skipped -> lines.add("• Skipped: " + skipped.reason()));
        if (plan.skipped().size() > REASONS_SHOWN) {
            lines.add(Wording.more(plan.skipped().size() - REASONS_SHOWN, "skipped for the same kinds of reason"));
        }
        String heading = "Import preview — " + upload.fileName() + " (" + read.format() + ")";
        if (plan.fresh().isEmpty()) {
            lines.add("Nothing new to add: your list stays as it is.");
            return Reply.of(Section.titled(heading, String.join("\n", lines)));
        }
        lines.add("New people go into your list, not your digest, until you give them a rhythm or a follow-up.");
        long id = pending.put(invocation.userId(), upload.fileName(), text, invocation.now());
        Button confirm = Button.of(
                        "Import " + Wording.people(plan.fresh().size()),
                        new Action.ConfirmImport(id).id(),
                        "/import confirm " + id)
                .styled(Button.Style.PRIMARY);
        Button cancel = Button.of("Cancel", new Action.CancelImport(id).id(), "/import cancel " + id);
        return Reply.of(Section.titled(heading, String.join("\n", lines)).withButtons(List.of(confirm, cancel)));
    }

    @Override
    public Reply act(Action action, Invocation invocation) {
        if (action instanceof Action.ConfirmImport confirm) {
            return confirm(invocation, confirm.pendingId());
        }
        return cancel(invocation, ((Action.CancelImport) action).pendingId());
    }

    private Reply confirm(Invocation invocation, long id) {
        Optional<Pending> file = pending.find(invocation.userId(), id);
        if (file.isEmpty()) {
            return Reply.text("That import is already done or cancelled; nothing changed. See your list with /circle.");
        }
        ContactFile.Read read;
        try {
            read = ContactFile.read(file.get().fileName(), file.get().content());
        } catch (ImportProblem problem) {
            return Reply.error(file.get().fileName() + ": " + problem.getMessage(), EXAMPLE);
        }
        // Planned again: whoever was added since the preview is known now, and is not added twice.
        Plan plan = importer.plan(invocation.userId(), read);
        int fresh = plan.fresh().size();
        String importing =
                "Importing " + Wording.people(fresh) + " from " + file.get().fileName() + "…";
        int added;
        if (fresh < PROGRESS_FROM) {
            added = importer.apply(invocation.userId(), plan, invocation.now());
        } else {
            // A large file says how far it has come: a line at the start and after each quarter.
            invocation.progress().show(Reply.text(importing));
            int quarter = (fresh + PROGRESS_STEPS - 1) / PROGRESS_STEPS;
            added = importer.apply(
                    invocation.userId(),
                    plan,
                    invocation.now(),
                    quarter,
                    done -> invocation.progress().show(Reply.text(importing + " " + done + " of " + fresh + " done.")));
        }
        pending.delete(invocation.userId(), id);
        return Reply.text(
                "Imported " + Wording.people(added) + " from " + file.get().fileName()
                        + ". They are in your list (/circle); give someone a rhythm or a follow-up to see them in your digest.");
    }

    private Reply cancel(Invocation invocation, long id) {
        boolean dropped = pending.delete(invocation.userId(), id);
        return Reply.text(dropped ? "Import cancelled; nothing changed." : "That import is already done or cancelled.");
    }
}
