package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.ImageGeneration.SheetRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.engine.StepFault;

/** Lays out a product's character sheet. */
final class CharacterSheetRenderer {

    MediaFile render(SheetRequest request) throws StepFault {
        throw new UnsupportedOperationException("TODO: being written");
    }
}
