package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackFilesTest {
    private final SlackFiles files = new SlackFiles(SlackTestBed.BOT_TOKEN, Optional.of("http://127.0.0.1:4567/api/"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "https://files.slack.com/files-pri/T1-F1/download/contacts.vcf, true",
        "https://FILES.SLACK.COM/files-pri/T1-F1/download/contacts.vcf, true",
        "https://files.slack.com:443/files-pri/T1-F1/download/contacts.vcf, true",
        "http://127.0.0.1:4567/files-pri/T1-F1/download/contacts.vcf, true",
        "http://files.slack.com/files-pri/T1-F1/download/contacts.vcf, false",
        "https://files.slack.com:8443/files-pri/T1-F1/download/contacts.vcf, false",
        "https://files.slack.com.evil.example/files-pri/T1-F1/contacts.vcf, false",
        "https://evil.example/files.slack.com/files-pri/T1-F1/contacts.vcf, false",
        "https://files.slack.com@evil.example/files-pri/T1-F1/contacts.vcf, false",
        "https://someone@files.slack.com/files-pri/T1-F1/contacts.vcf, false",
        "https://slack.com/files-pri/T1-F1/download/contacts.vcf, false",
        "http://127.0.0.1:4568/files-pri/T1-F1/download/contacts.vcf, false",
        "https://127.0.0.1:4567/files-pri/T1-F1/download/contacts.vcf, false",
        "http://localhost:4567/files-pri/T1-F1/download/contacts.vcf, false",
        "file:///etc/passwd, false",
        "not a url, false",
        "'', false",
    })
    void theBotTokenGoesOnlyToSlacksFileHostOrTheConfiguredApiHost(String location, boolean trusted) {
        // GIVEN an adapter whose Web API base is a local fake
        // WHEN a submission names a file at this address
        // THEN the token may be sent there only if it is Slack's file host or that fake
        assertThat(files.trusted(location).isPresent()).isEqualTo(trusted);
    }
}
