package dev.rapport.core.reply;

/** A file sent with a reply (the JSON of /export). */
public record Attachment(String fileName, String mediaType, String content) {}
