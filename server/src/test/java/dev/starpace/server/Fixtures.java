package dev.starpace.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.server.audio.Audio;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.speech.RecordingAnalyzer;
import dev.starpace.server.speech.SpeechModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spoken fixtures (made by fixtures/make-fixtures.sh with festival) and what their manifests say:
 * each sentence's phase and times, and each pause the script put in.
 */
public final class Fixtures {
    public static final QuestionBank BANK = QuestionBank.builtIn();
    public static final Analyzer ANALYZER = new Analyzer(BANK);
    private static final Map<String, RecordingAnalyzer.Analysis> ANALYSED = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("starpace.fixtures", "src/test/resources/fixtures"));
    }

    public static Path wav(String id) {
        return dir().resolve(id + ".wav");
    }

    /** A fixture decoded, as every test that feeds audio starts from it. */
    public static Audio audio(String id) {
        return new AudioDecoder().decode(wav(id));
    }

    /** A fixture as 16 kHz mono 16-bit PCM: what the browser streams over the socket. */
    public static byte[] pcm(String id) {
        return audio(id).toPcm16();
    }

    public static JsonNode manifest(String id) {
        try {
            return new ObjectMapper().readTree(dir().resolve(id + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SpeechModel model() {
        return SpeechModel.find(null);
    }

    public static RecordingAnalyzer recordingAnalyzer() {
        return new RecordingAnalyzer(ANALYZER, model(), new AudioDecoder());
    }

    /** The card a fixture answers: the seed card for the seed answers, the LP's card otherwise. */
    public static Card card(String id) {
        if (id.startsWith("seed")) {
            return BANK.get("customer-obsession-above-and-beyond");
        }
        String lp = manifest(id).get("lp").asText();
        return BANK.cards().stream().filter(c -> c.lp().equalsIgnoreCase(lp)).findFirst().orElseThrow();
    }

    /** Each fixture analysed once per test run: Vosk takes seconds per answer. */
    public static RecordingAnalyzer.Analysis analysed(String id) {
        return ANALYSED.computeIfAbsent(id, k -> recordingAnalyzer().analyze(wav(k), card(k),
            dev.starpace.engine.Level.parse(manifest(k).get("level").asText())));
    }

    /** Seconds per phase as the fixture was spoken: each sentence runs to the next one's start. */
    public static Map<Phase, Double> phaseSeconds(String id) {
        JsonNode sentences = manifest(id).get("sentences");
        Map<Phase, Double> out = new EnumMap<>(Phase.class);
        for (int i = 0; i < sentences.size(); i++) {
            JsonNode s = sentences.get(i);
            double end = i + 1 < sentences.size() ? sentences.get(i + 1).get("start").asDouble() : s.get("end").asDouble();
            out.merge(Phase.parse(s.get("phase").asText()), end - s.get("start").asDouble(), Double::sum);
        }
        return out;
    }

    public static List<String> ids() {
        return List.of("seed-strong", "seed-weak", "03-search-ranking-regression");
    }
}
