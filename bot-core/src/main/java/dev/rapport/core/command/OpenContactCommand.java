package dev.rapport.core.command;

import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.CommandRequest;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.Mentioned;
import dev.rapport.core.api.Place;
import dev.rapport.core.api.Requester;
import dev.rapport.core.people.People;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.reply.Text;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Open contact", the menu entry a platform shows on a person (Discord's user command): that person's page, found by
 * the account a contact is linked to and else by their name, or, when you have none, how to start one. Nothing is
 * created here: only /remember adds someone.
 */
public final class OpenContactCommand implements CommandHandler {
    /** The entry as the platform's menu shows it. */
    public static final String LABEL = MenuCommands.OPEN_CONTACT;
    /** The command's name in core; adapters send it through {@link #request}. */
    public static final String NAME = "open-contact";

    private static final Pattern PERSON = Pattern.compile("<@([A-Za-z0-9._-]+)>");

    private final People people;
    private final ContactCommand contact;

    public OpenContactCommand(People people, ContactCommand contact) {
        this.people = people;
        this.contact = contact;
    }

    /** The request for a person picked in a menu: their platform id, and their name as the platform shows it. */
    public static CommandRequest request(Requester from, Place place, String platformUserId, Mentioned person) {
        return CommandRequest.of(from, NAME, "<@" + platformUserId + ">")
                .in(place)
                .withMentions(Map.of(platformUserId, person));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply handle(Invocation invocation) {
        Matcher picked = PERSON.matcher(invocation.text().strip());
        if (!picked.matches()) {
            return Reply.error("Open contact works on a person: use it on someone's name.", "/contact marc");
        }
        String userId = picked.group(1);
        Optional<Mentioned> person = Optional.ofNullable(invocation.mentions().get(userId));
        String name = person.map(Mentioned::name).filter(n -> !n.isBlank()).orElse("them");
        if (person.map(Mentioned::bot).orElse(false)) {
            return Reply.text(name + " is a bot: Rapport keeps pages about people.");
        }
        People.Lookup found = people.existing(invocation, "contact");
        if (found instanceof People.Found page) {
            return contact.page(invocation, page.contact());
        }
        // A mention is never ambiguous: no contact is linked to this account, and none has their name.
        return Reply.of(Section.of(Text.builder()
                .plain("You have no page for ")
                .mention(userId, name)
                .plain(" yet. Start one with what you know: /remember ")
                .mention(userId, name)
                .plain(" met at the SYPE mixer")
                .build()));
    }
}
