package dev.rapport.core.command;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.port.PendingChoices;
import dev.rapport.core.reply.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A "did you mean" button: runs the command that named nobody exactly, for the contact chosen, once. */
public final class ChosenContact implements ActionHandler {
    private final ContactStore contacts;
    private final PendingChoices choices;
    private final Map<String, CommandHandler> commands = new HashMap<>();

    public ChosenContact(ContactStore contacts, PendingChoices choices, List<CommandHandler> commands) {
        this.contacts = contacts;
        this.choices = choices;
        commands.forEach(handler -> this.commands.put(handler.name(), handler));
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.Choose.class);
    }

    @Override
    public Reply act(Action action, Invocation invocation) {
        Action.Choose choose = (Action.Choose) action;
        Optional<Contact> contact = contacts.byId(invocation.userId(), choose.contactId());
        if (contact.isEmpty()) {
            return Reply.error("That contact no longer exists.");
        }
        Optional<PendingChoices.Pending> pending = choices.take(invocation.userId(), choose.pendingId());
        if (pending.isEmpty()) {
            return Reply.error("That choice was already made: nothing more to do.");
        }
        String[] nameAndSub = pending.get().command().split(" ", 2);
        CommandHandler handler = commands.get(nameAndSub[0]);
        if (handler == null) {
            return Reply.error("That button is out of date. Try /help.");
        }
        String sub = nameAndSub.length > 1 ? nameAndSub[1] + " " : "";
        String rest = pending.get().rest();
        return handler.handle(
                invocation.withText(sub + contact.get().reference() + (rest.isBlank() ? "" : " " + rest)));
    }
}
