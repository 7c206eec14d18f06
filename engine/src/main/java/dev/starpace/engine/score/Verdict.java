package dev.starpace.engine.score;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The Bar Raiser's call for this LP, the reasons behind it, the call in a Bar Raiser's words, and what the
 * answer still needs for a Strong Hire (empty when it is one).
 */
public record Verdict(Decision decision, String lp, List<String> reasons, String text, List<String> toStrongHire) {
    public enum Decision {
        STRONG_HIRE("Strong Hire"), LEANING_HIRE("Leaning Hire"), LEANING_NO_HIRE("Leaning No Hire"), NO_HIRE("No Hire");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }
}
