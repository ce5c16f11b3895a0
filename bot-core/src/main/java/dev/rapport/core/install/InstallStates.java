package dev.rapport.core.install;

import dev.rapport.core.port.InstallStateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The state parameter of an install: random, handed to one browser (which keeps it in a cookie), stored only as its
 * hash, good for {@link #LIFETIME} and for one use. A callback whose state is unknown, expired or used is refused.
 */
public final class InstallStates {
    /** How long an install may take from the install page to the platform's redirect back. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final int STATE_BYTES = 32;

    private final Clock clock;
    private final InstallStateStore store;
    private final SecureRandom random = new SecureRandom();

    public InstallStates(Clock clock, InstallStateStore store) {
        this.clock = clock;
        this.store = store;
    }

    /** A new state, recorded until {@link #LIFETIME} from now. */
    public String issue() {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.issue(hash(state), clock.instant().plus(LIFETIME), clock.instant());
        return state;
    }

    /** Whether the state was issued here, has not expired, and was not used. */
    public boolean valid(String state) {
        return state != null && !state.isBlank() && store.valid(hash(state), clock.instant());
    }

    /** Uses the state up: the same callback cannot be replayed. */
    public void consume(String state) {
        if (state != null) {
            store.consume(hash(state));
        }
    }

    static String hash(String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
