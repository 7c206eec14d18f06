package dev.starpace.engine.timing;

/** One uninterrupted stretch of a phase, in seconds from the start of the answer, over words [firstWord, lastWord]. */
public record Segment(double start, double end, int firstWord, int lastWord) {
    public double seconds() {
        return end - start;
    }
}
