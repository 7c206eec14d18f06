package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.ResultQuantified;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.TaskScopeBoundary;

/** How a content rule's finding stands against a labelled answer's expected flags. */
public enum RuleLabels {
    AGREES, UNCLEAR, WRONG;

    public static RuleLabels of(RuleResult r, JsonNode expected) {
        if (r.unclear()) {
            return UNCLEAR;
        }
        boolean right = switch (r.id()) {
            case ActionFirstPerson.ID -> r.passed() != expected.get("we_language_in_action").asBoolean();
            case ResultQuantified.ID -> r.passed() == expected.get("quantified_result").asBoolean();
            case TaskScopeBoundary.ID -> r.passed() == expected.get("scope_boundary").asBoolean();
            case ReflectionSpecific.ID -> expected.get("reflection").asText().equals(r.value());
            case NoDisqualifiers.ID -> r.passed() == expected.get("disqualifiers").isEmpty();
            default -> throw new IllegalArgumentException(r.id());
        };
        return right ? AGREES : WRONG;
    }
}
