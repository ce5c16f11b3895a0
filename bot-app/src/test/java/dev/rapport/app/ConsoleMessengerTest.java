package dev.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.domain.UserKey;
import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConsoleMessengerTest {
    private static final UserKey ME = new UserKey(Console.PLATFORM, Console.WORKSPACE, "ada");
    private static final Reply DIGEST =
            Reply.of(Section.of("One person to get back to today."), Section.titled("Marc Kelly", "Follow-up due"));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void theConsoleUsersDigestIsPrintedAsPlainText() {
        // GIVEN the console's messenger for Ada
        ConsoleMessenger messenger = new ConsoleMessenger(ME, out, false);

        // WHEN her digest falls due
        DirectMessenger.Delivery delivery = messenger.send(ME, DIGEST, "digest:1:2026-11-25");

        // THEN it is printed, rendered as the console renders replies, and counts as delivered
        assertThat(delivery).isInstanceOf(DirectMessenger.Sent.class);
        assertThat(printed()).isEqualTo("== Your daily digest ==\n" + Console.render(DIGEST) + "\n");
    }

    @Test
    void anotherConsoleUsersDigestWaitsForThemToOpenTheConsole() {
        // GIVEN the console is open for Ada
        ConsoleMessenger messenger = new ConsoleMessenger(ME, out, false);

        // WHEN Bo's digest falls due
        DirectMessenger.Delivery delivery =
                messenger.send(new UserKey(Console.PLATFORM, Console.WORKSPACE, "bo"), DIGEST, "digest:2:2026-11-25");

        // THEN nothing is printed and the scheduler is asked to try again later
        assertThat(delivery).isInstanceOf(DirectMessenger.RetryLater.class);
        assertThat(printed()).isEmpty();
    }

    @Test
    void aDigestWaitsUntilTheReplyBeingPrintedIsComplete() throws InterruptedException {
        // GIVEN the console is in the middle of printing a reply (it holds the stream's lock while it does)
        ConsoleMessenger messenger = new ConsoleMessenger(ME, out, false);
        AtomicReference<DirectMessenger.Delivery> delivery = new AtomicReference<>();
        Thread scheduler = new Thread(() -> delivery.set(messenger.send(ME, DIGEST, "digest:1:2026-11-25")));
        synchronized (out) {
            out.println("first half of a reply");
            // WHEN the scheduler delivers a digest meanwhile
            scheduler.start();
            while (scheduler.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }
            out.println("second half of a reply");
        }
        scheduler.join();

        // THEN the digest comes after the whole reply, not inside it
        assertThat(delivery.get()).isInstanceOf(DirectMessenger.Sent.class);
        assertThat(printed()).startsWith("first half of a reply\nsecond half of a reply\n== Your daily digest ==");
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
