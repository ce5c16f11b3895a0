package dev.rapport.core.api;

import java.util.Objects;

/**
 * A file a user handed to a command that still sits on their platform: its name, where the platform keeps it, and
 * the size the platform told. The platform's inbox channel fetches it when the request runs.
 */
public record SharedFile(String name, String location, long size) {
    public SharedFile {
        name = name == null || name.isBlank() ? "file" : name.strip();
        Objects.requireNonNull(location, "location");
    }
}
