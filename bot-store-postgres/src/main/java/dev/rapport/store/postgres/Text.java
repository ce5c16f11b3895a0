package dev.rapport.store.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;

/**
 * Text as PostgreSQL can hold it and back exactly. PostgreSQL text cannot contain NUL, which a user may still type;
 * it is stored as U+FFFF followed by '0', and a U+FFFF of the user's own as U+FFFF followed by '1', so every string
 * comes back as it went in (and stays unique and prefix-ordered as before).
 */
public final class Text {
    private static final char MARK = '\uFFFF';

    private Text() {}

    public static String store(String text) {
        if (text.indexOf('\u0000') < 0 && text.indexOf(MARK) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                out.append(MARK).append('0');
            } else if (c == MARK) {
                out.append(MARK).append('1');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String load(String stored) {
        if (stored == null || stored.indexOf(MARK) < 0) {
            return stored;
        }
        StringBuilder out = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == MARK && i + 1 < stored.length()) {
                out.append(stored.charAt(++i) == '0' ? '\u0000' : MARK);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The result set with every getString decoded. */
    static ResultSet decoding(ResultSet rs) {
        return (ResultSet) Proxy.newProxyInstance(
                ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    try {
                        Object value = method.invoke(rs, args);
                        return method.getName().equals("getString") ? load((String) value) : value;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
