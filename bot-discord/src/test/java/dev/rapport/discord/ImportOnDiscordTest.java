package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.core.exchange.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /import with an attachment: JDA parses Discord's attachment option, the adapter fetches it, core previews it. */
class ImportOnDiscordTest {
    @TempDir
    Path folder;

    TestBot bot;
    HttpServer cdn;
    int fetches;

    @BeforeEach
    void start() throws IOException {
        // Discord's CDN, on 127.0.0.1: serves the fixture files and counts fetches.
        cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdn.createContext("/attachments/", exchange -> {
            fetches++;
            String name = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
            byte[] body = name.equals("missing.vcf")
                    ? new byte[0]
                    : name.equals("large.vcf") ? Fixtures.cards(1_200) : Fixtures.bytes(name);
            exchange.sendResponseHeaders(name.equals("missing.vcf") ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        cdn.start();
        bot = new TestBot(folder, Optional.of(cdnBase()));
    }

    String cdnBase() {
        return "http://127.0.0.1:" + cdn.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        cdn.stop(0);
        bot.close();
    }

    DiscordTester.Sent importFile(String name) {
        bot.deliver(importEvent(name));
        return bot.discord.lastMessage();
    }

    SlashCommandInteractionEvent importEvent(String name) {
        return importEvent(name, cdnBase() + "/attachments/1/2/" + name);
    }

    SlashCommandInteractionEvent importEvent(String name, String url) {
        DataObject attachment = DataObject.empty()
                .put("id", "1330000000000000001")
                .put("filename", name)
                .put("size", 1218)
                .put("url", url)
                .put("proxy_url", url)
                .put("content_type", name.endsWith(".csv") ? "text/csv" : "text/vcard");
        DataObject data = DataObject.empty()
                .put("id", "1200000000000000010")
                .put("name", "import")
                .put("type", 1)
                .put(
                        "options",
                        DataArray.empty()
                                .add(DataObject.empty()
                                        .put("name", "file")
                                        .put("type", 11)
                                        .put("value", "1330000000000000001")))
                .put(
                        "resolved",
                        DataObject.empty()
                                .put("attachments", DataObject.empty().put("1330000000000000001", attachment)));
        Map<String, String> values = ANA.values();
        values.put("data", data.toString());
        values.put("permissions", TestBot.MEMBER_RIGHTS);
        return bot.discord.slash("slash-command-in-server.json", values);
    }

    @Test
    void theFileIsFetchedWhenTheCommandRunsNotBeforeItIsDeferred() {
        // WHEN /import arrives with an attachment
        bot.router.onEvent(importEvent("phone.vcf"));

        // THEN it was written down and deferred without waiting for Discord's CDN
        assertThat(bot.discord.lastCallback().callbackType()).isEqualTo(DiscordTester.CALLBACK_DEFERRED_MESSAGE);
        assertThat(fetches).isZero();

        // WHEN the inbox's workers run it, the file is fetched once and previewed
        bot.inbox.drain();
        assertThat(fetches).isEqualTo(1);
        assertThat(bot.discord.lastMessage().embedText()).contains("Import preview — phone.vcf (vCard)");
    }

    @Test
    void anAttachedVcardIsFetchedAndPreviewedWithAConfirmButton() {
        DiscordTester.Sent preview = importFile("phone.vcf");

        assertThat(fetches).isEqualTo(1);
        assertThat(preview.embedText())
                .contains("Import preview — phone.vcf (vCard)")
                .contains("3 people new, 0 already in your list, 1 skipped.");
        String confirm = preview.customIds().stream()
                .filter(id -> id.startsWith("imp:"))
                .findFirst()
                .orElseThrow();
        bot.pressInServer(ANA, confirm);

        assertThat(bot.discord.lastMessage().embedText()).contains("Imported 3 people from phone.vcf");
        assertThat(bot.given(ANA, "circle", "").plainText())
                .contains("Dr. Ngozi Okafor")
                .contains("Jürgen Müller");
    }

    @Test
    void aLargeImportEditsItsPlaceholderIntoEachStepThenIntoTheResult() {
        // GIVEN the preview of a file of 1,200 people
        DiscordTester.Sent preview = importFile("large.vcf");
        String confirm = preview.customIds().stream()
                .filter(id -> id.startsWith("imp:"))
                .findFirst()
                .orElseThrow();
        int before = bot.discord.sent().size();

        // WHEN Ana presses Import
        bot.pressInServer(ANA, confirm);

        // THEN the deferred placeholder is edited at the start and at each step, privately, then into the result
        List<DiscordTester.Sent> edits = bot
                .discord
                .sent()
                .subList(before, bot.discord.sent().size())
                .stream()
                .filter(DiscordTester.Sent::isWebhook)
                .filter(sent -> sent.method().equals("PATCH"))
                .toList();
        assertThat(edits).hasSize(5);
        assertThat(edits.subList(0, 4))
                .extracting(edit -> edit.embedText().strip())
                .containsExactly(
                        "Importing 1200 people from large.vcf…",
                        "Importing 1200 people from large.vcf… 300 of 1200 done.",
                        "Importing 1200 people from large.vcf… 600 of 1200 done.",
                        "Importing 1200 people from large.vcf… 900 of 1200 done.");
        assertThat(edits).allSatisfy(edit -> {
            assertThat(edit.route()).contains("/messages/%40original");
            assertThat(bot.discord.isPrivate(edit)).isTrue();
        });
        assertThat(edits.get(4).embedText()).contains("Imported 1200 people from large.vcf");
        assertThat(bot.given(ANA, "circle", "").plainText()).contains("1200 people");
    }

    @Test
    void aBrokenFileGetsItsReasonAndAFailedFetchSaysSo() {
        assertThat(importFile("broken.vcf").embedText()).contains("Line 8 of the file is not a vCard line");
        assertThat(importFile("missing.vcf").embedText()).contains("couldn't fetch that file");
        assertThat(bot.given(ANA, "circle", "").plainText()).contains("Your circle is empty");
    }

    @Test
    void exportOffersItsFormatsAsChoices() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");

        DiscordTester.Sent reply = bot.slash("export", Map.of("format", "vcard"));

        assertThat(reply.body().getArray("attachments").getObject(0).getString("filename"))
                .isEqualTo("rapport-contacts-2026-11-25.vcf");
    }

    @Test
    void anAttachmentOffDiscordsCdnIsNeitherFetchedNorImported() throws IOException {
        // GIVEN a server on another port that would serve the file
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int[] asked = {0};
        elsewhere.createContext("/", exchange -> {
            asked[0]++;
            byte[] body = Fixtures.bytes("phone.vcf");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        elsewhere.start();
        try {
            // WHEN an interaction names an attachment there
            String url = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/attachments/1/2/phone.vcf";
            bot.deliver(importEvent("phone.vcf", url));

            // THEN nothing is asked of it, the user is told, and nothing is written
            assertThat(asked[0]).isZero();
            assertThat(bot.discord.lastMessage().embedText()).contains("couldn't fetch that file");
            assertThat(bot.given(ANA, "circle", "").plainText()).contains("Your circle is empty");
        } finally {
            elsewhere.stop(0);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "https://cdn.discordapp.com/attachments/1/2/contacts.vcf?ex=1&is=2&hm=3, true",
        "https://media.discordapp.net/attachments/1/2/contacts.vcf, true",
        "https://CDN.DISCORDAPP.COM/attachments/1/2/contacts.vcf, true",
        "http://127.0.0.1:4567/attachments/1/2/contacts.vcf, true",
        "http://cdn.discordapp.com/attachments/1/2/contacts.vcf, false",
        "https://cdn.discordapp.com:8443/attachments/1/2/contacts.vcf, false",
        "https://cdn.discordapp.com.evil.example/attachments/1/2/contacts.vcf, false",
        "https://cdn.discordapp.com@evil.example/attachments/1/2/contacts.vcf, false",
        "https://discord.com/attachments/1/2/contacts.vcf, false",
        "http://127.0.0.1:4568/attachments/1/2/contacts.vcf, false",
        "file:///etc/passwd, false",
        "not a url, false",
    })
    void attachmentsAreFetchedOnlyFromDiscordsCdnOrTheConfiguredRestHost(String location, boolean trusted) {
        // GIVEN an adapter whose REST base is a local fake
        DiscordFiles files = new DiscordFiles(Optional.of("http://127.0.0.1:4567/api/v10"));
        // WHEN an attachment is at this address
        // THEN it is fetched only from Discord's CDN or that fake
        assertThat(files.trusted(location).isPresent()).isEqualTo(trusted);
    }
}
