package dev.campaignstudio.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Wav}: checked against headers built here from the RIFF layout, not by the class under test. */
class WavTest {

    /** A WAV file built by hand: {@code tag}, {@code channels}, {@code rate}, {@code bits}, then {@code data}. */
    private static byte[] wav(int tag, int channels, int rate, int bits, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + data.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) tag)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8))
                .putShort((short) bits);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return out.array();
    }

    @Test
    void whatIsWrittenReadsBackSampleForSampleAsSixteenBitMono() {
        short[] samples = {0, 1000, -1000, Short.MAX_VALUE, Short.MIN_VALUE};
        byte[] file = Wav.write(new Wav.Pcm(samples, 8000));

        ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(8000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        Wav.Pcm read = Wav.read(file);
        assertThat(read.samples()).containsExactly(samples);
        assertThat(read.sampleRate()).isEqualTo(8000);
    }

    @Test
    void stereoAndEightBitFilesAreMixedDownToSixteenBitMono() {
        ByteBuffer stereo = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        stereo.putShort((short) 1000)
                .putShort((short) 3000)
                .putShort((short) -2000)
                .putShort((short) 0);
        assertThat(Wav.read(wav(1, 2, 16000, 16, stereo.array())).samples())
                .containsExactly((short) 2000, (short) -1000);

        byte[] unsigned = {(byte) 128, (byte) 255, 0};
        assertThat(Wav.read(wav(1, 1, 8000, 8, unsigned)).samples())
                .containsExactly((short) 0, (short) (127 << 8), (short) (-128 << 8));
    }

    @Test
    void joinedFilesLastAsLongAsTheirPartsAndOtherFormatsAreRefused() {
        byte[] second = Wav.write(new Wav.Pcm(new short[4000], 8000));
        byte[] half = Wav.write(new Wav.Pcm(new short[4000], 8000));
        byte[] joined = Wav.concat(List.of(half, second));
        assertThat(Wav.durationMs(joined)).isEqualTo(1000);
        assertThat(Wav.read(joined).samples()).hasSize(8000);
        byte[] otherRate = Wav.write(new Wav.Pcm(new short[10], 16000));
        assertThatThrownBy(() -> Wav.concat(List.of(half, otherRate))).hasMessageContaining("different formats");
        assertThatThrownBy(() -> Wav.read(new byte[] {1, 2, 3})).hasMessage("not a WAV file");
    }

    @Test
    void resamplingKeepsTheDurationAndInterpolatesBetweenSamples() {
        Wav.Pcm ramp = new Wav.Pcm(new short[] {0, 100, 200, 300}, 8000);
        short[] doubled = Wav.resample(ramp, 16000);
        assertThat(doubled).hasSize(8);
        assertThat(doubled[1]).isEqualTo((short) 50);
        assertThat(new Wav.Pcm(doubled, 16000).durationMs()).isEqualTo(ramp.durationMs());
    }
}
