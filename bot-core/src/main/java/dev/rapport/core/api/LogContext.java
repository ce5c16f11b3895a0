package dev.rapport.core.api;

import dev.rapport.core.domain.UserKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.MDC;

/**
 * The context every log line of a request carries (through the MDC): the platform, the workspace, and a hashed user
 * id — enough to follow one person's requests through the log, never their name, id or text.
 */
public final class LogContext implements AutoCloseable {
    private LogContext() {}

    /** Puts the requester's context on this thread until {@link #close}. */
    public static LogContext of(UserKey key) {
        MDC.put("platform", key.platform());
        MDC.put("workspace", key.workspace());
        MDC.put("user", hashed(key));
        return new LogContext();
    }

    /**
     * The first 12 hex digits of SHA-256 over the user's platform key: stable, and not the id itself. The console's
     * per-user export folder is named with it too, so an operator can match a folder to its user's log lines.
     */
    public static String hashed(UserKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key.platform() + "\n" + key.workspace() + "\n" + key.platformUserId())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        MDC.remove("platform");
        MDC.remove("workspace");
        MDC.remove("user");
    }
}
