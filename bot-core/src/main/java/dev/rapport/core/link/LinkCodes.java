package dev.rapport.core.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-time link codes: eight characters a person can read off one screen and type on another, drawn from
 * {@link SecureRandom} out of an alphabet with no look-alikes (no I, L, O, 0 or 1), shown as ABCD-EFGH and kept only
 * as their SHA-256. 31⁸ (about 8.5 × 10¹¹) codes, of which a handful live for ten minutes, against at most five wrong
 * tries per account per ten minutes: guessing one is hopeless.
 */
public final class LinkCodes {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-–—_.]+");

    private final SecureRandom random = new SecureRandom();

    /** A new code, as stored by its hash and compared after {@link #normalized}. */
    public String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed ("abcd-efgh", "ABCD EFGH"), upper case without separators; empty if it cannot be one. */
    public static Optional<String> normalized(String typed) {
        String code = SEPARATORS.matcher(typed.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    /** How a code is shown: two groups of four. */
    public static String shown(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /** What the store keeps of a code. */
    public static String hash(String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
