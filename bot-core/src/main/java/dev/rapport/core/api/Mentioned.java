package dev.rapport.core.api;

/** A platform user mentioned in a command's text ({@code <@ID>}): the name to show, and whether it is a bot. */
public record Mentioned(String name, boolean bot) {
    public static Mentioned person(String name) {
        return new Mentioned(name, false);
    }
}
