package dev.rapport.core.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a contacts file of any supported format: vCard 2.1/3.0/4.0, Google Contacts CSV, LinkedIn CSV, plain CSV. */
public final class ContactFile {
    /** The largest file an import reads. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public static final String SIZE_LIMIT = "5 MB";

    /** Why a file over {@link #MAX_BYTES} is refused. */
    public static final String TOO_BIG = "That file is more than " + SIZE_LIMIT + "; imports take files up to "
            + SIZE_LIMIT + ". Export fewer contacts at a time, or split the file.";

    private static final Pattern VCARD_START = Pattern.compile("(?i)^\\s*BEGIN\\s*:\\s*VCARD");

    private ContactFile() {}

    /** What a file holds: its people, those skipped (with why), and what kind of file it was. */
    public record Read(String format, List<ImportedPerson> people, List<Skipped> skipped) {
        public Read {
            people = List.copyOf(people);
            skipped = List.copyOf(skipped);
        }
    }

    /** A record of the file that is not imported, and why. */
    public record Skipped(int line, String reason) {}

    /** The text of an uploaded file, refusing what is too big, binary, or not UTF-8. */
    public static String text(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ImportProblem(TOO_BIG);
        }
        if (bytes.length == 0) {
            throw new ImportProblem("That file is empty.");
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                throw new ImportProblem("That file is not text (it looks binary): export your contacts as vCard"
                        + " (.vcf) or CSV and send that.");
            }
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportProblem("That file is not UTF-8 text: export your contacts as vCard (.vcf) or CSV"
                    + " in UTF-8 and send that.");
        }
    }

    /** Reads a file's text; the name only helps to tell the format. */
    public static Read read(String fileName, String text) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (VCARD_START.matcher(text).find() || lower.endsWith(".vcf") || lower.endsWith(".vcard")) {
            return VcardFormat.read(text);
        }
        return CsvFormat.read(text);
    }
}
