package dev.rapport.app;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Delivers the console user's digest by printing it while the console is open. It prints under the same lock as
 * {@link Console}, so a digest lands between replies, never inside one.
 */
final class ConsoleMessenger implements DirectMessenger {
    // Another console user's digest waits for them to open the console the same day; check again now and then.
    private static final Duration NOT_HERE_RETRY = Duration.ofHours(1);

    private final UserKey me;
    private final PrintStream out;
    private final boolean interactive;

    ConsoleMessenger(UserKey me, PrintStream out, boolean interactive) {
        this.me = me;
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public String platform() {
        return Console.PLATFORM;
    }

    @Override
    public Delivery send(UserKey to, Reply message, String dedupeKey) {
        if (!to.equals(me)) {
            return new RetryLater(NOT_HERE_RETRY, "that user's console is not open");
        }
        synchronized (out) {
            if (interactive) {
                out.println();
            }
            out.println("== Your daily digest ==");
            out.println(Console.render(message));
            if (interactive) {
                out.print("> ");
            }
            out.flush();
        }
        return new Sent();
    }
}
