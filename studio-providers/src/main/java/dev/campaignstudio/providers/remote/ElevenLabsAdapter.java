package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TimedText;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code elevenlabs} adapter: {@code audio} through ElevenLabs' text to speech with timestamps
 * ({@code POST /v1/text-to-speech/{voice_id}/with-timestamps}), asking for raw PCM so the speech is a WAV without
 * decoding, and turning the answer's character alignment into word and sentence timings ({@link AlignedWords}), which
 * drive captions exactly as the local voice's do. The key goes in the {@code xi-api-key} header only.
 */
public final class ElevenLabsAdapter implements CapabilityAdapter, SpeechSynthesis {

    /** The name configuration binds capabilities to. */
    public static final String NAME = "elevenlabs";
    /** How ElevenLabs takes its key. */
    public static final ProviderClient.Auth AUTH = new ProviderClient.Auth("xi-api-key", "");
    /** The model used when none is configured. */
    public static final String DEFAULT_MODEL = "eleven_multilingual_v2";
    /** The output format used when none is configured: 16-bit PCM at 24 kHz. */
    public static final String DEFAULT_FORMAT = "pcm_24000";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PCM = Pattern.compile("pcm_(8000|16000|22050|24000|44100|48000)");
    private static final Pattern VOICE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** Models that accept {@code language_code} (the API refuses it from the others). */
    private static final Set<String> LANGUAGE_MODELS = Set.of("eleven_turbo_v2_5", "eleven_flash_v2_5");

    private final ProviderClient client;
    private final String voiceId;
    private final String modelId;
    private final String outputFormat;
    private final int sampleRate;

    /**
     * @param client       the resilient client for the configured server, sending the key as {@link #AUTH}
     * @param voiceId      the voice spoken when a job asks for {@code default}
     * @param modelId      e.g. {@code eleven_multilingual_v2}
     * @param outputFormat a PCM format, e.g. {@code pcm_24000}
     * @throws IllegalArgumentException for a voice id or output format the adapter cannot use
     */
    public ElevenLabsAdapter(ProviderClient client, String voiceId, String modelId, String outputFormat) {
        this.client = client;
        this.voiceId = voiceId;
        this.modelId = modelId == null || modelId.isBlank() ? DEFAULT_MODEL : modelId.trim();
        this.outputFormat = outputFormat == null || outputFormat.isBlank() ? DEFAULT_FORMAT : outputFormat.trim();
        Matcher pcm = PCM.matcher(this.outputFormat);
        if (!pcm.matches()) {
            throw new IllegalArgumentException("studio.providers.elevenlabs.output-format must be a PCM format "
                    + "(pcm_16000, pcm_22050, "
                    + "pcm_24000, pcm_44100, pcm_48000): the speech is kept as WAV");
        }
        this.sampleRate = Integer.parseInt(pcm.group(1));
        if (voiceId == null || !VOICE_ID.matcher(voiceId).matches()) {
            throw new IllegalArgumentException(
                    "studio.providers.elevenlabs.voice-id must be a voice id (letters and digits)");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return modelId + "+" + voiceId + "+" + outputFormat;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.AUDIO);
    }

    @Override
    public Speech speak(SpeechRequest request) throws StepFault {
        String text = request.text().trim();
        if (text.isEmpty()) {
            throw StepFault.permanent("INPUT_INVALID", "there is nothing to say");
        }
        String voice = "default".equals(request.voice()) ? voiceId : request.voice();
        if (!VOICE_ID.matcher(voice).matches()) {
            throw StepFault.permanent(
                    "INPUT_INVALID",
                    NAME + " has no voice '" + request.voice() + "' (a voice is an ElevenLabs voice id)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("model_id", modelId);
        if (LANGUAGE_MODELS.contains(modelId)) {
            body.put(
                    "language_code", request.language().toLowerCase(Locale.ROOT).split("[-_]")[0]);
        }
        byte[] json = JSON.writeValueAsBytes(body);
        String path = "/v1/text-to-speech/" + voice + "/with-timestamps?output_format=" + outputFormat;
        byte[] answer = client.send(
                "text-to-speech/with-timestamps",
                modelId,
                attempt -> client.request(path)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build());
        // ElevenLabs bills by the characters sent (docs/providers.md "Cost and provenance")
        Map<String, Number> usage = Map.of("characters", text.codePointCount(0, text.length()));
        client.report("audio", null, null, usage);
        return speech(answer, text);
    }

    private Speech speech(byte[] answer, String text) throws StepFault {
        JsonNode tree;
        try {
            tree = JSON.readTree(answer);
        } catch (RuntimeException malformed) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered malformed JSON");
        }
        byte[] pcm;
        try {
            pcm = Base64.getDecoder().decode(tree.path("audio_base64").asString(""));
        } catch (IllegalArgumentException bad) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered audio that is not base64");
        }
        if (pcm.length < 2) {
            throw StepFault.permanent("PROVIDER_ERROR", NAME + " answered without audio (audio_base64)");
        }
        long millis = (pcm.length / 2) * 1000L / sampleRate;
        JsonNode alignment =
                tree.path("alignment").isObject() ? tree.get("alignment") : tree.path("normalized_alignment");
        AlignedWords.Timings timings = AlignedWords.of(
                strings(alignment.path("characters")),
                numbers(alignment.path("character_start_times_seconds")),
                numbers(alignment.path("character_end_times_seconds")),
                millis);
        List<TimedText> words = timings.words();
        List<TimedText> sentences = timings.sentences();
        if (words.isEmpty()) {
            // no alignment came back: the speech's length shared by the words, as for a voice without timings
            words = OpenAiAdapter.spread(text, millis);
            sentences = List.of(new TimedText(text, 0, millis));
        }
        return new Speech(new MediaFile(wav(pcm, sampleRate), "audio/wav", null, null, millis), sentences, words);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asString("")));
        return out;
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asDouble(0)));
        return out;
    }

    /** 16-bit little-endian mono PCM (what ElevenLabs' {@code pcm_*} formats are) in a WAV. */
    static byte[] wav(byte[] pcm, int rate) {
        int length = pcm.length & ~1;
        ByteBuffer out = ByteBuffer.allocate(44 + length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + length);
        out.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        out.putShort((short) 1).putShort((short) 1);
        out.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(length)
                .put(pcm, 0, length);
        return out.array();
    }
}
