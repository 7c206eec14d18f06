package dev.starpace.engine.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A sentence encoder through a small least-recently-used cache: a doubted or fragile verdict re-reads the same units of
 * an answer many times, and each encoding costs milliseconds.
 */
final class RememberingEncoder {
    static final int REMEMBERED = 1024;

    private RememberingEncoder() {
    }

    static Function<String, float[]> of(Function<String, float[]> encoder) {
        Map<String, float[]> seen = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > REMEMBERED;
            }
        });
        return text -> {
            float[] v = seen.get(text);
            if (v == null) {
                v = encoder.apply(text);
                seen.put(text, v);
            }
            return v;
        };
    }
}
