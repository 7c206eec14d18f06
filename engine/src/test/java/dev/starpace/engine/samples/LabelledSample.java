package dev.starpace.engine.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled answer from the samples folder, turned into what Vosk would give: spoken lowercase words with
 * timings derived from the text, each with the phase its sentence is labelled with.
 */
public record LabelledSample(String id, String lp, String question, Level level, List<Word> words,
                             List<Phase> gold, JsonNode expected, List<EstimatedTimings.Timed> sentences,
                             List<Phase> sentencePhases) {

    public static final List<String> IDS = List.of("seed-strong", "seed-weak", "01-flaky-ci-pipeline",
        "02-mobile-launch-crash", "03-search-ranking-regression", "04-database-migration", "05-mentoring-new-grad",
        "06-api-design-disagreement", "07-screen-reader-checkout", "08-cloud-cost-overrun");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Our own answers in other styles: phases labelled, no expected flags. */
    public static final List<String> MORE = List.of("extra-h1", "extra-h2", "extra-h3", "extra-h4", "extra-h5", "extra-h6",
        "extra-h7", "extra-h8", "extra-h9", "extra-h10", "extra-h11");

    public static List<LabelledSample> all() {
        return IDS.stream().map(LabelledSample::load).toList();
    }

    public static List<LabelledSample> more() {
        return MORE.stream().map(id -> load("/more-answers/", id)).toList();
    }

    public static LabelledSample load(String id) {
        return load("/samples/", id);
    }

    private static LabelledSample load(String folder, String id) {
        try (InputStream in = LabelledSample.class.getResourceAsStream(folder + id + ".json")) {
            JsonNode root = JSON.readTree(in);
            List<String> texts = new ArrayList<>();
            List<Phase> phases = new ArrayList<>();
            for (JsonNode s : root.get("sentences")) {
                texts.add(s.get("text").asText());
                phases.add(Phase.parse(s.get("phase").asText()));
            }
            List<EstimatedTimings.Timed> timed = EstimatedTimings.sentences(texts, 0);
            List<Word> words = new ArrayList<>();
            List<Phase> gold = new ArrayList<>();
            for (int i = 0; i < timed.size(); i++) {
                words.addAll(timed.get(i).words());
                for (int k = 0; k < timed.get(i).words().size(); k++) {
                    gold.add(phases.get(i));
                }
            }
            return new LabelledSample(id, root.path("lp").asText(), root.path("question").asText(),
                Level.parse(root.path("level").asText("sde2")), words, gold, root.get("expected"), timed, phases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same words spoken without any pause: every word starts where the last one ended. */
    public List<Word> withoutPauses() {
        List<Word> out = new ArrayList<>();
        double t = 0;
        for (Word w : words) {
            out.add(new Word(w.word(), t, t + w.duration()));
            t += w.duration();
        }
        return out;
    }
}
