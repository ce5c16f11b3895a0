package dev.rapport.core.install;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals platform tokens for the database with AES-256-GCM under RAPPORT_SECRET_KEY: a fresh 96-bit nonce per seal,
 * the workspace it belongs to bound in as associated data (a sealed token copied onto another workspace's row does
 * not open), and a version prefix. A previous key (RAPPORT_SECRET_KEY_OLD) still opens what it sealed, so the key
 * can be rotated. Neither key nor token ever appears in a message or a {@link #toString()}.
 */
public final class TokenCipher {
    /** The variable that holds the key. */
    public static final String KEY = "RAPPORT_SECRET_KEY";
    /** The variable that holds the previous key while tokens are re-sealed under the new one. */
    public static final String OLD_KEY = "RAPPORT_SECRET_KEY_OLD";

    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec current;
    private final Optional<SecretKeySpec> previous;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(SecretKeySpec current, Optional<SecretKeySpec> previous) {
        this.current = current;
        this.previous = previous;
    }

    /** A key that is not 32 bytes of base64; the message names the variable, never its value. */
    public static final class BadKey extends IllegalArgumentException {
        BadKey(String message) {
            super(message);
        }
    }

    /**
     * The cipher for a key in base64 (32 bytes), and the previous key if one is still in use.
     *
     * @throws BadKey when either is not 32 bytes of base64
     */
    public static TokenCipher of(String keyBase64, Optional<String> previousBase64) {
        return new TokenCipher(key(KEY, keyBase64), previousBase64.map(old -> key(OLD_KEY, old)));
    }

    /** A new random key in base64, as {@code openssl rand -base64 32} makes one. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static SecretKeySpec key(String variable, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new BadKey(variable + " is not base64; make a key with: openssl rand -base64 32");
        }
        if (bytes.length != KEY_BYTES) {
            throw new BadKey(variable + " must be " + KEY_BYTES + " bytes in base64 (it has " + bytes.length
                    + "); make a key with: openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The token sealed for the row it belongs to ({@code context}: "slack:T123"). */
    public String seal(String token, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out =
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return VERSION + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The token a seal holds, and whether the previous key was the one that opened it; empty when neither key opens
     * it for this context (another key, another row, or tampered with).
     */
    public Optional<Opened> open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        Optional<String> token = open(current, bytes, context);
        if (token.isPresent()) {
            return Optional.of(new Opened(token.get(), false));
        }
        return previous.flatMap(old -> open(old, bytes, context)).map(plain -> new Opened(plain, true));
    }

    private static Optional<String> open(SecretKeySpec key, byte[] bytes, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** An opened token; {@code underPreviousKey} when it should be sealed again under the current key. */
    public record Opened(String token, boolean underPreviousKey) {
        @Override
        public String toString() {
            return "Opened[token=(hidden), underPreviousKey=" + underPreviousKey + "]";
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, previous key " + (previous.isPresent() ? "set" : "none") + "]";
    }
}
