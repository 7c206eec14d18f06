package dev.starpace.engine.segment.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A labelled answer in the samples' JSON format: sentences in spoken order, each with its phase, and who told it how
 * ({@code engine/corpus/README.md}).
 *
 * @param genre the kind of answer ("short-typed", "signposted", …); answers written before genres were recorded are
 *              all two-minute spoken answers to the team's early briefs, {@link #TWO_MINUTE_SPOKEN}
 * @param job   the speaker's job family, or {@link #UNSTATED} where the file does not say
 */
public record LabelledAnswer(String id, Level level, List<String> sentences, List<Phase> phases, String genre,
                             String job) {
    /** The genre of every answer that names none: the early corpus, spoken answers of about two minutes. */
    public static final String TWO_MINUTE_SPOKEN = "two-minute-spoken";
    public static final String UNSTATED = "unstated";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The writer's batch: the id without its number ("c-g05" and "c-g17" are one writer's; "extra-h3" the earlier tests'). */
    public String writer() {
        return id.replaceAll("\\d+$", "");
    }

    /** How many words the answer has, as its text is read ({@code SpokenText}); its length class is counted from these. */
    public int wordCount() {
        return steady().words().size();
    }

    /** Words with times and each word's labelled phase. */
    public record Timed(List<Word> words, List<Phase> gold) {
    }

    public static LabelledAnswer read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<String> texts = new ArrayList<>();
            List<Phase> phases = new ArrayList<>();
            for (JsonNode s : root.get("sentences")) {
                texts.add(s.get("text").asText());
                phases.add(Phase.parse(s.get("phase").asText()));
            }
            String id = root.path("id").asText(file.getFileName().toString().replace(".json", ""));
            return new LabelledAnswer(id, Level.parse(root.path("level").asText("sde2")), texts, phases,
                root.path("genre").asText(TWO_MINUTE_SPOKEN), root.path("job").asText(UNSTATED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a labelled answer (" + e.getMessage() + ")", e);
        }
    }

    /** Every answer in a folder, in file-name order. */
    public static List<LabelledAnswer> readAll(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(LabelledAnswer::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Spoken versions of labelled answers (made by {@code engine/corpus/spoken/make-spoken.sh}: festival speaks each
     * sentence, Vosk transcribes the whole), by answer id: the recognised words, each labelled with the phase of the
     * sentence its middle falls in.
     */
    public static Map<String, Timed> readSpoken(Path folder) {
        Map<String, Timed> out = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(f.toFile());
                JsonNode sentences = root.get("sentences");
                List<Word> words = new ArrayList<>();
                List<Phase> gold = new ArrayList<>();
                for (JsonNode w : root.get("words")) {
                    Word word = new Word(w.get("word").asText(), w.get("start").asDouble(), w.get("end").asDouble(),
                        w.path("conf").asDouble(1.0));
                    double middle = (word.start() + word.end()) / 2;
                    int s = 0;
                    while (s + 1 < sentences.size() && sentences.get(s + 1).get("start").asDouble() <= middle) {
                        s++;
                    }
                    words.add(word);
                    gold.add(Phase.parse(sentences.get(s).get("phase").asText()));
                }
                if (!words.isEmpty()) {
                    out.put(root.get("id").asText(), new Timed(words, gold));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The same story told short, as people type it when they prepare: of each run of sentences in one phase, the
     * first, and the last when the run has three or more. A long answer condensed so keeps its shape (every phase,
     * in its order, a phase change at each run's edge) in the 40–150 words of a typed answer, so training sees short
     * answers of every kind the corpus tells long.
     */
    public LabelledAnswer condensed() {
        List<String> texts = new ArrayList<>();
        List<Phase> kept = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= sentences.size(); i++) {
            if (i == sentences.size() || phases.get(i) != phases.get(from)) {
                texts.add(sentences.get(from));
                kept.add(phases.get(from));
                if (i - from >= 3) {
                    texts.add(sentences.get(i - 1));
                    kept.add(phases.get(i - 1));
                }
                from = i;
            }
        }
        return new LabelledAnswer(id, level, texts, kept, genre, job);
    }

    /**
     * The same story as a tidy typed answer: the first sentence of each phase's first run, in the order told — four or
     * five sentences, one per part, as people type a STAR answer when they prepare.
     */
    public LabelledAnswer tidy() {
        List<String> texts = new ArrayList<>();
        List<Phase> kept = new ArrayList<>();
        java.util.Set<Phase> seen = java.util.EnumSet.noneOf(Phase.class);
        for (int i = 0; i < sentences.size(); i++) {
            if (seen.add(phases.get(i))) {
                texts.add(sentences.get(i));
                kept.add(phases.get(i));
            }
        }
        return new LabelledAnswer(id, level, texts, kept, genre, job);
    }

    /** Timed as text read at a steady pace: short pauses at commas, longer ones between sentences. */
    public Timed steady() {
        List<EstimatedTimings.Timed> timed = EstimatedTimings.sentences(sentences, 0);
        List<Word> words = new ArrayList<>();
        List<Phase> gold = new ArrayList<>();
        for (int i = 0; i < timed.size(); i++) {
            for (Word w : timed.get(i).words()) {
                words.add(w);
                gold.add(phases.get(i));
            }
        }
        return new Timed(words, gold);
    }

    /** The same words with no pause anywhere: every word starts where the last one ended. */
    public Timed withoutPauses() {
        Timed steady = steady();
        List<Word> out = new ArrayList<>();
        double t = 0;
        for (Word w : steady.words()) {
            out.add(new Word(w.word(), t, t + w.duration()));
            t += w.duration();
        }
        return new Timed(out, steady.gold());
    }

    /**
     * Timed as people speak, seeded: a pace between 0.85× and 1.2× the steady one, a quarter of sentence ends with no
     * pause, and an occasional hesitation inside a sentence. Training on this keeps the model from relying on every
     * sentence ending in a pause, which recognised speech does not promise.
     */
    public Timed spoken(long seed) {
        Random random = new Random(seed ^ id.hashCode());
        double pace = 0.85 + random.nextDouble() * 0.35;
        Timed steady = steady();
        List<Word> out = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < steady.words().size(); i++) {
            Word w = steady.words().get(i);
            if (i > 0) {
                double gap = w.start() - steady.words().get(i - 1).end();
                boolean sentenceEnd = gap >= EstimatedTimings.SENTENCE_PAUSE - 1e-9;
                if (sentenceEnd) {
                    t += random.nextDouble() < 0.25 ? 0.05 : 0.3 + random.nextDouble() * 0.6;
                } else if (random.nextDouble() < 0.04) {
                    t += 0.3 + random.nextDouble() * 0.3;
                } else {
                    t += gap * pace;
                }
            }
            double d = w.duration() * pace;
            out.add(new Word(w.word(), round(t), round(t + d)));
            t += d;
        }
        return new Timed(out, steady.gold());
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
