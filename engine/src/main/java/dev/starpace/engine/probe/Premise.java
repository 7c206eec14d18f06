package dev.starpace.engine.probe;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a follow-up takes for granted about the answer it follows. A probe is asked only when its premise holds as far
 * as the findings can tell; the corpus measures how often it truly does (ProbePremiseTest).
 */
public enum Premise {
    /** The answer said a hand-off phrase, quoted. */
    HAND_OFF_SAID,
    /** The answer said "we" (or "they") doing the Action, quoted. */
    WE_SAID,
    /** The answer never said the work was outside its remit. */
    NO_SCOPE,
    /** The answer said the work was outside its remit. */
    SCOPE_STATED,
    /** The Result has no number. */
    NO_NUMBER,
    /** The Result has a number, quoted. */
    NUMBER_SAID,
    /** The reflection is generic or missing. */
    REFLECTION_VAGUE,
    /** The answer names someone else it worked with or for, quoted. */
    STAKEHOLDER_NAMED,
    /** The card's own story details (its team, its fix) are in the answer too. */
    STORY_DETAILS,
    /** Nothing: any answer can be asked it. */
    NONE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
