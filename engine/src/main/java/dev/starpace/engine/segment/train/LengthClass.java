package dev.starpace.engine.segment.train;

/**
 * How long an answer is, in words: the classes every figure is reported by, since a 45-word typed answer and a
 * three-minute spoken one must get the same phases (issue 20).
 */
public enum LengthClass {
    UNDER_80("under 80 words"),
    FROM_80("80-119 words"),
    FROM_120("120-249 words"),
    FROM_250("250+ words");

    private final String label;

    LengthClass(String label) {
        this.label = label;
    }

    public static LengthClass of(int words) {
        return words < 80 ? UNDER_80 : words < 120 ? FROM_80 : words < 250 ? FROM_120 : FROM_250;
    }

    @Override
    public String toString() {
        return label;
    }
}
