package dev.rapport.core.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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

    /** {@code count} vCards 4.0, each with a name, an e-mail, a birthday without a year and a note, as a file. */
    public static byte[] cards(int count) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count; i++) {
            file.append("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person ")
                    .append(i)
                    .append("\r\nEMAIL:p")
                    .append(i)
                    .append("@example.com\r\nBDAY:--0")
                    .append(1 + i % 9)
                    .append("1")
                    .append(i % 2)
                    .append("\r\nNOTE:note ")
                    .append(i)
                    .append("\r\nEND:VCARD\r\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }
}
