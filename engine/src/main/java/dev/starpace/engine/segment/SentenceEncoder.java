package dev.starpace.engine.segment;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.starpace.engine.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretrained sentence encoder, in-process and offline: quantized all-MiniLM-L6-v2 on ONNX Runtime, shipped
 * inside its Maven artifact. Loaded once per process and shared by every answer; thread-safe.
 *
 * <p>One intra-op thread per call: a server runs many answers at once, and a single thread keeps the vector of
 * a text identical from run to run (the trained model is checked against a rebuild).
 */
public final class SentenceEncoder {
    public static final int DIMENSIONS = 384;
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    /** The file the remembered vectors are kept in between runs ({@code -Dstarpace.encoder.cache=DIR}), by encoder. */
    static final String CACHE_FILE = "encoder-vectors-" + MODEL.replace(".onnx", "") + ".bin";

    private static final Lazy<SentenceEncoder> SHARED = new Lazy<>(SentenceEncoder::new);
    /**
     * Every vector kept for the life of the process when {@code -Dstarpace.encoder.remember=true}: a test run analyses the
     * same corpus answers in several tests, and encoding them again was most of its time. Off by default: a server's
     * answers are new ones, and it would only grow. With {@code -Dstarpace.encoder.cache=DIR} (the module poms give the
     * test JVMs their {@code target/}) they are kept between runs too: the vector of a text is the same every time.
     */
    private static final Map<String, float[]> REMEMBERED =
        Boolean.getBoolean("starpace.encoder.remember") ? remembered(System.getProperty("starpace.encoder.cache")) : null;

    /** The vectors remembered so far, from the file in {@code cacheDir} when given: the test runs encode the same texts. */
    private static Map<String, float[]> remembered(String cacheDir) {
        if (cacheDir == null || cacheDir.isBlank()) {
            return new ConcurrentHashMap<>();
        }
        java.nio.file.Path file = java.nio.file.Path.of(cacheDir, CACHE_FILE);
        Map<String, float[]> vectors = new ConcurrentHashMap<>(VectorFile.read(file));
        VectorFile.writeAtExit(file, vectors);
        return vectors;
    }

    private final Encoder encoder;

    private SentenceEncoder() {
        this.encoder = new Encoder(load());
    }

    /** The process-wide encoder, loaded on first use. */
    public static SentenceEncoder shared() {
        return SHARED.get();
    }

    /** The unit-length vector of a text (lowercase recognized words work as well as written text). */
    public float[] encode(String text) {
        return REMEMBERED == null ? computed(text) : REMEMBERED.computeIfAbsent(text, this::computed).clone();
    }

    private float[] computed(String text) {
        return encoder.embedAll(List.of(TextSegment.from(text))).content().get(0).vector();
    }

    private static OnnxBertBiEncoder load() {
        Class<?> home = AllMiniLmL6V2QuantizedEmbeddingModel.class;
        try (InputStream model = home.getResourceAsStream("/" + MODEL);
             InputStream tokenizer = home.getResourceAsStream("/" + TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the sentence encoder's model is missing from the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence encoder: " + e.getMessage(), e);
        }
    }

    /** langchain4j's in-process model around our own ONNX session; runs each call on the caller's thread. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
