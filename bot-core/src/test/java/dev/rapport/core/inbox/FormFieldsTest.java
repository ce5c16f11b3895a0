package dev.rapport.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one form encoding of the inbox: payloads and adapters' reply handles read back exactly as written. */
class FormFieldsTest {
    @Test
    void fieldsReadBackExactlyWhateverTheyHold() {
        FormFields written = FormFields.empty()
                .with("url", "https://hooks.slack.test/commands/T1/2/abc?x=1&y=2")
                .with("text", "Zoë & <@U2> = 100% \n\"x\"")
                .with("empty", "")
                .with("private", true)
                .with("pinged", false)
                .with("absent", Optional.empty());

        FormFields read = FormFields.decode(written.encode());

        assertThat(read.all()).isEqualTo(written.all());
        assertThat(read.need("url")).isEqualTo("https://hooks.slack.test/commands/T1/2/abc?x=1&y=2");
        assertThat(read.get("empty")).contains("");
        assertThat(read.flag("private")).isTrue();
        assertThat(read.flag("pinged")).isFalse();
        assertThat(read.flag("absent")).isFalse();
        assertThat(read.get("absent")).isEmpty();
    }

    @Test
    void aMissingFieldOrATextThatIsNotFieldsIsRefused() {
        assertThatThrownBy(() -> FormFields.empty().need("token")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormFields.decode("no-equals-sign")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormFields.decode("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsTextShowsTheNamesButNeverTheValues() {
        FormFields handle = FormFields.empty().with("t", "secret-interaction-token");

        assertThat(handle.toString()).isEqualTo("FormFields[t]");
    }
}
