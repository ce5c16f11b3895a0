package dev.rapport.core.api;

import dev.rapport.core.reply.Reply;

/**
 * Where a long request shows how far it has come before its answer (an import of thousands of people): the platform
 * renders each interim reply as its users expect (the console prints a line, Discord edits the deferred message,
 * Slack posts through the response_url). Interim replies are shown while the request's transaction is open: the
 * answer that follows says how it ended.
 */
@FunctionalInterface
public interface Progress {
    /** Shows nothing: a request from where no interim reply can be shown. */
    Progress NONE = interim -> {};

    void show(Reply interim);
}
