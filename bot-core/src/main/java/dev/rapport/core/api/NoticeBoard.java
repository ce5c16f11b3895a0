package dev.rapport.core.api;

import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.util.List;

/**
 * Puts what a user should be told (arrival notices, then every {@link Notices} source's) above their reply. A
 * notice is private: it never rides on a post the whole channel sees.
 */
public final class NoticeBoard {
    private final List<Notices> sources;

    public NoticeBoard(List<Notices> sources) {
        this.sources = List.copyOf(sources);
    }

    Reply withNotices(User user, Invocation invocation, Reply reply, List<Section> arrivalNotices) {
        if (reply.visibility() != Reply.Visibility.PRIVATE) {
            return reply;
        }
        Reply result = reply;
        for (int i = arrivalNotices.size() - 1; i >= 0; i--) {
            result = result.withNotice(arrivalNotices.get(i));
        }
        for (Notices source : sources) {
            for (Section notice : source.forUser(user, invocation)) {
                result = result.withNotice(notice);
            }
        }
        return result;
    }
}
