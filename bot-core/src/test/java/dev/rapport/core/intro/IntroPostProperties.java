package dev.rapport.core.intro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.rapport.core.api.Requester;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Span;
import dev.rapport.core.testing.StorageSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Whatever the introducer writes, the channel post mentions exactly the two people and nothing private. */
@StorageSuite
class IntroPostProperties {
    private static IntroWorld world;
    private static final Requester DANA = IntroWorld.slack("UD", "Dana");
    private static final Requester ANA = IntroWorld.slack("UA", "Ana");
    private static final Requester MARC = IntroWorld.slack("UM", "Marc");

    @BeforeAll
    static void start() {
        try {
            world = new IntroWorld(Files.createTempDirectory("rapport-intro-properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Dana has private notes that must never reach a channel.
        world.inDm(DANA, "/remember <@UA> private: salary talks in May");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void thePostMentionsExactlyAAndBWhateverTheWhy() {
        qt().withExamples(200).forAll(why()).checkAssert(why -> {
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
        });
    }

    /**
     * 1 to 300 chars of what jqwik's default strings held: U+0000 to U+FFFF without surrogates, noncharacters or
     * private use chars. A list of chars, so the length and each char shrink (chars towards 'a', index 0x61).
     */
    static Gen<String> why() {
        char[] ordinary = IntStream.rangeClosed(Character.MIN_VALUE, Character.MAX_VALUE)
                .filter(c -> !Character.isSurrogate((char) c))
                .filter(c -> !(c >= 0xFDD0 && c <= 0xFDEF) && c != 0xFFFE && c != 0xFFFF)
                .filter(c -> !(c >= 0xE000 && c <= 0xF8FF))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .toCharArray();
        Gen<Character> chars = Generate.range(0, ordinary.length - 1, 'a').map(i -> ordinary[i]);
        return lists().of(chars).ofSizeBetween(1, 300).map(IntroPostProperties::join);
    }

    static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }
}
