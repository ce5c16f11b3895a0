package dev.rapport.discord;

import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.Rapport;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Requester;
import dev.rapport.core.storage.Database;
import dev.rapport.core.storage.SqliteStorage;
import dev.rapport.discord.command.Requesters;
import dev.rapport.discord.command.SlashCommands;
import dev.rapport.discord.render.Prompts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Rapport on a real SQLite file with the real migrations and a fixed clock, behind the Discord adapter, with
 * Discord itself faked by {@link DiscordTester}.
 */
final class TestBot implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    /** A Discord user in the fixtures. */
    record Person(String id, String username, String displayName) {
        Requester requester() {
            return new Requester(Requesters.key(id), displayName, Optional.empty());
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("userId", id);
            values.put("username", username);
            values.put("displayName", displayName);
            return values;
        }
    }

    static final Person ANA = new Person("500000000000000001", "ana", "Ana");
    static final Person BEN = new Person("500000000000000002", "ben", "Ben");

    final DiscordTester discord = new DiscordTester();
    final Database database;
    final Rapport rapport;
    final Prompts prompts = new Prompts();
    final InteractionRouter router;

    TestBot(Path folder) {
        database = Database.open(folder.resolve("rapport.db"));
        rapport = Rapport.standard(CLOCK, SqliteStorage.over(database));
        router = new InteractionRouter(rapport, SlashCommands.all(), prompts);
    }

    /** GIVEN steps go straight to core, as typed text. */
    Reply given(Person who, String command, String text) {
        return rapport.handle(new CommandRequest(who.requester(), Optional.empty(), command, text, Map.of()));
    }

    /** Runs a slash command typed by Ana in a server; options are name → String or Integer. */
    DiscordTester.Sent slash(String command, Map<String, Object> options) {
        return slash(ANA, command, Optional.empty(), options);
    }

    DiscordTester.Sent slash(String command, String subcommand, Map<String, Object> options) {
        return slash(ANA, command, Optional.of(subcommand), options);
    }

    DiscordTester.Sent slash(Person who, String command, Optional<String> subcommand, Map<String, Object> options) {
        DataArray typed = DataArray.empty();
        options.forEach((name, value) -> typed.add(DataObject.empty()
                .put("name", name)
                .put("type", value instanceof Integer ? 4 : 3)
                .put("value", value)));
        DataObject data = DataObject.empty()
                .put("id", "1200000000000000009")
                .put("name", command)
                .put("type", 1);
        if (subcommand.isPresent()) {
            data.put(
                    "options",
                    DataArray.empty()
                            .add(DataObject.empty()
                                    .put("name", subcommand.get())
                                    .put("type", 1)
                                    .put("options", typed)));
        } else {
            data.put("options", typed);
        }
        Map<String, String> values = who.values();
        values.put("data", data.toString());
        router.onEvent(discord.slash("slash-command-in-server.json", values));
        return discord.lastMessage();
    }

    @Override
    public void close() {
        database.close();
    }
}
