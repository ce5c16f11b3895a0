package dev.rapport.core.digest;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.Notices;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Section;
import java.util.List;
import java.util.Optional;

/**
 * Tells a user, once, why their digest did not come. Showing it clears the mark, which is also what lets the
 * scheduler try again with the next digest: a user who is still unreachable is marked and told again.
 */
public final class UndeliveredDigestNotice implements Notices {
    private final UserStore users;

    public UndeliveredDigestNotice(UserStore users) {
        this.users = users;
    }

    @Override
    public List<Section> forUser(User user, Invocation invocation) {
        Optional<String> reason = user.unreachableReason();
        if (reason.isEmpty()) {
            return List.of();
        }
        users.markUnreachable(user.id(), Optional.empty());
        return List.of(Section.of("Your digest couldn't be delivered: " + reason.get()
                + ". I'll try again with your next digest; /today shows what it holds any time."));
    }
}
