package dev.rapport.discord.command;

import dev.rapport.core.exchange.ContactFile;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** /import file: the attached contacts file, fetched from Discord's CDN when the command runs and handed to core. */
public final class ImportCommand extends SlashCommand {
    static final String FILE = "file";

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
    public Optional<Attachment> attachment(CommandInteractionPayload interaction) {
        OptionMapping option = interaction.getOption(FILE);
        if (option == null) {
            return Optional.empty();
        }
        Message.Attachment attachment = option.getAsAttachment();
        // Never more than one byte past the limit: core says the file is too big.
        return Optional.of(new Attachment(attachment.getFileName(), attachment.getUrl(), ContactFile.MAX_BYTES + 1));
    }
}
