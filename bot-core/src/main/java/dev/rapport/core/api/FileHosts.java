package dev.rapport.core.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a platform keeps the files its users share: its own file hosts over HTTPS on the standard port, or the one
 * origin its API base is set to instead (a proxy, or a test's fake). An address anywhere else, or one that carries
 * credentials of its own, is refused before a request is made, so a platform's token (or Rapport's fetch at all)
 * reaches no other host.
 */
public final class FileHosts {
    private final Set<String> hosts;
    private final Optional<URI> configured;

    /**
     * @param httpsHosts the platform's file hosts, lower case
     * @param configuredBase the API base the adapter is set to instead of the platform's, if any
     */
    public FileHosts(Set<String> httpsHosts, Optional<String> configuredBase) {
        this.hosts = Set.copyOf(httpsHosts);
        this.configured = configuredBase.flatMap(FileHosts::uri);
    }

    /** The file's address, if it is on one of these hosts. */
    public Optional<URI> trusted(String location) {
        Optional<URI> parsed = uri(location);
        if (parsed.isEmpty() || parsed.get().getRawUserInfo() != null) {
            return Optional.empty();
        }
        URI uri = parsed.get();
        boolean platform = "https".equalsIgnoreCase(uri.getScheme())
                && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))
                && (uri.getPort() == -1 || uri.getPort() == 443);
        boolean set = configured.filter(base -> sameOrigin(base, uri)).isPresent();
        return platform || set ? parsed : Optional.empty();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
