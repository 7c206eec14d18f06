package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import java.util.List;

/**
 * Words in the right phase, counted plainly and with Result and Reflection taken as one: authors of answers written
 * elsewhere fold the lesson into the Result, so the merged count is the one their labels can be held to.
 */
public record WordTally(int words, int right, int rightMerged) {
    public static final WordTally NONE = new WordTally(0, 0, 0);

    public static WordTally of(List<Phase> gold, List<Phase> predicted) {
        int right = 0, merged = 0;
        for (int i = 0; i < gold.size(); i++) {
            right += gold.get(i) == predicted.get(i) ? 1 : 0;
            merged += merged(gold.get(i)) == merged(predicted.get(i)) ? 1 : 0;
        }
        return new WordTally(gold.size(), right, merged);
    }

    private static Phase merged(Phase p) {
        return p == Phase.REFLECTION ? Phase.RESULT : p;
    }

    public WordTally plus(WordTally o) {
        return new WordTally(words + o.words, right + o.right, rightMerged + o.rightMerged);
    }

    public double share() {
        return words == 0 ? 0 : (double) right / words;
    }

    public double mergedShare() {
        return words == 0 ? 0 : (double) rightMerged / words;
    }
}
