package dev.rapport.discord.command;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Role mentions inside user text ({@code <@&id>}) as the role's name, "@Designers", the way Discord showed them to
 * the writer; "@role" when the role is unknown. Shown later, such text reads as typed and, as all user text, pings
 * nobody.
 */
public final class RoleMentions {
    private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");

    private RoleMentions() {}

    /** The text with every role mention written out; {@code name} knows the roles it can, by id. */
    public static String asText(String text, Function<String, Optional<String>> name) {
        Matcher role = ROLE.matcher(text);
        if (!role.find()) {
            return text;
        }
        return role.reset()
                .replaceAll(match -> Matcher.quoteReplacement(
                        "@" + name.apply(match.group(1)).orElse("role")));
    }
}
