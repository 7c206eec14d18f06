package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Cross-validation by answer for the rules' judges: five folds, fold 0 the ten shared samples, the corpus dealt into
 * the other four by a seeded shuffle; and the JSON a judge ships as.
 */
final class Folds {
    static final long SEED = 20261127L;
    static final int FOLDS = 5;

    private Folds() {
    }

    /** The fold of each of n answers: all {@code fold}, or dealt into 1..4 when {@code fold} is negative. */
    static int[] deal(int n, int fold) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        int[] folds = new int[n];
        for (int k = 0; k < n; k++) {
            folds[order.get(k)] = fold >= 0 ? fold : 1 + k % (FOLDS - 1);
        }
        return folds;
    }

    /** A judge as its resource file holds it. */
    static String write(Object judge) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(judge) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
