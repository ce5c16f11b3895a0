package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordShardsTest {
    @Test
    void unsetMeansOneConnectionWithoutSharding() {
        assertThat(DiscordShards.parse(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aTotalAloneRunsEveryShard() {
        assertThat(DiscordShards.parse(Optional.of("3"), Optional.empty()))
                .contains(new DiscordShards(3, List.of(0, 1, 2)));
    }

    @Test
    void rangesAndListsNameThisInstancesShards() {
        assertThat(DiscordShards.parse(Optional.of("16"), Optional.of("0-3"))
                        .orElseThrow()
                        .ids())
                .containsExactly(0, 1, 2, 3);
        assertThat(DiscordShards.parse(Optional.of("16"), Optional.of(" 8-9, 12 ,9"))
                        .orElseThrow()
                        .ids())
                .containsExactly(8, 9, 12);
        assertThat(DiscordShards.parse(Optional.of("4"), Optional.of("3"))
                        .orElseThrow()
                        .ids())
                .containsExactly(3);
    }

    @Test
    void badSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> DiscordShards.parse(Optional.of("4"), Optional.of("2-5")))
                .hasMessageContaining("Shard 4 is outside 0-3");
        assertThatThrownBy(() -> DiscordShards.parse(Optional.of("four"), Optional.empty()))
                .hasMessageContaining("DISCORD_SHARDS must be");
        assertThatThrownBy(() -> DiscordShards.parse(Optional.empty(), Optional.of("0-1")))
                .hasMessageContaining("needs DISCORD_SHARDS");
        assertThatThrownBy(() -> DiscordShards.parse(Optional.of("8"), Optional.of("5-2")))
                .hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> DiscordShards.parse(Optional.of("0"), Optional.empty()))
                .hasMessageContaining("at least 1");
    }
}
