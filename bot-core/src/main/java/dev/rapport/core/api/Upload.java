package dev.rapport.core.api;

import java.util.Objects;

/** A file a user handed to a command (an attachment, a shared file, a console path), as the adapter received it. */
public record Upload(String fileName, byte[] bytes) {
    public Upload {
        fileName = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        Objects.requireNonNull(bytes, "bytes");
    }
}
