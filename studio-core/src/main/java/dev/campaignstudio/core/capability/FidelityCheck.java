package dev.campaignstudio.core.capability;

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
    record FidelityScore(double score, double structure, double colour, double location, double proportion, Box found) {
    }
}
