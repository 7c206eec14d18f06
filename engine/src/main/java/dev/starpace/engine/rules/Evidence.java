package dev.starpace.engine.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stretch of the answer that backs a rule's finding: its time span and the words said, and, when the recognizer
 * was unsure of a word in it, the lowest confidence among its words (null when it was sure of them all).
 */
public record Evidence(double start, double end, String text,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double conf) {
    public Evidence(double start, double end, String text) {
        this(start, end, text, null);
    }
}
