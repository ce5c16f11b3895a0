package dev.rapport.core.command;

import dev.rapport.core.action.Action;
import dev.rapport.core.api.ActionHandler;
import dev.rapport.core.api.CommandHandler;
import dev.rapport.core.api.Invocation;
import dev.rapport.core.domain.Contact;
import dev.rapport.core.people.People;
import dev.rapport.core.port.ContactStore;
import dev.rapport.core.reply.Button;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** /forget &lt;who&gt;: deletes a person and everything about them, after a confirmation. */
public final class ForgetCommand implements CommandHandler, ActionHandler {
    private static final String CONFIRM = "confirm";

    private final People people;
    private final ContactStore contacts;

    public ForgetCommand(People people, ContactStore contacts) {
        this.people = people;
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return "forget";
    }

    @Override
    public Reply handle(Invocation invocation) {
        return people.existing(invocation, "forget")
                .then(found -> found.rest().equalsIgnoreCase(CONFIRM)
                        ? forget(invocation, found.contact())
                        : confirmation(found.contact()));
    }

    @Override
    public Set<Class<? extends Action>> actions() {
        return Set.of(Action.Forget.class, Action.Keep.class);
    }

    @Override
    public Reply act(Action action, Invocation invocation) {
        long id = action instanceof Action.Forget forget ? forget.contactId() : ((Action.Keep) action).contactId();
        Optional<Contact> contact = contacts.byId(invocation.userId(), id);
        if (contact.isEmpty()) {
            return Reply.text("Already gone: nothing to forget.");
        }
        return action instanceof Action.Forget
                ? forget(invocation, contact.get())
                : Reply.text("Kept " + contact.get().name() + ". Nothing was deleted.");
    }

    private static Reply confirmation(Contact contact) {
        String ref = contact.reference();
        return Reply.of(Section.titled(
                        "Forget " + contact.name() + "?",
                        "This deletes " + contact.name()
                                + " and every note, question and follow-up about them. It cannot be undone."))
                .withButtons(List.of(
                        Button.of(
                                        "Forget " + contact.name(),
                                        new Action.Forget(contact.id()).id(),
                                        "/forget " + ref + " " + CONFIRM)
                                .styled(Button.Style.DANGER),
                        Button.of("Keep", new Action.Keep(contact.id()).id(), "(do nothing)")));
    }

    private Reply forget(Invocation invocation, Contact contact) {
        contacts.delete(invocation.userId(), contact.id());
        return Reply.text("Forgot " + contact.name() + " and everything about them.");
    }
}
