package dev.starpace.engine.rules;

/** A stretch of the answer that backs a rule's finding: its time span and the words said. */
public record Evidence(double start, double end, String text) {
}
