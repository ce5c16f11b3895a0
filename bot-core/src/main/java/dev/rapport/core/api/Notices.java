package dev.rapport.core.api;

import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Section;
import java.util.List;

/** Things a user should be told with their next reply (why no digest came, to set a time zone). */
public interface Notices {
    List<Section> forUser(User user, Invocation invocation);

    /**
     * What to tell someone with the reply to their very first request, judged on the settings their command left
     * (a first command that sets the time zone is not answered with a request to set it).
     */
    default List<Section> forFirstRequest(User afterCommand) {
        return List.of();
    }
}
