package dev.rapport.discord;

import dev.rapport.discord.command.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Attachments fetched from Discord's CDN, never more than their limit. */
final class CdnFiles {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** The attachment's bytes, at most its limit; throws UncheckedIOException when Discord does not serve it. */
    byte[] fetch(Attachment file) {
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(file.url()))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("Discord's CDN answered " + response.statusCode());
                }
                return in.readNBytes(file.maxBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted fetching an attachment"));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("Not an attachment URL"));
        }
    }
}
