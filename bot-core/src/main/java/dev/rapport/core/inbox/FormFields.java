package dev.rapport.core.inbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Named text fields, form-encoded: how the inbox writes a request down, and how an adapter writes its reply handle
 * (where and how the answer goes back: Slack's response_url, Discord's application id and interaction token), so that
 * no adapter grows its own encoding. Values may be secrets; {@link #toString()} shows only the names.
 */
public final class FormFields {
    private final Map<String, String> fields;

    private FormFields(Map<String, String> fields) {
        this.fields = fields;
    }

    public static FormFields empty() {
        return new FormFields(new LinkedHashMap<>());
    }

    /** A copy with one more field (or a field replaced). */
    public FormFields with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new FormFields(more);
    }

    /** A copy with a yes/no field, written "1" or "0". */
    public FormFields with(String name, boolean value) {
        return with(name, value ? "1" : "0");
    }

    /** A copy with the field when there is a value, else this. */
    public FormFields with(String name, Optional<String> value) {
        return value.map(v -> with(name, v)).orElse(this);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The field's value; throws IllegalArgumentException when it is missing (text core or an adapter did not write). */
    public String need(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No field " + name);
        }
        return value;
    }

    /** A yes/no field; missing is no. */
    public boolean flag(String name) {
        return "1".equals(fields.get(name));
    }

    /** Every field in the order it was written. */
    public Map<String, String> all() {
        return Collections.unmodifiableMap(fields);
    }

    public String encode() {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    /** Reads encoded fields back; throws IllegalArgumentException when the text is not form-encoded fields. */
    public static FormFields decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return new FormFields(fields);
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Not form-encoded fields");
            }
            fields.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new FormFields(fields);
    }

    @Override
    public String toString() {
        return "FormFields" + fields.keySet();
    }
}
