package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.port.DirectMessenger;
import dev.rapport.core.port.DmChannels;
import dev.rapport.core.reply.Reply;
import dev.rapport.core.reply.Section;
import dev.rapport.core.testing.OpenStorage;
import dev.rapport.core.testing.TestStorage;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.render.DiscordReplyRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Direct messages through the user's private channel, with a nonce per dedupe key and failures mapped. */
class DiscordMessengerTest {
    private static final String USER = "500000000000000001";
    private static final Reply DIGEST = Reply.of(Section.titled("Marc Kelly", "Ask: how was the move?"));

    private final DiscordTester discord = new DiscordTester();
    private final DiscordMessenger messenger =
            new DiscordMessenger(discord.jda, new DiscordReplyRenderer(), Duration.ofSeconds(5));

    @Test
    void aDigestIsSentToThePrivateChannelWithANonceThatDiscordEnforces() {
        discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", USER));
        discord.answer("POST channels/920000000000000009/messages", 200, "dm-message-created.json", Map.of());

        DirectMessenger.Delivery delivery = messenger.send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25");

        assertThat(delivery).isEqualTo(new DirectMessenger.Sent());
        List<DiscordTester.Sent> sent = discord.sent();
        assertThat(sent.get(0).body().getString("recipient_id")).isEqualTo(USER);
        DiscordTester.Sent message = sent.get(1);
        assertThat(message.route()).isEqualTo("channels/920000000000000009/messages");
        assertThat(message.body().getString("nonce"))
                .hasSizeLessThanOrEqualTo(25)
                .isEqualTo(DiscordMessenger.nonce("digest:42:2026-11-25"));
        assertThat(message.body().getBoolean("enforce_nonce")).isTrue();
        assertThat(message.body()
                        .getObject("allowed_mentions")
                        .getArray("parse")
                        .length())
                .isZero();
        assertThat(message.embedText()).contains("Marc Kelly").contains("Ask: how was the move?");
    }

    @Test
    void theSameDedupeKeyAlwaysGivesTheSameNonceAndAnotherDayAnother() {
        assertThat(DiscordMessenger.nonce("digest:42:2026-11-25"))
                .isEqualTo(DiscordMessenger.nonce("digest:42:2026-11-25"))
                .isNotEqualTo(DiscordMessenger.nonce("digest:42:2026-11-26"))
                .hasSizeLessThanOrEqualTo(25);
    }

    @Test
    void aUserWhoBlocksDirectMessagesIsUnreachable() {
        discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", USER));
        discord.answer("POST channels/", 403, "error-cannot-send-to-user.json", Map.of());

        DirectMessenger.Delivery delivery = messenger.send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25");

        assertThat(delivery).isInstanceOf(DirectMessenger.Unreachable.class);
        assertThat(((DirectMessenger.Unreachable) delivery).reason()).contains("Cannot send messages to this user");
    }

    @Test
    void anUnknownUserIsUnreachable() {
        discord.answer("POST users/@me/channels", 404, "error-unknown-user.json", Map.of());

        assertThat(messenger.send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25"))
                .isInstanceOf(DirectMessenger.Unreachable.class);
    }

    @Test
    void aServerErrorIsRetriedLater() {
        discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", USER));
        discord.answer("POST channels/", 400, "error-server.json", Map.of());

        DirectMessenger.Delivery delivery = messenger.send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25");

        assertThat(delivery).isInstanceOf(DirectMessenger.RetryLater.class);
        assertThat(((DirectMessenger.RetryLater) delivery).after()).isPositive();
    }

    @Test
    void anIdThatIsNotADiscordIdIsUnreachableWithoutAsking() {
        assertThat(messenger.send(Requesters.key("not-a-snowflake"), DIGEST, "k"))
                .isInstanceOf(DirectMessenger.Unreachable.class);
        assertThat(discord.sent()).isEmpty();
    }

    @Test
    void anInternalServerErrorIsRetriedWithinSeconds() {
        discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", USER));
        discord.answer("POST channels/", 500, "error-internal.json", Map.of());

        DirectMessenger.Delivery delivery = messenger.send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25");

        assertThat(delivery)
                .isEqualTo(new DirectMessenger.RetryLater(
                        DiscordMessenger.SERVER_TROUBLE_WAIT, "Discord error 0: 500: Internal Server Error"));
        assertThat(((DirectMessenger.RetryLater) delivery).rateLimited()).isFalse();
    }

    @Test
    void anOpenedChannelIsKeptSoThatTheNextMessageAfterARestartGoesStraightToIt(@TempDir Path folder) {
        try (OpenStorage store = TestStorage.open(folder)) {
            DmChannels channels = store.storage().dmChannels();
            discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", USER));
            discord.answer("POST channels/920000000000000009/messages", 200, "dm-message-created.json", Map.of());
            assertThat(kept(channels).send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25"))
                    .isEqualTo(new DirectMessenger.Sent());
            assertThat(channels.find(Requesters.key(USER))).contains("920000000000000009");

            // A new process: nothing in JDA's memory, the channel in the database.
            DiscordTester restarted = new DiscordTester();
            restarted.answer("POST channels/920000000000000009/messages", 200, "dm-message-created.json", Map.of());
            DiscordMessenger again = new DiscordMessenger(
                    () -> restarted.jda, new DiscordReplyRenderer(), Duration.ofSeconds(5), Optional.of(channels));

            assertThat(again.send(Requesters.key(USER), DIGEST, "digest:42:2026-11-26"))
                    .isEqualTo(new DirectMessenger.Sent());
            assertThat(restarted.sent()).singleElement().satisfies(sent -> {
                assertThat(sent.route()).isEqualTo("channels/920000000000000009/messages");
                assertThat(sent.body().getString("nonce")).isEqualTo(DiscordMessenger.nonce("digest:42:2026-11-26"));
            });
        }
    }

    @Test
    void aKeptChannelDiscordNoLongerKnowsIsForgottenAndOpenedAfresh(@TempDir Path folder) {
        try (OpenStorage store = TestStorage.open(folder)) {
            DmChannels channels = store.storage().dmChannels();
            channels.remember(Requesters.key(USER), "930000000000000001");
            discord.answer("POST channels/930000000000000001", 404, "error-unknown-channel.json", Map.of());
            discord.answer("POST users/@me/channels", 200, "dm-channel-opened.json", Map.of("userId", USER));
            discord.answer("POST channels/920000000000000009/messages", 200, "dm-message-created.json", Map.of());

            DirectMessenger.Delivery delivery =
                    kept(channels).send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25");

            assertThat(delivery).isEqualTo(new DirectMessenger.Sent());
            assertThat(discord.sent())
                    .extracting(DiscordTester.Sent::route)
                    .containsExactly(
                            "channels/930000000000000001/messages",
                            "users/@me/channels",
                            "channels/920000000000000009/messages");
            assertThat(channels.find(Requesters.key(USER))).contains("920000000000000009");
        }
    }

    @Test
    void aUserWhoBlocksDirectMessagesIsUnreachableAndTheirChannelStaysKept(@TempDir Path folder) {
        try (OpenStorage store = TestStorage.open(folder)) {
            DmChannels channels = store.storage().dmChannels();
            channels.remember(Requesters.key(USER), "920000000000000009");
            discord.answer("POST channels/", 403, "error-cannot-send-to-user.json", Map.of());

            assertThat(kept(channels).send(Requesters.key(USER), DIGEST, "digest:42:2026-11-25"))
                    .isInstanceOf(DirectMessenger.Unreachable.class);
            assertThat(discord.sent()).extracting(DiscordTester.Sent::route).doesNotContain("users/@me/channels");
            assertThat(channels.find(Requesters.key(USER))).contains("920000000000000009");
        }
    }

    private DiscordMessenger kept(DmChannels channels) {
        return new DiscordMessenger(
                () -> discord.jda, new DiscordReplyRenderer(), Duration.ofSeconds(5), Optional.of(channels));
    }

    @Test
    void theMessengerDeliversToDiscord() {
        assertThat(messenger.platform()).isEqualTo("discord");
    }
}
