package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code voiceover} step (script video) recorded, as the segment's clip and the assembly read it.
 *
 * @param audio      asset id of the segment's speech (WAV)
 * @param durationMs length of the speech
 * @param text       what was said
 * @param words      each word as written, timed from the start of the segment's speech
 */
record VoiceoverOutputs(String audio, long durationMs, String text, List<TimedText> words) {

    static final String AUDIO = "audio";
    static final String DURATION_MS = "duration_ms";
    static final String TEXT = "text";
    /** Key of the timed words: objects of {@link #TEXT}, {@link #START_MS} and {@link #END_MS}. */
    static final String WORDS = "words";

    static final String TRANSCRIPT = "transcript";
    /** Key of a timed text's start. */
    static final String START_MS = "start_ms";
    /** Key of a timed text's end. */
    static final String END_MS = "end_ms";

    VoiceoverOutputs {
        words = List.copyOf(words);
    }

    /** Reads a {@code voiceover} step's outputs. */
    static VoiceoverOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.VOICEOVER, outputs));
    }

    /** Reads a finished {@code voiceover} step's outputs. */
    static VoiceoverOutputs of(StepRecord step) {
        return read(StageOutputs.of(step));
    }

    /** Reads the outputs of segment {@code segment} of the job's {@code voiceover} stage, which has finished. */
    static VoiceoverOutputs of(StepContext context, int segment) {
        return read(StageOutputs.of(context, Stages.VOICEOVER, segment));
    }

    private static VoiceoverOutputs read(StageOutputs outputs) {
        return new VoiceoverOutputs(
                outputs.text(AUDIO), outputs.whole(DURATION_MS), outputs.text(TEXT), timedFrom(outputs.objects(WORDS)));
    }

    /** Timed texts as a step records them (words, captions). */
    static List<Map<String, Object>> timed(List<TimedText> texts) {
        return texts.stream()
                .map(t -> Map.<String, Object>of(TEXT, t.text(), START_MS, t.startMs(), END_MS, t.endMs()))
                .toList();
    }

    /** Timed texts a step recorded. */
    static List<TimedText> timedFrom(List<StageOutputs> recorded) {
        return recorded.stream()
                .map(t -> new TimedText(t.text(TEXT), t.whole(START_MS), t.whole(END_MS)))
                .toList();
    }

    /** {@code texts} moved {@code offsetMs} later. */
    static List<TimedText> shifted(List<TimedText> texts, long offsetMs) {
        return texts.stream()
                .map(t -> new TimedText(t.text(), t.startMs() + offsetMs, t.endMs() + offsetMs))
                .toList();
    }
}
