package dev.starpace.engine.segment;

import java.util.Locale;

/** Which segmenter labels the phases: the learned STAR model (default) or the old hand-weighted cues. */
public enum Segmentation {
    LEARNED, CUES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Segmentation parse(String text) {
        for (Segmentation s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown segmenter '" + text + "' (expected learned or cues)");
    }
}
