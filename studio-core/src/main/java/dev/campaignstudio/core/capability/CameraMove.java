package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.id.WireEnum;

/** How the camera moves over a scene. */
public enum CameraMove implements WireEnum {
    STATIC("static"),
    ZOOM_IN("zoom_in"),
    ZOOM_OUT("zoom_out"),
    PAN_LEFT("pan_left"),
    PAN_RIGHT("pan_right"),
    /** The product layer drifts against the background. */
    PARALLAX("parallax");

    private final String wire;

    CameraMove(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
