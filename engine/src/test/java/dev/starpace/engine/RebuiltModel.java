package dev.starpace.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks that a shipped model file is what training makes now. Numbers are compared to three parts in a hundred
 * (of the number, or of 1 when it is smaller), not digit for digit: ONNX Runtime's int8 kernels differ between CPUs
 * (AVX2 against VNNI) in the sentence vectors' last digits, so a model trained on one machine rebuilds on another a
 * little apart — measured on an AVX2 EPYC against the machine the shipped files were made on: the segmenter's weights
 * up to 0.33 %, the reflection judge's 0.15 %, the hand-off judge's (384 of them on the vector, each weakly held) 1.45 %.
 * A model left stale by a change to its answers or to its training moves by more than that.
 */
public final class RebuiltModel {
    static final double TOLERANCE = 0.03;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RebuiltModel() {
    }

    /** Fails, naming the first number apart and the command to run, unless {@code rebuilt} is the resource's model. */
    public static void assertMatches(Class<?> home, String resource, String rebuilt, String command) {
        try (InputStream in = home.getResourceAsStream(resource)) {
            if (in == null) {
                fail(resource + " is missing: run " + command);
            }
            compare(JSON.readTree(in), JSON.readTree(rebuilt), resource, resource + " is stale: run " + command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.SortedSet<String> names(JsonNode object) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void compare(JsonNode shipped, JsonNode rebuilt, String path, String stale) {
        if (shipped.isNumber() && rebuilt.isNumber()) {
            double a = shipped.asDouble();
            double b = rebuilt.asDouble();
            if (Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(a))) {
                fail(stale + " (" + path + ": shipped " + a + ", rebuilt " + b + ")");
            }
            return;
        }
        assertEquals(shipped.getNodeType(), rebuilt.getNodeType(), stale + " (" + path + ")");
        if (shipped.isArray()) {
            assertEquals(shipped.size(), rebuilt.size(), stale + " (" + path + " size)");
            for (int i = 0; i < shipped.size(); i++) {
                compare(shipped.get(i), rebuilt.get(i), path + "[" + i + "]", stale);
            }
        } else if (shipped.isObject()) {
            assertEquals(names(shipped), names(rebuilt), stale + " (" + path + " fields)");
            for (Iterator<Map.Entry<String, JsonNode>> it = shipped.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(field.getValue(), rebuilt.get(field.getKey()), path + "." + field.getKey(), stale);
            }
        } else {
            assertEquals(shipped, rebuilt, stale + " (" + path + ")");
        }
    }
}
