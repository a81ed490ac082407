package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code voiceover} (script video): one segment spoken, with its sentence and word timings as a transcript. */
public final class VoiceoverStage implements StageHandler {

    /** Role of a segment's speech. */
    public static final String ROLE = "voiceover";
    /** Role of its transcript (JSON). */
    public static final String TRANSCRIPT = "transcript";

    private final Capabilities capabilities;

    public VoiceoverStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        String text = ScriptOutputs.of(context).segment(context.sceneOrder()).text();
        SpeechSynthesis speech = capabilities.port(Capability.AUDIO, SpeechSynthesis.class);
        Speech spoken = speech.speak(new SpeechRequest(text, settings.voice(), settings.language()));
        Map<String, Object> transcript = new LinkedHashMap<>();
        List<Map<String, Object>> words = timed(SpokenWords.asWritten(text, spoken.words()));
        transcript.put("text", text);
        transcript.put("sentences", timed(spoken.sentences()));
        transcript.put("words", words);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(VoiceoverOutputs.AUDIO, OutputFiles.store(context, spoken.wav(), ROLE));
        outputs.put(
                VoiceoverOutputs.DURATION_MS,
                spoken.wav().durationMs() != null
                        ? spoken.wav().durationMs()
                        : Wav.durationMs(spoken.wav().data()));
        outputs.put(VoiceoverOutputs.TEXT, text);
        outputs.put(VoiceoverOutputs.WORDS, words);
        outputs.put(VoiceoverOutputs.TRANSCRIPT, OutputFiles.json(context, transcript, TRANSCRIPT));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.AUDIO));
    }

    /** Timed texts as JSON. */
    static List<Map<String, Object>> timed(List<TimedText> texts) {
        return VoiceoverOutputs.timed(texts);
    }
}
