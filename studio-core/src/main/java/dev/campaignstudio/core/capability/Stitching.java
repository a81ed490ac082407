package dev.campaignstudio.core.capability;

import java.util.List;
import java.util.Objects;

/** The {@code stitch} capability: clips, voice, music and captions into one video. */
public interface Stitching {

    /**
     * Assembles a video.
     *
     * @param request clips in order, the voice-over, captions and the finishing touches
     * @return an H.264 + AAC MP4
     * @throws StepFault for provider faults
     */
    MediaFile stitch(StitchRequest request) throws StepFault;

    /**
     * What to assemble.
     *
     * @param clips        MP4 clips in order
     * @param width        output width (even)
     * @param height       output height (even)
     * @param fps          output frame rate
     * @param transitionMs crossfade between clips (0 for hard cuts)
     * @param voiceOver    a WAV laid over the video, or {@code null}
     * @param captions     text burned in at its times
     * @param musicBed     whether to generate music under it
     * @param endCard      text of a closing card, or {@code null}
     * @param endCardMs    length of the closing card
     * @param seed         the same seed makes the same music
     * @param clipAudio    whether each clip's own sound (e.g. a lip-synced presenter) is kept, at the clip's place
     * @param musicBpm     tempo of the music bed, 60 to 180, beats from time 0 (so cuts on multiples of
     *                     {@code 60000 / musicBpm} ms land on a beat); 0 lets the adapter choose
     * @param captionStyle how captions look
     * @param overlays     headline text shown large near the top at its times (e.g. a hook in the first seconds)
     * @param framing      a steady frame, or a handheld selfie look with jump cuts
     * @param product      the product's cut-out (PNG with transparency), or {@code null}: captions and headlines are
     *                     placed clear of where it is on screen, and the end card shows it (docs/modes.md, layout)
     * @param callToAction the end card's call to action under the name (e.g. "Shop now"), or {@code null}
     */
    record StitchRequest(
            List<MediaFile> clips,
            int width,
            int height,
            int fps,
            long transitionMs,
            MediaFile voiceOver,
            List<TimedText> captions,
            boolean musicBed,
            String endCard,
            long endCardMs,
            long seed,
            boolean clipAudio,
            int musicBpm,
            CaptionStyle captionStyle,
            List<TimedText> overlays,
            Framing framing,
            MediaFile product,
            String callToAction) {
        public StitchRequest {
            clips = List.copyOf(clips);
            captions = captions == null ? List.of() : List.copyOf(captions);
            overlays = overlays == null ? List.of() : List.copyOf(overlays);
            captionStyle = captionStyle == null ? CaptionStyle.SUBTITLE : captionStyle;
            framing = framing == null ? Framing.STEADY : framing;
            if (clips.isEmpty()) {
                throw new IllegalArgumentException("stitching needs at least one clip");
            }
            if (width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("video frames are even-sized");
            }
            if (musicBpm != 0 && (musicBpm < 60 || musicBpm > 180)) {
                throw new IllegalArgumentException("musicBpm is 0 or 60 to 180");
            }
            Objects.requireNonNull(clips.get(0), "clip");
        }

        /** An assembly that knows nothing of the product: no layout around it, an end card with text only. */
        public StitchRequest(
                List<MediaFile> clips,
                int width,
                int height,
                int fps,
                long transitionMs,
                MediaFile voiceOver,
                List<TimedText> captions,
                boolean musicBed,
                String endCard,
                long endCardMs,
                long seed,
                boolean clipAudio,
                int musicBpm,
                CaptionStyle captionStyle,
                List<TimedText> overlays,
                Framing framing) {
            this(
                    clips,
                    width,
                    height,
                    fps,
                    transitionMs,
                    voiceOver,
                    captions,
                    musicBed,
                    endCard,
                    endCardMs,
                    seed,
                    clipAudio,
                    musicBpm,
                    captionStyle,
                    overlays,
                    framing,
                    null,
                    null);
        }

        /** The same assembly, laid out around {@code cutOut} and closing on it with {@code call} under the name. */
        public StitchRequest withProduct(MediaFile cutOut, String call) {
            return new StitchRequest(
                    clips,
                    width,
                    height,
                    fps,
                    transitionMs,
                    voiceOver,
                    captions,
                    musicBed,
                    endCard,
                    endCardMs,
                    seed,
                    clipAudio,
                    musicBpm,
                    captionStyle,
                    overlays,
                    framing,
                    cutOut,
                    call);
        }

        /** A steady, subtitled assembly without clip sound, at the adapter's tempo. */
        public StitchRequest(
                List<MediaFile> clips,
                int width,
                int height,
                int fps,
                long transitionMs,
                MediaFile voiceOver,
                List<TimedText> captions,
                boolean musicBed,
                String endCard,
                long endCardMs,
                long seed) {
            this(
                    clips,
                    width,
                    height,
                    fps,
                    transitionMs,
                    voiceOver,
                    captions,
                    musicBed,
                    endCard,
                    endCardMs,
                    seed,
                    false,
                    0,
                    CaptionStyle.SUBTITLE,
                    List.of(),
                    Framing.STEADY);
        }

        /** The length of the assembled video: the clips less their overlaps, plus the end card. */
        public long durationMs() {
            long total = 0;
            for (MediaFile clip : clips) {
                total += clip.durationMs() == null ? 0 : clip.durationMs();
            }
            return total - transitionMs * (clips.size() - 1) + (endCard == null ? 0 : endCardMs);
        }
    }

    /** How captions look. */
    enum CaptionStyle {
        /** Sentence subtitles in the lower third. */
        SUBTITLE,
        /** Large, heavy, outlined words in the middle of the frame, as social videos have them. */
        BOLD
    }

    /** How the frame holds the clips. */
    enum Framing {
        /** As the clips are. */
        STEADY,
        /** Handheld: a slight drift all through, and every other clip punched in, so hard cuts read as jump cuts. */
        SELFIE
    }
}
