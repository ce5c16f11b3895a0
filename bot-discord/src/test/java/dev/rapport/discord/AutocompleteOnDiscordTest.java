package dev.rapport.discord;

import static dev.rapport.discord.TestBot.ANA;
import static dev.rapport.discord.TestBot.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autocomplete answers from the asker's own contacts and from the time phrases core understands. */
class AutocompleteOnDiscordTest {
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
    void whoSuggestsTheAskersOwnContactsAndNeverAnotherUsers() {
        // GIVEN Ana knows Marc Kelly and Marta Ruiz, and Ben knows Marco Polo
        bot.given(ANA, "remember", "Marc Kelly: met at the SYPE mixer");
        bot.given(ANA, "remember", "Marta Ruiz: climbing partner");
        bot.given(ANA, "remember", "Zoë Adams: neighbour");
        bot.given(BEN, "remember", "Marco Polo: travels a lot");

        // WHEN Ana types "mar" in who
        List<String> choices = choices(ANA, "done", "mar", true, "", false);

        // THEN she sees her own two, and not Ben's contact
        assertThat(choices).containsExactlyInAnyOrder("Marc Kelly", "Marta Ruiz");

        // AND Ben typing the same sees only his
        assertThat(choices(BEN, "done", "mar", true, "", false)).containsExactly("Marco Polo");
    }

    @Test
    void whoMatchesAnyWordIgnoringAccents() {
        bot.given(ANA, "remember", "Zoë Adams: neighbour");

        assertThat(choices(ANA, "add", "zoe", true, "", false)).containsExactly("Zoë Adams");
        assertThat(choices(ANA, "add", "ada", true, "", false)).containsExactly("Zoë Adams");
    }

    @Test
    void aNewUserGetsNoSuggestionsAndIsNotCreatedByTyping() {
        assertThat(choices(ANA, "add", "m", true, "", false)).isEmpty();
    }

    @Test
    void whenSuggestsDatesAndRhythmsForAFollowUp() {
        List<String> choices = choices(ANA, "add", "", false, "every", true);

        assertThat(choices).contains("every month", "every 2 weeks").allMatch(choice -> choice.startsWith("every"));
        assertThat(choices(ANA, "add", "", false, "", true)).contains("tomorrow", "next week", "every month");
    }

    @Test
    void snoozeSuggestsOnlyDatesBecauseARhythmCannotBeSnoozedTo() {
        List<String> choices = choices(ANA, "snooze", "", false, "", true);

        assertThat(choices).contains("tomorrow", "next week", "in a month").noneMatch(c -> c.startsWith("every"));
    }

    private List<String> choices(
            TestBot.Person who,
            String subcommand,
            String whoTyped,
            boolean whoFocused,
            String whenTyped,
            boolean whenFocused) {
        Map<String, String> values = who.values();
        values.put("subcommand", subcommand);
        values.put("whoTyped", whoTyped);
        values.put("whoFocused", String.valueOf(whoFocused));
        values.put("whenTyped", whenTyped);
        values.put("whenFocused", String.valueOf(whenFocused));
        bot.deliver(bot.discord.autocomplete("autocomplete-who.json", values));

        DiscordTester.Sent answer = bot.discord.lastCallback();
        assertThat(answer.callbackType()).isEqualTo(DiscordTester.CALLBACK_AUTOCOMPLETE);
        DataArray sent = answer.body().getObject("data").getArray("choices");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sent.length(); i++) {
            assertThat(sent.getObject(i).getString("value"))
                    .isEqualTo(sent.getObject(i).getString("name"));
            names.add(sent.getObject(i).getString("name"));
        }
        assertThat(names).hasSizeLessThanOrEqualTo(25);
        return names;
    }
}
