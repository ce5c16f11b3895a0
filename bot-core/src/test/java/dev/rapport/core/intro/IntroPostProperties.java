package dev.rapport.core.intro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Requester;
import dev.rapport.core.command.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever the introducer writes, the channel post mentions exactly the two people and nothing private. */
class IntroPostProperties {
    private static IntroWorld world;
    private static final Requester DANA = IntroWorld.slack("UD", "Dana");
    private static final Requester ANA = IntroWorld.slack("UA", "Ana");
    private static final Requester MARC = IntroWorld.slack("UM", "Marc");

    @BeforeContainer
    static void start() {
        try {
            world = new IntroWorld(Files.createTempDirectory("rapport-intro-properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Dana has private notes that must never reach a channel.
        world.inDm(DANA, "/remember <@UA> private: salary talks in May");
    }

    @AfterContainer
    static void stop() {
        world.close();
    }

    @Property(tries = 200)
    void thePostMentionsExactlyAAndBWhateverTheWhy(@ForAll @StringLength(min = 1, max = 300) String why) {
        Reply reply = world.inChannel(DANA, "/intro <@UA> <@UM> " + why, ANA, MARC);

        if (reply.isError()) {
            assertThat(reply.visibility()).isEqualTo(Reply.Visibility.PRIVATE);
            return;
        }
        assertThat(reply.visibility()).isEqualTo(Reply.Visibility.CHANNEL);
        assertThat(reply.sections().stream()
                        .flatMap(s -> s.body().spans().stream())
                        .filter(Span.Mention.class::isInstance))
                .containsExactly(new Span.Mention("UA", "Ana"), new Span.Mention("UM", "Marc"));
        assertThat(reply.plainText()).doesNotContain("salary");
    }
}
