package dev.starpace.engine.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One rule's finding: its stable id, whether the answer passed, a value where the rule measures one
 * (a count, a rate, or a word such as "generic"), a message for the candidate, and the evidence.
 */
@JsonPropertyOrder({"id", "passed", "value", "message", "evidence"})
public record RuleResult(String id, boolean passed,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Object value,
                         String message, List<Evidence> evidence) {
    public static RuleResult pass(String id, Object value, String message, List<Evidence> evidence) {
        return new RuleResult(id, true, value, message, evidence);
    }

    public static RuleResult fail(String id, Object value, String message, List<Evidence> evidence) {
        return new RuleResult(id, false, value, message, evidence);
    }
}
