package dev.starpace.engine.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The trained STAR model: one phase chain for finished answers (position = share of the answer, the next unit seen)
 * and one for live answers (position = share of the level's budget, no look-ahead). Built by
 * {@code train.SegmenterTraining} into {@code star-model.json} beside this class.
 *
 * @param encoder the sentence encoder the chains were fitted on
 */
public record StarModel(String encoder, PhaseChain whole, PhaseChain live) {
    public static final String RESOURCE = "star-model.json";
    public static final String ENCODER = "all-MiniLM-L6-v2-q";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Lazy<StarModel> BUILT_IN = new Lazy<>(StarModel::load);

    /** The model that ships with StarPace, loaded once. */
    public static StarModel builtIn() {
        return BUILT_IN.get();
    }

    private static StarModel load() {
        try (InputStream in = StarModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the STAR model " + RESOURCE + " is missing: run engine/train-segmenter");
            }
            return JSON.readValue(in, StarModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
