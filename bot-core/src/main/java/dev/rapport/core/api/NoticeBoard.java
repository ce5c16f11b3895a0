package dev.rapport.core.api;

import dev.rapport.core.domain.User;
import dev.rapport.core.port.AccountLinks;
import dev.rapport.core.port.UserStore;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.util.List;
import java.util.Optional;

/**
 * Puts what a user should be told (arrival notices, then every {@link Notices} source's) above their reply. A
 * notice is private: it never rides on a post the whole channel sees.
 */
public final class NoticeBoard {
    private final UserStore users;
    private final Optional<AccountLinks> links;
    private final List<Notices> sources;

    /** @param users read again after a first command, whose settings may have changed what to say */
    public NoticeBoard(UserStore users, List<Notices> sources) {
        this(users, Optional.empty(), sources);
    }

    /** @param links a first command may have linked the account: its notices then speak of the primary's settings */
    public NoticeBoard(UserStore users, Optional<AccountLinks> links, List<Notices> sources) {
        this.users = users;
        this.links = links;
        this.sources = List.copyOf(sources);
    }

    Reply withNotices(Onboarding.Arrived arrived, Invocation invocation, Reply reply) {
        if (reply.visibility() != Reply.Visibility.PRIVATE) {
            return reply;
        }
        User user = arrived.user();
        List<Section> arrivalNotices = arrived.notices();
        Reply result = reply;
        if (arrived.firstTime()) {
            User afterCommand = users.find(user.key())
                    .map(account -> links.flatMap(l -> l.primaryOf(account.id()))
                            .flatMap(users::byId)
                            .orElse(account))
                    .orElse(user);
            for (Notices source : sources) {
                result = withNotices(result, source.forFirstRequest(afterCommand));
            }
        }
        for (int i = arrivalNotices.size() - 1; i >= 0; i--) {
            result = result.withNotice(arrivalNotices.get(i));
        }
        for (Notices source : sources) {
            result = withNotices(result, source.forUser(user, invocation));
        }
        return result;
    }

    /** The notices above the reply, in the order their source gave them. */
    private static Reply withNotices(Reply reply, List<Section> notices) {
        Reply result = reply;
        for (int i = notices.size() - 1; i >= 0; i--) {
            result = result.withNotice(notices.get(i));
        }
        return result;
    }
}
