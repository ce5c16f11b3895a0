package dev.rapport.core.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The contact files under src/test/resources/contacts, shaped like real exports. */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/contacts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
