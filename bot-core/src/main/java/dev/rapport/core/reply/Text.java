package dev.rapport.core.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reply text as spans, so adapters can escape user text and only mention on purpose. */
public record Text(List<Span> spans) {
    public Text {
        spans = List.copyOf(spans);
    }

    public static Text plain(String text) {
        return new Text(List.of(new Span.Plain(text)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text as plain characters, mentions as "@name". */
    public String plainText() {
        return spans.stream().map(Span::fallback).collect(Collectors.joining());
    }

    public boolean isEmpty() {
        return spans.stream().allMatch(span -> span.fallback().isEmpty());
    }

    /** Builds text from pieces. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder plain(String text) {
            spans.add(new Span.Plain(text));
            return this;
        }

        public Builder strong(String text) {
            spans.add(new Span.Strong(text));
            return this;
        }

        public Builder mention(String platformUserId, String name) {
            spans.add(new Span.Mention(platformUserId, name));
            return this;
        }

        public Builder line(String text) {
            if (!spans.isEmpty()) {
                spans.add(new Span.Plain("\n"));
            }
            spans.add(new Span.Plain(text));
            return this;
        }

        public Text build() {
            return new Text(spans);
        }
    }
}
