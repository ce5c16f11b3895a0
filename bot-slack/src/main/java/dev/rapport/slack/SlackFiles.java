package dev.rapport.slack;

import dev.rapport.core.api.FileDownload;
import dev.rapport.core.api.FileHosts;
import dev.rapport.core.api.SharedFile;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a file a user gave Rapport on Slack, with the bot token of the workspace the file's address names (the
 * one token of a self-hosted Rapport), as Slack asks. The token goes only to Slack's
 * file host over HTTPS, or to the host the Web API base is set to instead of Slack's (a proxy, or a test's fake):
 * any other address is refused before a request is made.
 */
final class SlackFiles {
    static final String FILE_HOST = "files.slack.com";
    private static final Logger log = LoggerFactory.getLogger(SlackFiles.class);
    // Slack's private file paths name the workspace: /files-pri/T0123-F0456/…
    private static final Pattern FILE_PATH = Pattern.compile("^/files-pri/([TE][A-Z0-9]+)-F[A-Z0-9]+/");

    private final SlackTokens tokens;
    private final FileHosts hosts;
    private final FileDownload download = new FileDownload();

    SlackFiles(SlackTokens tokens, Optional<String> apiBase) {
        this.tokens = tokens;
        this.hosts = new FileHosts(Set.of(FILE_HOST), apiBase);
    }

    Optional<byte[]> fetch(SharedFile file, int maxBytes) {
        Optional<URI> trusted = trusted(file.location());
        if (trusted.isEmpty()) {
            log.warn("A Slack file that is not on Slack's file host was not fetched");
            return Optional.empty();
        }
        Optional<String> token = tokens.forFile(teamOf(trusted.get()));
        if (token.isEmpty()) {
            log.warn("A Slack file of a workspace Rapport holds no token for was not fetched");
            return Optional.empty();
        }
        return download.get(trusted.get(), Map.of("Authorization", "Bearer " + token.get()), maxBytes);
    }

    /** The workspace a private file's address names. */
    static Optional<String> teamOf(URI file) {
        Matcher path = FILE_PATH.matcher(Optional.ofNullable(file.getRawPath()).orElse(""));
        return path.find() ? Optional.of(path.group(1)) : Optional.empty();
    }

    /** The file's address, if the bot token may be sent there. */
    Optional<URI> trusted(String location) {
        return hosts.trusted(location);
    }
}
