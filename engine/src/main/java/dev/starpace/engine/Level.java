package dev.starpace.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Interview level; it sets the answer's time budget and what the bar expects of the reflection. */
public enum Level {
    SDE1, SDE2, SENIOR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Level parse(String text) {
        for (Level l : values()) {
            if (l.id().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "' (expected sde1, sde2 or senior)");
    }
}
