package dev.campaignstudio.providers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.providers.fixtures.FakeElevenLabs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code elevenlabs} adapter against a loopback server that answers as ElevenLabs' published OpenAPI document says
 * and checks every request against it: the speech is a WAV of the answered PCM, its word timings are the character
 * alignment's, and errors map to the step error codes without the key.
 */
class ElevenLabsAdapterTest {

    private static final String KEY = "sk_SECRET_eleven_0123456789abcdef";
    private static final String TEXT = "Meet Aurora, the mug that keeps 24 ounces warm. Order today!";

    private final FakeElevenLabs vendor = new FakeElevenLabs(KEY);

    @AfterEach
    void close() {
        vendor.close();
        ProviderCalls.drain();
    }

    private ElevenLabsAdapter adapter(String key, String model, int attempts) {
        return adapter(key, model, attempts, Map.of());
    }

    private ElevenLabsAdapter adapter(String key, String model, int attempts, Map<String, Map<String, Double>> prices) {
        ProviderSettings settings = new ProviderSettings(
                "elevenlabs",
                URI.create(vendor.url()),
                key,
                Map.of(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                2,
                attempts,
                Duration.ofMillis(10),
                Duration.ofSeconds(30),
                5,
                Duration.ofMinutes(1),
                prices);
        return new ElevenLabsAdapter(
                new ProviderClient(settings, Clock.systemUTC(), d -> {}, ElevenLabsAdapter.AUTH),
                "21m00Tcm4TlvDq8ikWAM",
                model,
                "pcm_24000");
    }

    @Test
    void requestsMatchThePublishedDocumentAndWordTimingsAreTheCharacterAlignments() throws Exception {
        Speech speech = adapter(KEY, "eleven_multilingual_v2", 1).speak(new SpeechRequest(TEXT, "default", "en"));

        assertThat(vendor.violations).isEmpty();
        assertThat(vendor.targets)
                .containsExactly("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/with-timestamps?output_format=pcm_24000");
        assertThat(vendor.keys).containsExactly(KEY);
        assertThat(vendor.bodies.get(0).get("model_id").asString()).isEqualTo("eleven_multilingual_v2");
        assertThat(vendor.bodies.get(0).has("language_code"))
                .as("multilingual v2 refuses language_code")
                .isFalse();

        long expectedMs = TEXT.length() * FakeElevenLabs.CHAR_MS;
        AudioInputStream wav = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(speech.wav().data()));
        AudioFormat format = wav.getFormat();
        assertThat(format.getSampleRate()).isEqualTo(24000f);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(wav.getFrameLength() * 1000 / 24000).isEqualTo(expectedMs);
        assertThat(speech.wav().durationMs()).isEqualTo(expectedMs);

        List<String> words = speech.words().stream().map(TimedText::text).toList();
        assertThat(words)
                .containsExactly(
                        "Meet", "Aurora,", "the", "mug", "that", "keeps", "24", "ounces", "warm.", "Order", "today!");
        // "Aurora," is characters 5..11 of the text: 300 ms to 720 ms
        assertThat(speech.words().get(1)).isEqualTo(new TimedText("Aurora,", 5 * 60, 12 * 60));
        assertThat(speech.words().get(10)).isEqualTo(new TimedText("today!", (TEXT.length() - 6) * 60, expectedMs));
        assertThat(speech.sentences())
                .extracting(TimedText::text)
                .containsExactly("Meet Aurora, the mug that keeps 24 ounces warm.", "Order today!");

        byte[] pcm = wav.readAllBytes();
        assertThat(rms(pcm, 5 * 60 + 10, 5 * 60 + 50)).as("a word is heard").isGreaterThan(1000);
        assertThat(rms(pcm, 4 * 60 + 10, 4 * 60 + 50))
                .as("the space before it is silent")
                .isZero();
    }

    @Test
    void aCallCostsTheCharactersSentAtTheConfiguredPrice() throws Exception {
        // ElevenLabs bills text to speech by the characters of the text sent
        adapter(KEY, "eleven_multilingual_v2", 1, Map.of("audio", Map.of("characters", 0.0001)))
                .speak(new SpeechRequest("  " + TEXT + " ", "default", "en"));
        ProviderCalls.Call call = last(ProviderCalls.drain());
        assertThat(call.operation()).isEqualTo("text-to-speech/with-timestamps");
        assertThat(call.usage()).containsEntry("characters", TEXT.length());
        assertThat(vendor.bodies.get(0).get("text").asString()).hasSize(TEXT.length());
        assertThat(call.cost()).isCloseTo(TEXT.length() * 0.0001, within(1e-9));
    }

    @Test
    void aModelThatTakesALanguageIsSentTheJobsLanguage() throws Exception {
        adapter(KEY, "eleven_flash_v2_5", 1).speak(new SpeechRequest("Hallo Welt.", "default", "de-DE"));

        assertThat(vendor.violations).isEmpty();
        assertThat(vendor.bodies.get(0).get("language_code").asString()).isEqualTo("de");
    }

    @Test
    void aWrongKeyIsAPermanentFaultThatDoesNotShowTheKey() {
        String wrong = "sk_SECRET_wrong_key_987654321";
        StepFault fault = catchThrowableOfType(
                StepFault.class, () -> adapter(wrong, null, 3).speak(new SpeechRequest(TEXT, null, "en")));

        assertThat(fault.code()).as("docs/providers.md: a refused key").isEqualTo("PROVIDER_UNAUTHORIZED");
        assertThat(fault.retryable()).isFalse();
        assertThat(fault.getMessage()).contains("401").doesNotContain(wrong).doesNotContain("SECRET");
        assertThat(vendor.calls.get()).as("a 401 is not tried again").isEqualTo(1);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetryable() {
        vendor.failNext(429, 1);
        StepFault limited = catchThrowableOfType(
                StepFault.class, () -> adapter(KEY, null, 1).speak(new SpeechRequest(TEXT, null, "en")));
        assertThat(limited.code()).isEqualTo("PROVIDER_RATE_LIMITED");
        assertThat(limited.retryable()).isTrue();

        vendor.failNext(503, 1);
        StepFault down = catchThrowableOfType(
                StepFault.class, () -> adapter(KEY, null, 1).speak(new SpeechRequest(TEXT, null, "en")));
        assertThat(down.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(down.retryable()).isTrue();
        assertThat(down.getMessage()).contains("503").doesNotContain(KEY);
    }

    @Test
    void aRateLimitWithinTheCallsAttemptsIsWaitedOutAndTheSpeechComes() throws Exception {
        vendor.failNext(429, 1);
        Speech speech = adapter(KEY, null, 2).speak(new SpeechRequest("Hello there.", null, "en"));

        assertThat(speech.words()).extracting(TimedText::text).containsExactly("Hello", "there.");
        assertThat(vendor.calls.get()).isEqualTo(2);
        assertThat(vendor.violations).isEmpty();
    }

    @Test
    void anOutputFormatThatIsNotPcmOrAVoiceThatIsNotAnIdIsRefusedAtStart() {
        ProviderSettings settings = new ProviderSettings(
                "elevenlabs",
                URI.create(vendor.url()),
                KEY,
                Map.of(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                2,
                1,
                Duration.ofMillis(10),
                Duration.ofSeconds(30),
                5,
                Duration.ofMinutes(1));
        ProviderClient client = new ProviderClient(settings, ElevenLabsAdapter.AUTH);
        assertThat(catchThrowableOfType(
                                IllegalArgumentException.class,
                                () -> new ElevenLabsAdapter(client, "abc", null, "mp3_44100_128"))
                        .getMessage())
                .contains("output-format");
        assertThat(catchThrowableOfType(
                                IllegalArgumentException.class, () -> new ElevenLabsAdapter(client, "../x", null, null))
                        .getMessage())
                .contains("voice-id");
    }

    /** Root mean square of 16-bit little-endian mono samples at 24 kHz between two times. */
    private static double rms(byte[] pcm, long fromMs, long toMs) {
        double sum = 0;
        int n = 0;
        for (long s = fromMs * 24; s < toMs * 24; s++) {
            short sample = (short) ((pcm[(int) s * 2 + 1] << 8) | (pcm[(int) s * 2] & 0xFF));
            sum += sample * (double) sample;
            n++;
        }
        return Math.sqrt(sum / n);
    }

    private static ProviderCalls.Call last(List<ProviderCalls.Call> calls) {
        assertThat(calls).isNotEmpty();
        return calls.get(calls.size() - 1);
    }
}
