package dev.starpace.engine.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One rule's finding: its stable id, whether the answer passed, a value where the rule measures one
 * (a count, a rate, or a word such as "generic"), a message for the candidate, and the evidence. {@code status}
 * is {@code passed}, {@code failed} or {@code unclear}: the verdict rests on words the recognizer was unsure of,
 * so it is neither (then {@code passed} is false and {@code replay} is the stretch to listen to).
 */
@JsonPropertyOrder({"id", "passed", "status", "value", "message", "evidence", "replay"})
public record RuleResult(String id, boolean passed, String status,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Object value,
                         String message, List<Evidence> evidence,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Evidence replay) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String UNCLEAR = "unclear";

    public RuleResult(String id, boolean passed, Object value, String message, List<Evidence> evidence) {
        this(id, passed, passed ? PASSED : FAILED, value, message, evidence, null);
    }

    public RuleResult {
        if (status == null) {
            status = passed ? PASSED : FAILED;   // a transcript written before status existed
        }
    }

    public static RuleResult pass(String id, Object value, String message, List<Evidence> evidence) {
        return new RuleResult(id, true, value, message, evidence);
    }

    public static RuleResult fail(String id, Object value, String message, List<Evidence> evidence) {
        return new RuleResult(id, false, value, message, evidence);
    }

    /** A verdict that rests on unsure words: neither passed nor failed, with the stretch to replay. */
    public static RuleResult unclear(String id, Object value, String message, List<Evidence> evidence, Evidence replay) {
        return new RuleResult(id, false, UNCLEAR, value, message, evidence, replay);
    }

    public boolean unclear() {
        return UNCLEAR.equals(status);
    }

    /** The short word reports and summary.csv show: pass, fail or unclear. */
    public String state() {
        return unclear() ? "unclear" : passed ? "pass" : "fail";
    }

    /** The mark reports put before the rule: a tick, a cross, or a question mark when unclear. */
    public String mark() {
        return unclear() ? "? " : passed ? "✓ " : "✗ ";
    }
}
