package dev.rapport.core.reply;

import java.util.List;

/**
 * A request for the file a command takes, where the platform can ask for one itself (a Slack modal with a file
 * input): a title, what the file is, a hint that states the size limit, the file types it takes, and the submit label.
 */
public record FilePrompt(String title, String label, String hint, List<String> fileTypes, String submit) {
    public FilePrompt {
        fileTypes = List.copyOf(fileTypes);
    }
}
