package dev.rapport.core.install;

import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.util.List;
import java.util.Optional;

/**
 * What a person reads around an install: the install page, the page after it (with the first steps), the pages for
 * an install that did not happen, and the welcome message the installer gets. Plain text; an adapter renders it.
 */
public final class InstallText {
    private InstallText() {}

    /** A page: a title, a paragraph, numbered steps (may be none), and the words of its one link, if it has one. */
    public record Page(String title, String lead, List<String> steps, Optional<String> link) {
        public Page {
            steps = List.copyOf(steps);
        }
    }

    /** Why an install did not happen. */
    public enum Refusal {
        /** The state is unknown, expired or used, or the browser is not the one that started the install. */
        STATE,
        /** The person said no on the platform's page. */
        DENIED,
        /** The platform did not complete the exchange, or something failed here. */
        FAILED
    }

    /** The first things to try, on the page after an install and in the installer's welcome message. */
    public static final List<String> FIRST_STEPS = List.of(
            "Save something you learned about someone: /remember Marc Kelly: met at the SYPE mixer",
            "Plan a genuine follow-up: /followup marc in 2 weeks about the move",
            "Open Rapport's Home tab for your circle; a calm digest comes to your direct messages on days something is"
                    + " due (set its time with /settings digest 08:30)",
            "In a team channel, pair people up for coffee chats: /intro rounds on every 2 weeks",
            "Type /help for every command. Notes are private to whoever writes them.");

    public static Page addToSlack() {
        return new Page(
                "Add Rapport to your Slack workspace",
                "Rapport remembers what you learn about people and reminds you to follow up, with the context that"
                        + " makes a follow-up genuine. Everyone in the workspace can use it, and each person's notes"
                        + " are private to them.",
                List.of(
                        "Press Add to Slack, check the workspace, and allow the permissions Rapport asks for.",
                        "Slack brings you back here, and Rapport sends you a welcome message."),
                Optional.of("Add to Slack"));
    }

    public static Page installed(String workspaceName) {
        String where = workspaceName == null || workspaceName.isBlank() ? "your workspace" : workspaceName;
        return new Page(
                "Rapport is installed on " + where,
                "Everyone there can use it now. A few first steps:",
                FIRST_STEPS,
                Optional.of("Open Slack"));
    }

    public static Page refused(Refusal why) {
        return switch (why) {
            case STATE ->
                new Page(
                        "This install link has expired",
                        "An install must finish within 10 minutes, in the browser that started it. Nothing was"
                                + " installed; please start again.",
                        List.of(),
                        Optional.of("Start again"));
            case DENIED ->
                new Page(
                        "Nothing was installed",
                        "Slack says the install was cancelled. You can start again whenever you like.",
                        List.of(),
                        Optional.of("Start again"));
            case FAILED ->
                new Page(
                        "The install did not finish",
                        "Slack did not complete it, so nothing was installed. Please try again in a moment.",
                        List.of(),
                        Optional.of("Start again"));
        };
    }

    /** The direct message the person who installed Rapport gets right after. */
    public static Reply welcome(String workspaceName) {
        String where = workspaceName == null || workspaceName.isBlank() ? "your workspace" : workspaceName;
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < FIRST_STEPS.size(); i++) {
            steps.append(i + 1).append(". ").append(FIRST_STEPS.get(i)).append('\n');
        }
        return Reply.of(
                Section.titled(
                        "Thanks for adding Rapport to " + where,
                        "Everyone there can use it now; each person's notes are private to them."),
                Section.titled("First steps", steps.toString().strip()));
    }

    /** What a person is told when they use Rapport on a workspace it is not (or no longer) installed on. */
    public static String notInstalled() {
        return "Rapport is not installed on this workspace (any more). Ask someone who may add apps to install it"
                + " again; your notes were kept.";
    }
}
