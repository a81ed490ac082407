package dev.campaignstudio.core.capability;

import java.util.List;
import java.util.Objects;

/** The {@code fidelity} capability: how faithful the product in an output is to the reference. */
public interface FidelityCheck {

    /**
     * Scores a candidate image.
     *
     * @param request the neutral reference (the cut-out) and the candidate
     * @return the score and its parts
     * @throws StepFault {@code SOURCE_UNREADABLE} when an image does not decode
     */
    FidelityScore score(FidelityRequest request) throws StepFault;

    /**
     * Scores the product in a clip: frames sampled through it, each scored for the product's shape and presence
     * (an adapter may leave out parts a video codec makes unreliable, such as colour, and says so in its docs).
     *
     * @param request the neutral reference (the cut-out), the clip and how many frames to sample
     * @return the weakest sampled frame's score, every sampled frame's score in time order, and that weakest frame
     * @throws StepFault {@code SOURCE_UNREADABLE} when the reference or the clip does not decode
     */
    ClipScore scoreClip(ClipRequest request) throws StepFault;

    /**
     * A clip to score.
     *
     * @param referencePng the product on transparency
     * @param clip         an MP4 clip
     * @param samples      frames to sample, spread evenly through the clip away from its ends (1 to 12)
     */
    record ClipRequest(byte[] referencePng, MediaFile clip, int samples) {
        public ClipRequest {
            Objects.requireNonNull(referencePng, "referencePng");
            Objects.requireNonNull(clip, "clip");
            if (samples < 1 || samples > 12) {
                throw new IllegalArgumentException("1 to 12 samples");
            }
        }
    }

    /**
     * A clip's score.
     *
     * @param weakest      the score of the sampled frame that scored lowest: the clip's score
     * @param frameScores  every sampled frame's overall score, in time order
     * @param frameTimesMs when each sampled frame shows, in time order
     * @param weakestFrame the frame that scored lowest, as a PNG, for the record
     */
    record ClipScore(FidelityScore weakest, List<Double> frameScores, List<Long> frameTimesMs, MediaFile weakestFrame) {
        public ClipScore {
            Objects.requireNonNull(weakest, "weakest");
            frameScores = List.copyOf(frameScores);
            frameTimesMs = List.copyOf(frameTimesMs);
            Objects.requireNonNull(weakestFrame, "weakestFrame");
        }
    }

    /**
     * What to compare.
     *
     * @param referencePng the product on transparency
     * @param candidate    an output image
     */
    record FidelityRequest(byte[] referencePng, byte[] candidate) {
        public FidelityRequest {
            Objects.requireNonNull(referencePng, "referencePng");
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /**
     * A score and its parts, each in [0, 1].
     *
     * @param score      the overall score: the weakest of the parts, so one bad part is enough to fail
     * @param structure  how alike the shapes are where the product was found (masked SSIM)
     * @param colour     how alike the colours are there (hue-saturation histogram similarity)
     * @param location   how sure the search is that it found the product (normalised correlation)
     * @param proportion how well the found product keeps the reference's width-to-height ratio (1 is exact)
     * @param found      where the product was found in the candidate
     */
    record FidelityScore(
            double score, double structure, double colour, double location, double proportion, Box found) {}
}
