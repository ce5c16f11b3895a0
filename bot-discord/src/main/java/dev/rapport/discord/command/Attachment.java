package dev.rapport.discord.command;

/**
 * A file handed to a command as an attachment option: its name, where Discord's CDN serves it (a signed URL that
 * lives longer than the interaction), and how many bytes to fetch at most.
 */
public record Attachment(String fileName, String url, int maxBytes) {}
