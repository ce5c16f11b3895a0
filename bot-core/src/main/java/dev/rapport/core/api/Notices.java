package dev.rapport.core.api;

import dev.rapport.core.domain.User;
import dev.rapport.core.reply.Section;
import java.util.List;

/** Things a user should be told with their next reply (why no digest came, to set a time zone). */
public interface Notices {
    List<Section> forUser(User user, Invocation invocation);
}
