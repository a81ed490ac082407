package dev.campaignstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The encode yardstick is the re-encode less the decode alone, and never zero or negative on a loaded machine. */
class FfmpegYardsticksTest {

    @Test
    void theEncodeIsTheReEncodeLessItsDecode() {
        assertThat(FfmpegYardsticks.encodeOnly(12_800, 2_100)).isEqualTo(10_700);
    }

    @Test
    void aDecodeTimedLongerThanTheReEncodeLeavesTheWholeReEncode() {
        assertThat(FfmpegYardsticks.encodeOnly(2_000, 2_020)).isEqualTo(2_000);
        assertThat(FfmpegYardsticks.encodeOnly(2_000, 2_000)).isEqualTo(2_000);
    }
}
