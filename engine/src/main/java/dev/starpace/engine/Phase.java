package dev.starpace.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The five STAR phases, in the order a well-told answer visits them. */
public enum Phase {
    SITUATION("S"), TASK("T"), ACTION("A"), RESULT("R"), REFLECTION("F");

    private final String letter;

    Phase(String letter) {
        this.letter = letter;
    }

    /** The one-letter code the samples and reports use (F for reflection, as the card does). */
    public String letter() {
        return letter;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Phase parse(String text) {
        String t = text.trim();
        for (Phase p : values()) {
            if (p.id().equalsIgnoreCase(t) || p.letter.equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + text + "' (expected situation, task, action, result or reflection)");
    }
}
