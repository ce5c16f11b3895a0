package dev.rapport.discord.command;

import dev.rapport.core.api.Mentioned;
import dev.rapport.core.domain.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;

/**
 * The free text core reads, written from Discord's typed options: a user option becomes {@code <@id>} (its name
 * goes to the mentions), a typed name is read as free text is ({@code who: marc} finds Marc Kelly), ending at a
 * colon so that the note after it is never read as part of the name.
 */
public final class CommandText {
    private final CommandInteractionPayload interaction;
    private final List<String> parts = new ArrayList<>();
    private final Map<String, Mentioned> mentions = new HashMap<>();

    private CommandText(CommandInteractionPayload interaction) {
        this.interaction = interaction;
    }

    public static CommandText of(CommandInteractionPayload interaction) {
        return new CommandText(interaction);
    }

    /** A fixed word such as a subcommand ("done"). */
    public CommandText word(String word) {
        parts.add(word);
        return this;
    }

    /**
     * The person: the Discord user when one was picked (named as typed in {@code who}, else by their display name),
     * otherwise the typed name.
     */
    public CommandText who() {
        Optional<String> typed = text(Options.WHO);
        OptionMapping user = interaction.getOption(Options.USER);
        if (user != null) {
            User picked = user.getAsUser();
            Member member = user.getAsMember();
            String name = typed.orElseGet(() -> member != null ? member.getEffectiveName() : picked.getEffectiveName());
            parts.add("<@" + picked.getId() + ">");
            mentions.put(picked.getId(), new Mentioned(name, picked.isBot()));
        } else {
            typed.ifPresent(name -> parts.add(freeText(name)));
        }
        return this;
    }

    /** A Discord user picked in a user option, as {@code <@id>}, named as the server shows them. */
    public CommandText user(String option) {
        OptionMapping mapping = interaction.getOption(option);
        if (mapping != null) {
            User picked = mapping.getAsUser();
            Member member = mapping.getAsMember();
            parts.add("<@" + picked.getId() + ">");
            String name = member != null ? member.getEffectiveName() : picked.getEffectiveName();
            mentions.put(picked.getId(), new Mentioned(name, picked.isBot()));
        }
        return this;
    }

    /** An option's text as typed, when given. */
    public CommandText option(String name) {
        text(name).ifPresent(parts::add);
        return this;
    }

    /** An option's text after a keyword ("about the job offer"), when given. */
    public CommandText option(String keyword, String name) {
        text(name).ifPresent(value -> parts.add(keyword + " " + value));
        return this;
    }

    public String text() {
        return String.join(" ", parts);
    }

    /** The users the text mentions: their names and whether they are bots. */
    public Map<String, Mentioned> mentions() {
        return Map.copyOf(mentions);
    }

    /** How the typed person appears in a pointer ("/contact \"Marc Kelly\""), when one was named. */
    static Optional<String> person(CommandInteractionPayload interaction) {
        OptionMapping who = interaction.getOption(Options.WHO);
        if (who != null && !who.getAsString().isBlank()) {
            return Optional.of(reference(who.getAsString().strip()));
        }
        OptionMapping user = interaction.getOption(Options.USER);
        return user == null ? Optional.empty() : Optional.of(user.getAsUser().getAsMention());
    }

    // "marc" becomes "marc:", the way a name ends in typed text; core reads it like any typed name.
    private static String freeText(String name) {
        String bare = name.strip().replaceAll(":+$", "").strip();
        return bare.isEmpty() ? name.strip() : bare + ":";
    }

    // Core's quoted names cannot hold quote marks of any kind.
    private static String reference(String name) {
        return Names.reference(name.strip().replace('“', '\'').replace('”', '\''));
    }

    private Optional<String> text(String name) {
        OptionMapping option = interaction.getOption(name);
        if (option == null) {
            return Optional.empty();
        }
        namesOfMentions(option);
        return Optional.of(rolesAsText(option, option.getAsString().strip())).filter(value -> !value.isEmpty());
    }

    /** Role mentions typed in the text as the roles' names (as Discord resolved them, else the server's). */
    private String rolesAsText(OptionMapping option, String value) {
        if (!value.contains("<@&")) {
            return value;
        }
        Map<String, String> names = new HashMap<>();
        try {
            option.getMentions().getRoles().forEach(known -> names.put(known.getId(), known.getName()));
        } catch (RuntimeException e) {
            // Outside a server there are no roles to resolve.
        }
        return RoleMentions.asText(
                value, id -> Optional.ofNullable(names.get(id)).or(() -> serverRole(id)));
    }

    /** A role the bot sees in its own copy of the server (a server Rapport is installed in). */
    private Optional<String> serverRole(String id) {
        Guild guild = interaction.getGuild();
        if (guild == null || guild.isDetached()) {
            return Optional.empty();
        }
        return Optional.ofNullable(guild.getRoleById(id)).map(Role::getName);
    }

    /**
     * Discord resolves the {@code <@id>} typed inside a text option; their names let core write them as a readable
     * "@name" rather than a number. A name already given (a picked user) stays.
     */
    private void namesOfMentions(OptionMapping option) {
        if (option.getType() != OptionType.STRING) {
            return;
        }
        for (Member member : option.getMentions().getMembers()) {
            mentions.putIfAbsent(
                    member.getId(),
                    new Mentioned(member.getEffectiveName(), member.getUser().isBot()));
        }
        for (User user : option.getMentions().getUsers()) {
            mentions.putIfAbsent(user.getId(), new Mentioned(user.getEffectiveName(), user.isBot()));
        }
    }
}
