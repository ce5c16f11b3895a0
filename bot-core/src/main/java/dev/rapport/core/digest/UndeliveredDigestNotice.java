package dev.rapport.core.digest;

import dev.rapport.core.api.Invocation;
import dev.rapport.core.api.Notices;
import dev.rapport.core.domain.User;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a digest could not be sent as a direct message (a Discord app installed only to someone's account shares no
 * server with them, say), the person's next reply says so once and carries the digest itself, as it stands now;
 * /today, which is the digest, only says so. Telling them clears the mark, which is also what lets the scheduler
 * try a direct message again with the next digest: a user who is still unreachable is marked and told again.
 */
public final class UndeliveredDigestNotice implements Notices {
    private final UserStore users;
    private final DigestPlanner planner;

    public UndeliveredDigestNotice(UserStore users, DigestPlanner planner) {
        this.users = users;
        this.planner = planner;
    }

    @Override
    public List<Section> forUser(User user, Invocation invocation) {
        Optional<String> reason = stillUntold(user);
        if (reason.isEmpty()) {
            return List.of();
        }
        users.markUnreachable(user.id(), Optional.empty());
        Digest digest = planner.plan(user, invocation.today());
        List<Section> notices = new ArrayList<>();
        if (digest.isEmpty()) {
            notices.add(Section.of(
                    undelivered(reason.get()) + " Nothing is due now; I'll try again with your next digest."));
            return notices;
        }
        notices.add(Section.of(undelivered(reason.get()) + " Here it is; I'll try a direct message again with your"
                + " next digest, and /today shows it any time."));
        notices.addAll(DigestView.render(digest).sections());
        return notices;
    }

    /** For /today, which shows the digest anyway: the line that says it did not come, once. */
    public Optional<Section> forToday(User user) {
        Optional<String> reason = stillUntold(user);
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        users.markUnreachable(user.id(), Optional.empty());
        return Optional.of(Section.of(
                undelivered(reason.get()) + " This is it; I'll try a direct message again with your next digest."));
    }

    /**
     * Why the user's digest did not come, if they have not been told yet. The user a request began with may be told
     * already by then (by /today), so a marked one is read again.
     */
    private Optional<String> stillUntold(User user) {
        if (user.unreachableReason().isEmpty()) {
            return Optional.empty();
        }
        return users.byId(user.id()).orElse(user).unreachableReason();
    }

    private static String undelivered(String reason) {
        return "Your digest couldn't be delivered: " + reason + ".";
    }
}
