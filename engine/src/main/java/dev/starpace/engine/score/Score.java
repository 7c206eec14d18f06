package dev.starpace.engine.score;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The 0–100 score and the parts it adds up from; {@code note} says how, when not every part applies (a written
 * answer has no delivery part).
 */
public record Score(int total, List<ScorePart> parts, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    public Score(int total, List<ScorePart> parts) {
        this(total, parts, null);
    }
}
