package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangesTest {

    @Test
    void oneByteRangeIsServedAsAPartClippedToTheEnd() {
        assertThat(ByteRanges.parse("bytes=0-99", 1000)).isEqualTo(new ByteRanges.Part(0, 99));
        assertThat(ByteRanges.parse("bytes=900-", 1000)).isEqualTo(new ByteRanges.Part(900, 999));
        assertThat(ByteRanges.parse("bytes=990-5000", 1000)).isEqualTo(new ByteRanges.Part(990, 999));
        assertThat(ByteRanges.parse("bytes=-10", 1000)).isEqualTo(new ByteRanges.Part(990, 999));
        assertThat(ByteRanges.parse("bytes=-5000", 1000)).isEqualTo(new ByteRanges.Part(0, 999));
        assertThat(ByteRanges.parse("BYTES= 5 - 6", 1000)).isEqualTo(new ByteRanges.Part(5, 6));
        assertThat(((ByteRanges.Part) ByteRanges.parse("bytes=10-19", 1000)).contentRange(1000))
                .isEqualTo("bytes 10-19/1000");
    }

    @Test
    void noHeaderAnotherUnitOrSeveralRangesGetTheWhole() {
        assertThat(ByteRanges.parse(null, 1000)).isInstanceOf(ByteRanges.Whole.class);
        assertThat(ByteRanges.parse("items=0-1", 1000)).isInstanceOf(ByteRanges.Whole.class);
        assertThat(ByteRanges.parse("bytes=0-1,5-6", 1000)).isInstanceOf(ByteRanges.Whole.class);
    }

    @Test
    void aRangePastTheEndBackwardsEmptyOrMalformedCannotBeSatisfied() {
        for (String bad : new String[] {
            "bytes=1000-",
            "bytes=1000-2000",
            "bytes=50-10",
            "bytes=-0",
            "bytes=-",
            "bytes=abc",
            "bytes=1-2-3",
            "bytes=99999999999999999999-"
        }) {
            assertThat(ByteRanges.parse(bad, 1000)).as(bad).isInstanceOf(ByteRanges.Unsatisfiable.class);
        }
        assertThat(ByteRanges.parse("bytes=-1", 0)).isInstanceOf(ByteRanges.Unsatisfiable.class);
    }
}
