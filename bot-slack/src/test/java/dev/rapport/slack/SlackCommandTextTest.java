package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackCommandTextTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiterString = "=>",
            value = {
                "marc loves sailing => marc loves sailing",
                "a &amp; b &lt;3 &gt; c => a & b <3 > c",
                "&amp;lt; => &lt;",
                "<@U0BEA00002|bea> met at lunch => <@U0BEA00002|bea> met at lunch",
                "<@U0BEA00002> met at lunch => <@U0BEA00002> met at lunch",
                "tell <!channel> and <!here|here> => tell @channel and @here",
                "<!subteam^S0ENG0001|@engineers> rock => @engineers rock",
                "in <#C0GENERAL1|general> today => in #general today",
                "see <https://example.com> => see https://example.com",
                "see <https://evil.example|click me> => see click me (https://evil.example)",
                "mail <mailto:a@b.example|a@b.example> => mail a@b.example",
                "typed &lt;!channel&gt; literally => typed <!channel> literally"
            })
    void slacksEncodingIsReadBackAsTyped(String sent, String typed) {
        assertThat(SlackCommandText.decode(sent)).isEqualTo(typed);
    }
}
