package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackFilesTest {
    private final SlackFiles files =
            new SlackFiles(SlackTokens.one(SlackTestBed.BOT_TOKEN), Optional.of("http://127.0.0.1:4567/api/"));

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

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "https://files.slack.com/files-pri/T0ACME0001-F0123ABCD/download/contacts.vcf, T0ACME0001",
        "https://files.slack.com/files-pri/E0GRID0001-F0123ABCD/contacts.vcf, E0GRID0001",
        "http://127.0.0.1:4567/files-pri/T0RAPPORT1-F0CONTACTS/download/contacts.vcf, T0RAPPORT1",
        "https://files.slack.com/files-pri/F0123ABCD/download/contacts.vcf, ''",
        "https://files.slack.com/files-pri/t0acme-F0123/download/contacts.vcf, ''",
        "https://files.slack.com/other/T0ACME0001-F0123ABCD/contacts.vcf, ''",
        "https://files.slack.com/x/files-pri/T0ACME0001-F0123ABCD/contacts.vcf, ''",
    })
    void aPrivateFilesAddressNamesTheWorkspaceWhoseTokenMayFetchIt(String location, String team) {
        // GIVEN a file's address as Slack gives it
        // WHEN Rapport installed on many workspaces picks the token to fetch it with
        // THEN it is the token of the workspace the path names, and of no other
        assertThat(SlackFiles.teamOf(URI.create(location)))
                .isEqualTo(Optional.of(team).filter(t -> !t.isEmpty()));
    }
}
