package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Screenshot setting of a contract (reference §7.4, screenshot enum). */
public enum ScreenshotMode implements WireValue {
    FULL("full"),
    BLURRED("blurred"),
    NO_PREVIEW("no_preview"),
    NO_SCREENSHOT("no_screenshot"),
    BACKGROUND_BLURRED("background_blurred"),
    VIDEO_FULL("video_full"),
    VIDEO_BLURRED("video_blurred"),
    VIDEO_FULL_SILENT("video_full_silent"),
    VIDEO_BLURRED_SILENT("video_blurred_silent");

    private final String wireValue;

    ScreenshotMode(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<ScreenshotMode> fromWire(String value) {
        return WireValues.fromWire(ScreenshotMode.class, value);
    }
}
