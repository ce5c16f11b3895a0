package dev.rapport.discord.command;

import dev.rapport.core.api.Upload;
import dev.rapport.core.exchange.ContactFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** /import file: the attached contacts file, fetched from Discord's CDN and handed to core as bytes. */
public final class ImportCommand extends SlashCommand {
    static final String FILE = "file";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public ImportCommand() {
        super("import", "Bring your contacts: a vCard or CSV file (up to " + ContactFile.SIZE_LIMIT + ")");
    }

    @Override
    protected void declare(SlashCommandData data) {
        data.addOptions(new OptionData(
                OptionType.ATTACHMENT, FILE, "A .vcf or .csv export (phone, Google, LinkedIn, Monica)", false));
    }

    @Override
    protected CommandText text(CommandInteractionPayload interaction) {
        return CommandText.of(interaction);
    }

    @Override
    protected boolean mayBeSlow() {
        return true;
    }

    @Override
    protected Optional<Upload> upload(SlashCommandInteractionEvent event) {
        OptionMapping option = event.getOption(FILE);
        if (option == null) {
            return Optional.empty();
        }
        Message.Attachment attachment = option.getAsAttachment();
        // Never more than one byte past the limit: core says the file is too big.
        return Optional.of(new Upload(attachment.getFileName(), fetch(attachment.getUrl(), ContactFile.MAX_BYTES + 1)));
    }

    private byte[] fetch(String url, int max) {
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FetchFailed("Discord's CDN answered " + response.statusCode(), null);
                }
                return in.readNBytes(max);
            }
        } catch (IOException e) {
            throw new FetchFailed("Cannot fetch the attachment", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("Interrupted fetching the attachment", e);
        }
    }

    /** The attachment could not be fetched; nothing reached core. */
    static final class FetchFailed extends RuntimeException {
        FetchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
