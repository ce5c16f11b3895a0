package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command typed on Discord, with typed options, reaches core and comes back as an ephemeral embed. */
class SlashCommandsOnDiscordTest {
    private static final int EPHEMERAL = 64;

    @TempDir
    Path folder;

    TestBot bot;

    @BeforeEach
    void start() {
        bot = new TestBot(folder);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void rememberWithAUserOptionSavesTheNoteUnderTheTypedNameLinkedToTheAccount() {
        // WHEN /remember who:Marc note:… user:@marc.kelly, the user resolved by Discord
        bot.deliver(bot.discord.slash("slash-remember-with-user-option.json", Map.of()));

        // THEN an ephemeral embed about Marc, with follow-up buttons carrying core's action ids
        DiscordTester.Sent reply = bot.discord.lastMessage();
        assertThat(bot.discord.isPrivate(reply)).isTrue();
        // (Discord gives no time zone: a first-time user is asked once to set theirs, in an embed before the reply)
        assertThat(reply.embeds().get(0).getString("description")).contains("Until you set your time zone");
        DataObject embed = reply.embeds().get(1);
        assertThat(embed.getString("title")).isEqualTo("Marc");
        assertThat(embed.getString("description"))
                .contains("New contact")
                .contains("1 thing about Marc")
                .contains("Tags: #sailing");
        assertThat(reply.customIds()).hasSize(5).allMatch(id -> id.matches("(fu|rh):\\w+:\\d+|undo:\\d+|edit:\\d+"));

        // AND the contact is linked to the Discord account: mentioning the account finds Marc
        assertThat(bot.given(ANA, "contact", "<@600000000000000002>")
                        .sections()
                        .get(0)
                        .heading())
                .contains("Marc");
    }

    @Test
    void rememberByNameQuotesTheNameSoCoreReadsExactlyIt() {
        // WHEN /remember who:"Marc Kelly: the sailor" note:…
        DiscordTester.Sent reply = bot.slash("remember", Map.of("who", "Marc Kelly", "note", "ask: how was Lisbon?"));

        // THEN the contact is "Marc Kelly" and the note became a question to ask
        assertThat(reply.embeds().get(1).getString("title")).isEqualTo("Marc Kelly");
        assertThat(reply.embeds().get(1).getString("description"))
                .contains("Saved as a question to ask")
                .contains("1 open question");
    }

    @Test
    void followUpAddIsDeferredThenAnswersWithTheDateAsUnderstood() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");

        // WHEN /followup add who:marc when:next friday about:the job offer
        DiscordTester.Sent reply = bot.slash(
                "followup", "add", Map.of("who", "Marc Kelly", "when", "next friday", "about", "the job offer"));

        // THEN Discord got an ephemeral deferral first, then the original response was edited
        List<DiscordTester.Sent> sent = bot.discord.sent();
        assertThat(sent.get(0).callbackType()).isEqualTo(DiscordTester.CALLBACK_DEFERRED_MESSAGE);
        assertThat(sent.get(0).body().getObject("data").getInt("flags")).isEqualTo(EPHEMERAL);
        assertThat(reply.method()).isEqualTo("PATCH");
        assertThat(reply.route()).contains("/messages/%40original");
        assertThat(reply.embedText())
                .contains("I'll remind you to follow up with Marc Kelly on")
                .contains("about the job offer")
                .contains("met at the SYPE mixer");
    }

    @Test
    void followUpAddWithARhythmSetsAKeepInTouchRhythm() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");

        DiscordTester.Sent reply = bot.slash("followup", "add", Map.of("who", "Marc Kelly", "when", "every 3 weeks"));

        assertThat(reply.embedText()).contains("Keeping in touch with Marc Kelly every 3 weeks");
    }

    @Test
    void followUpListShowsWhatIsDue() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "followup", "\"Marc Kelly\" today about the offer");

        DiscordTester.Sent reply = bot.slash("followup", "list", Map.of());

        assertThat(reply.embeds().get(0).getString("title")).isEqualTo("Due now");
        assertThat(reply.embedText()).contains("Marc Kelly").contains("about the offer");
    }

    @Test
    void followUpDoneLogsContactAndKeepsWhatHappened() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "followup", "\"Marc Kelly\" today");

        DiscordTester.Sent reply = bot.slash(
                "followup", "done", Map.of("who", "Marc Kelly", "what", "had coffee, she starts at Acme in May"));

        assertThat(reply.embedText())
                .contains("Logged: you were in touch with Marc Kelly today.")
                .contains("Closed the follow-up")
                .contains("Saved what happened as a logged interaction.")
                .contains("Who reached out: not recorded.");
    }

    @Test
    void followUpSnoozeMovesTheFollowUpAndKeepsTheReason() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "followup", "\"Marc Kelly\" today");

        DiscordTester.Sent reply = bot.slash(
                "followup", "snooze", Map.of("who", "Marc Kelly", "when", "next week", "reason", "travelling"));

        assertThat(reply.embedText())
                .contains("Snoozed Marc Kelly until")
                .contains("Kept the reason as a note: “Snoozed: travelling”.");
    }

    @Test
    void followUpCancelDropsTheFollowUp() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "followup", "\"Marc Kelly\" every month");

        DiscordTester.Sent reply = bot.slash("followup", "cancel", Map.of("who", "Marc Kelly"));

        assertThat(reply.embedText()).contains("Cancelled the follow-up and the rhythm with Marc Kelly");
    }

    @Test
    void contactShowsThePageWithFieldsAndButtons() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "remember", "\"Marc Kelly\" ask: how was the move?");

        DiscordTester.Sent reply = bot.slash("contact", Map.of("who", "Marc Kelly"));

        DataObject header = reply.embeds().get(0);
        assertThat(header.getString("title")).isEqualTo("Marc Kelly");
        assertThat(header.getArray("fields").getObject(0).getString("name")).isEqualTo("Things known");
        assertThat(reply.embedText()).contains("Ask: how was the move?").contains("met at the SYPE mixer");
        // Every custom id is core's action id; whether Add note asks for text first is core's answer on click.
        assertThat(reply.customIds()).anyMatch(id -> id.matches("note:\\d+"));
        assertThat(reply.customIds()).anyMatch(id -> id.matches("done:\\d+"));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> typedWho() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("marc", "Marc Kelly"),
                org.junit.jupiter.params.provider.Arguments.of("kelly", "Marc Kelly"),
                org.junit.jupiter.params.provider.Arguments.of("Marc K", "Marc Kelly"),
                org.junit.jupiter.params.provider.Arguments.of("ana", "Ana Lima"),
                org.junit.jupiter.params.provider.Arguments.of("lima:", "Ana Lima"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("typedWho")
    void theTypedWhoIsReadLikeFreeText(String who, String meant) {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "remember", "Ana Lima: sails");

        DiscordTester.Sent page = bot.slash("contact", Map.of("who", who));
        assertThat(page.embeds()).anyMatch(embed -> embed.getString("title", "").equals(meant));
        assertThat(page.embedText()).contains("Things known");

        DiscordTester.Sent saved = bot.slash("remember", Map.of("who", who, "note", "loves sailing"));
        assertThat(saved.embedText()).contains("about " + meant).doesNotContain("New contact");
        DiscordTester.Sent circle = bot.slash("circle", Map.of());
        assertThat(circle.embedText()).contains("Your circle — 2 people");
    }

    @Test
    void aTypedWhoThatFitsNoOneCreatesNobodyOutsideRemember() {
        bot.given(ANA, "remember", "Richard Finnie: met at the SYPE mixer");

        DiscordTester.Sent reply =
                bot.slash("followup", "add", Map.of("who", "richrad", "when", "tomorrow", "about", "the first step"));

        assertThat(reply.embedText()).contains("You have no contact called “richrad” — did you mean Richard Finnie?");
        assertThat(reply.customIds()).anyMatch(id -> id.matches("pick:\\d+:\\d+"));
        assertThat(bot.slash("circle", Map.of()).embedText()).contains("Your circle — 1 person");
    }

    @Test
    void anUnknownPersonIsAnErrorEmbedWithAnExample() {
        DiscordTester.Sent reply = bot.slash("contact", Map.of("who", "Nobody"));

        assertThat(reply.embeds().get(0).getInt("color")).isEqualTo(0xD9534F);
        assertThat(reply.embedText())
                .contains("You have no contact called “Nobody” yet.")
                .contains("Example:");
    }

    @Test
    void circleListsThePeople() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");

        DiscordTester.Sent reply = bot.slash("circle", Map.of());

        assertThat(reply.embedText()).contains("Marc Kelly");
    }

    @Test
    void todayShowsTheDigestWithDoneSnoozeAndAddNoteButtons() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "followup", "\"Marc Kelly\" today");

        DiscordTester.Sent reply = bot.slash("today", Map.of());

        assertThat(reply.embedText())
                .contains("One person to get back to today.")
                .contains("Marc Kelly");
        assertThat(reply.customIds())
                .anyMatch(id -> id.startsWith("done:"))
                .anyMatch(id -> id.startsWith("snz:1d:"))
                .anyMatch(id -> id.startsWith("snz:1w:"))
                .anyMatch(id -> id.startsWith("note:"));
    }

    @Test
    void settingsShowAndEverySubcommandReachCore() {
        assertThat(bot.slash("settings", "show", Map.of()).embedText())
                .contains("Your settings")
                .contains("UTC, not set yet");
        assertThat(bot.slash("settings", "timezone", Map.of("zone", "berlin")).embedText())
                .contains("Time zone: Europe/Berlin (was UTC, not set yet).");
        assertThat(bot.slash("settings", "digest", Map.of("time", "8:30pm")).embedText())
                .contains("Digest time: 8:30 pm (was 9:00 am).");
        assertThat(bot.slash("settings", "days", Map.of("which", "mon,wed,fri")).embedText())
                .contains("Digest days: Mon, Wed and Fri (was every day).");
        assertThat(bot.slash("settings", "pause", Map.of("until", "for 2 weeks"))
                        .embedText())
                .contains("Paused: through Tue 8 Dec 2026 (was no).");
        assertThat(bot.slash("settings", "resume", Map.of()).embedText())
                .contains("Paused: no (was through Tue 8 Dec 2026).");
        assertThat(bot.slash("settings", "max", Map.of("people", 1)).embedText())
                .contains("Digest holds: at most 1 person (was at most 5 people).");
        assertThat(bot.slash("settings", "about", Map.of("topics", "climbing, Rust"))
                        .embedText())
                .contains("Ask me about: “climbing, Rust” (was nothing).");
    }

    @Test
    void linkAndUnlinkReachCoreWithTheTypedCode() {
        // GIVEN Ana keeps Marc on the console and made a link code there
        dev.rapport.core.api.Requester console = dev.rapport.core.api.Requester.of("console", "local", "ana", "ana");
        bot.rapport.handle(dev.rapport.core.api.CommandRequest.of(console, "remember", "Marc Kelly: sails"));
        String made = bot.rapport
                .handle(dev.rapport.core.api.CommandRequest.of(console, "settings", "link"))
                .plainText();
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(made);
        assertThat(code.find()).isTrue();

        // WHEN she enters it in Discord's code option, then unlinks
        // THEN Discord shares the console's circle, and after unlinking starts empty again
        assertThat(bot.slash("settings", "link", Map.of("code", code.group().toLowerCase()))
                        .embedText())
                .contains("Linked: this Discord account and your console account");
        assertThat(bot.slash("circle", Map.of()).embedText()).contains("Marc Kelly");
        assertThat(bot.slash("settings", "unlink", Map.of()).embedText())
                .contains("Unlinked: this Discord account starts again with an empty circle");
    }

    @Test
    void anAbbreviatedZoneOffersPlacesAsButtonsThatSetTheZone() {
        DiscordTester.Sent reply = bot.slash("settings", "timezone", Map.of("zone", "CET"));

        assertThat(reply.embedText()).contains("“CET” is an abbreviation, not a place", "Nothing was changed.");
        assertThat(reply.customIds()).startsWith("tz:Europe/Berlin", "tz:Europe/Paris");
    }

    @Test
    void forgetAsksForConfirmationWithButtons() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");

        DiscordTester.Sent reply = bot.slash("forget", Map.of("who", "Marc Kelly"));

        assertThat(reply.embeds().get(0).getString("title")).isEqualTo("Forget Marc Kelly?");
        DataObject forget = reply.message()
                .getArray("components")
                .getObject(0)
                .getArray("components")
                .getObject(0);
        assertThat(forget.getString("custom_id")).matches("forget:\\d+");
        assertThat(forget.getInt("style")).isEqualTo(4);
        assertThat(reply.customIds()).anyMatch(id -> id.matches("keep:\\d+"));
    }

    @Test
    void exportAttachesTheJsonFile() {
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");

        DiscordTester.Sent reply = bot.slash("export", Map.of());

        assertThat(reply.embedText()).contains("rapport-export-2026-11-25.json");
        assertThat(reply.body().getArray("attachments").getObject(0).getString("filename"))
                .isEqualTo("rapport-export-2026-11-25.json");
        assertThat(reply.parts()).anyMatch(part -> part.contains("\"name\"") && part.contains("Marc Kelly"));
    }

    @Test
    void helpShowsUsage() {
        DiscordTester.Sent reply = bot.slash("help", Map.of());

        assertThat(reply.embeds().get(1).getString("title")).isEqualTo("Rapport — a small circle, a mile deep");
    }
}
