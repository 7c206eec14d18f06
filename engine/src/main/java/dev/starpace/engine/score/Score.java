package dev.starpace.engine.score;

import java.util.List;

/** The 0–100 score and the parts it adds up from. */
public record Score(int total, List<ScorePart> parts) {
}
