package dev.starpace.engine.segment;

/** A stretch of speech the learned segmenter labels as one: words {@code from} (inclusive) to {@code to} (exclusive). */
public record Unit(int from, int to) {
    public Unit {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a unit needs at least one word: " + from + ".." + to);
        }
    }

    public int size() {
        return to - from;
    }
}
