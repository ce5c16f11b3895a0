package dev.rapport.discord;

import dev.rapport.core.api.FileDownload;
import dev.rapport.core.api.FileHosts;
import dev.rapport.discord.command.Attachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachments fetched from Discord's CDN with core's bounded download (never more than their limit, no redirect
 * followed, a web page is not a file). Only Discord's CDN hosts over HTTPS are asked, or the origin the REST base
 * is set to instead (a proxy, or a test's fake): any other address is refused before a request is made.
 */
final class DiscordFiles {
    static final Set<String> CDN_HOSTS = Set.of("cdn.discordapp.com", "media.discordapp.net");
    private static final Logger log = LoggerFactory.getLogger(DiscordFiles.class);

    private final FileHosts hosts;
    private final FileDownload download = new FileDownload();

    DiscordFiles(Optional<String> apiBase) {
        this.hosts = new FileHosts(CDN_HOSTS, apiBase);
    }

    /** The attachment's bytes, at most its limit; throws UncheckedIOException when Discord does not serve it. */
    byte[] fetch(Attachment file) {
        Optional<URI> trusted = hosts.trusted(file.url());
        if (trusted.isEmpty()) {
            log.warn("An attachment that is not on Discord's CDN was not fetched");
            throw new UncheckedIOException(new IOException("Not on Discord's CDN"));
        }
        return download.get(trusted.get(), Map.of(), file.maxBytes())
                .orElseThrow(() -> new UncheckedIOException(new IOException("Discord's CDN did not serve it")));
    }

    /** The attachment's address, if Rapport fetches from there. */
    Optional<URI> trusted(String location) {
        return hosts.trusted(location);
    }
}
