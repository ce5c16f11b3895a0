package dev.rapport.slack;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How Rapport is installed on many workspaces: the app's client id and secret, its signing secret, the public base
 * URL Slack sends browsers back to, the port of the HTTP front, and an optional Web API base. Never printed:
 * {@link #toString()} hides every secret.
 */
public record SlackOAuthSettings(
        String clientId,
        String clientSecret,
        String signingSecret,
        String publicUrl,
        int port,
        Optional<String> apiUrl) {
    /** The page with the "Add to Slack" button. */
    public static final String INSTALL_PATH = "/slack/install";
    /** Where Slack sends the browser back with the code. */
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";

    public SlackOAuthSettings {
        require(clientId, "SLACK_CLIENT_ID");
        require(clientSecret, "SLACK_CLIENT_SECRET");
        require(signingSecret, "SLACK_SIGNING_SECRET");
        require(publicUrl, "RAPPORT_PUBLIC_URL");
        URI base = URI.create(publicUrl.strip());
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException(
                    "RAPPORT_PUBLIC_URL must be an absolute URL such as https://rapport.example.com");
        }
        publicUrl = stripSlash(publicUrl.strip());
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("PORT must be between 0 and 65535, was " + port);
        }
    }

    private static void require(String value, String variable) {
        if (Objects.requireNonNullElse(value, "").isBlank()) {
            throw new IllegalArgumentException("Slack OAuth needs " + variable);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The redirect URL, as registered with the app on Slack. */
    public String redirectUri() {
        return publicUrl + REDIRECT_PATH;
    }

    /** The install page's public address. */
    public String installUrl() {
        return publicUrl + INSTALL_PATH;
    }

    /** The Web API base, ending with a slash as the SDK expects. */
    public Optional<String> apiBase() {
        return apiUrl.map(url -> url.endsWith("/") ? url : url + "/");
    }

    @Override
    public String toString() {
        return "SlackOAuthSettings[publicUrl=" + publicUrl + ", port=" + port + ", apiUrl=" + apiUrl.orElse("default")
                + ", secrets hidden]";
    }
}
