package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code ugc_media} step (UGC) recorded, as the assembly reads it.
 *
 * @param clip       asset id of the shot's clip
 * @param audio      asset id of its spoken line (WAV)
 * @param durationMs length of the line
 * @param words      each word as written, timed from the start of the line
 */
record UgcMediaOutputs(String clip, String audio, long durationMs, List<TimedText> words) {

    static final String KIND = UgcScriptOutputs.Shot.KIND;
    static final String LINE = UgcScriptOutputs.Shot.LINE;
    static final String CLIP = ClipOutputs.CLIP;
    static final String AUDIO = VoiceoverOutputs.AUDIO;
    static final String DURATION_MS = VoiceoverOutputs.DURATION_MS;
    /** Key of the timed words, recorded as a voiceover's are. */
    static final String WORDS = VoiceoverOutputs.WORDS;

    UgcMediaOutputs {
        words = List.copyOf(words);
    }

    /** Reads a {@code ugc_media} step's outputs. */
    static UgcMediaOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.UGC_MEDIA, outputs));
    }

    /** Reads a finished {@code ugc_media} step's outputs. */
    static UgcMediaOutputs of(StepRecord step) {
        return read(StageOutputs.of(step));
    }

    private static UgcMediaOutputs read(StageOutputs outputs) {
        return new UgcMediaOutputs(
                outputs.text(CLIP),
                outputs.text(AUDIO),
                outputs.whole(DURATION_MS),
                VoiceoverOutputs.timedFrom(outputs.objects(WORDS)));
    }
}
