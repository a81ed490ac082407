package dev.campaignstudio.media;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.Relation;
import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;
import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.engine.CancellationSignal;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sound.sampled.AudioFormat;

/**
 * Speech with FreeTTS and its bundled {@code kevin16} voice (English, 16 kHz). Word timings come from FreeTTS's own
 * segment durations: a processor at the end of the voice's chain reads, for each word, the end of its first and last
 * phone, and each utterance's audio start is where its bytes begin.
 */
final class FreeTtsSpeech {

    /** The voices this adapter has. */
    static final Set<String> VOICES = Set.of("default", "kevin16");

    private Voice voice;
    private Capture capture;

    Speech speak(SpeechRequest request) throws StepFault {
        if (!VOICES.contains(request.voice())) {
            throw StepFault.permanent(
                    "INPUT_INVALID",
                    "the local speech adapter has no voice '" + request.voice() + "' (it has " + VOICES + ")");
        }
        if (!request.language().toLowerCase(Locale.ROOT).startsWith("en")) {
            throw StepFault.permanent(
                    "INPUT_INVALID", "the local speech adapter speaks English only, not '" + request.language() + "'");
        }
        String text = request.text().trim();
        if (text.isEmpty()) {
            throw StepFault.permanent("INPUT_INVALID", "there is nothing to say");
        }
        CancellationSignal.current().checkpoint();
        synchronized (this) {
            // the one voice may have been busy with another step's speech meanwhile
            CancellationSignal.current().checkpoint();
            Voice v = voice();
            capture.clear();
            if (!v.speak(text)) {
                throw StepFault.transientFault("PROVIDER_ERROR", "FreeTTS did not finish speaking");
            }
            return capture.speech(text);
        }
    }

    private Voice voice() {
        if (voice == null) {
            System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
            Voice v = VoiceManager.getInstance().getVoice("kevin16");
            if (v == null) {
                throw new IllegalStateException("the FreeTTS kevin16 voice is missing from the classpath");
            }
            v.allocate();
            capture = new Capture();
            v.setAudioPlayer(capture);
            v.getUtteranceProcessors().add(capture.timings());
            voice = v;
        }
        return voice;
    }

    /** Collects the audio bytes and, per utterance, where its audio starts and when its words are spoken. */
    private static final class Capture implements AudioPlayer {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<Integer> utteranceStarts = new ArrayList<>();
        private final List<List<double[]>> utteranceWords = new ArrayList<>();
        private final List<List<String>> utteranceTexts = new ArrayList<>();
        private AudioFormat format;

        void clear() {
            bytes.reset();
            utteranceStarts.clear();
            utteranceWords.clear();
            utteranceTexts.clear();
        }

        UtteranceProcessor timings() {
            return (Utterance utterance) -> {
                List<double[]> times = new ArrayList<>();
                List<String> words = new ArrayList<>();
                Relation relation = utterance.getRelation(Relation.WORD);
                for (Item word = relation == null ? null : relation.getHead(); word != null; word = word.getNext()) {
                    Object start = word.findFeature("R:SylStructure.daughter1.daughter1.R:Segment.p.end");
                    Object end = word.findFeature("R:SylStructure.daughtern.daughtern.R:Segment.end");
                    if (start instanceof Float s && end instanceof Float e) {
                        times.add(new double[] {s, e});
                        words.add(word.toString());
                    }
                }
                utteranceWords.add(times);
                utteranceTexts.add(words);
            };
        }

        Speech speech(String text) {
            int rate = (int) format.getSampleRate();
            byte[] raw = bytes.toByteArray();
            short[] samples = new short[raw.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = format.isBigEndian()
                        ? (short) ((raw[i * 2] << 8) | (raw[i * 2 + 1] & 0xFF))
                        : (short) ((raw[i * 2 + 1] << 8) | (raw[i * 2] & 0xFF));
            }
            long total = Math.round(samples.length * 1000.0 / rate);
            List<TimedText> words = new ArrayList<>();
            List<TimedText> sentences = new ArrayList<>();
            for (int u = 0; u < utteranceWords.size() && u < utteranceStarts.size(); u++) {
                double offset = utteranceStarts.get(u) / 2.0 / rate;
                List<double[]> times = utteranceWords.get(u);
                List<String> texts = utteranceTexts.get(u);
                for (int w = 0; w < times.size(); w++) {
                    words.add(timed(texts.get(w), offset + times.get(w)[0], offset + times.get(w)[1], total));
                }
                if (!times.isEmpty()) {
                    sentences.add(timed(
                            String.join(" ", texts),
                            offset + times.get(0)[0],
                            offset + times.get(times.size() - 1)[1],
                            total));
                }
            }
            return new Speech(
                    new MediaFile(Wav.write(new Wav.Pcm(samples, rate)), "audio/wav", null, null, total),
                    sentences,
                    words);
        }

        private static TimedText timed(String text, double start, double end, long total) {
            long s = Math.min(total, Math.round(start * 1000));
            long e = Math.max(s, Math.min(total, Math.round(end * 1000)));
            return new TimedText(text, s, e);
        }

        @Override
        public void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void begin(int size) {
            utteranceStarts.add(bytes.size());
        }

        @Override
        public boolean write(byte[] audio) {
            bytes.write(audio, 0, audio.length);
            return true;
        }

        @Override
        public boolean write(byte[] audio, int offset, int length) {
            bytes.write(audio, offset, length);
            return true;
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void reset() {}

        @Override
        public void cancel() {}

        @Override
        public void close() {}

        @Override
        public float getVolume() {
            return 1f;
        }

        @Override
        public void setVolume(float volume) {}

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {}

        @Override
        public void startFirstSampleTimer() {}

        @Override
        public void showMetrics() {}
    }
}
