package dev.rapport.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a file a user shared on a platform over HTTP(S), reading no more than a limit, so that a file too big is
 * never held whole. Redirects are not followed: the request's headers (a platform's token) reach no other host. A
 * web page is not a file: it is what a platform shows when it does not accept the credentials.
 */
public final class FileDownload {
    private static final Logger log = LoggerFactory.getLogger(FileDownload.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * The body of a GET, at most {@code maxBytes} of it (the rest is not read); empty when the server answers other
     * than 200 or cannot be reached. Only the host is logged, never the path, the headers or the body.
     */
    public Optional<byte[]> get(URI uri, Map<String, String> headers, int maxBytes) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    log.warn("Fetching a file from {} failed: HTTP {}", uri.getHost(), response.statusCode());
                    return Optional.empty();
                }
                if (response.headers()
                        .firstValue("Content-Type")
                        .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("text/html"))
                        .isPresent()) {
                    // A sign-in page where the file should be: the platform did not accept the credentials.
                    log.warn("Fetching a file from {} failed: a web page came back", uri.getHost());
                    return Optional.empty();
                }
                return Optional.of(in.readNBytes(maxBytes));
            }
        } catch (IOException e) {
            log.warn(
                    "Fetching a file from {} failed: {}",
                    uri.getHost(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
