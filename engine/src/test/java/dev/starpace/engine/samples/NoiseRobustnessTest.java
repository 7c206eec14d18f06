package dev.starpace.engine.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Doubt;
import dev.starpace.engine.rules.Rule;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.train.RuleLabels;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.text.SpokenText;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The noisy corpus (engine/corpus/noisy, made by make-noisy.sh: ten spoken answers with white noise, a fan hum and
 * babble at 20, 15 and 10 dB, transcribed by the real Vosk model): word recall, time in the right phase and each
 * content rule against the labels, before (phrases word for word, every word trusted) and after (near misses, unsure
 * words weighed, and on a take whose measured input quality is poor, close calls and moved boundaries unclear). Prints
 * the table docs/noisy-recordings.md quotes.
 */
class NoiseRobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionBank BANK = QuestionBank.builtIn();
    private static final Path NOISY = Path.of("corpus/noisy");

    /** Per condition ("clean", "15 dB", "15 dB white"...): the figures added up over its answers. */
    static final Map<String, Tally> TALLIES = new TreeMap<>();

    static final class Tally {
        int answers;
        double recalled;
        double said;
        double rightSeconds;
        double seconds;
        final Map<String, int[]> before = new LinkedHashMap<>();
        final Map<String, int[]> after = new LinkedHashMap<>();
        final Map<String, int[]> flipsBefore = new LinkedHashMap<>();
        final Map<String, int[]> flipsAfter = new LinkedHashMap<>();
        /** Per rule, the verdicts after that fail an answer its labels pass: what the candidate must never be told in noise. */
        final Map<String, Integer> wrongFailures = new LinkedHashMap<>();

        double recall() {
            return 100 * recalled / said;
        }

        double phaseTime() {
            return 100 * rightSeconds / seconds;
        }

        static double share(int[] counts, RuleLabels which) {
            return 100.0 * counts[which.ordinal()] / (counts[0] + counts[1] + counts[2]);
        }
    }

    @BeforeAll
    static void measure() throws IOException {
        Analyzer analyzer = new Analyzer(BANK);
        List<Path> files;
        try (Stream<Path> s = Files.list(NOISY)) {
            // each answer's clean take first: the noisy ones are compared with it
            files = s.filter(f -> f.toString().endsWith(".json"))
                .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString().split("\\.")[0])
                    .thenComparing(f -> !f.getFileName().toString().endsWith(".clean.json"))).toList();
        }
        for (Path f : files) {
            JsonNode heard = JSON.readTree(f.toFile());
            String id = heard.get("id").asText();
            JsonNode label = JSON.readTree(Path.of("corpus", id + ".json").toFile());
            JsonNode spoken = JSON.readTree(Path.of("corpus/spoken", id + ".json").toFile());
            List<Word> words = new ArrayList<>();
            for (JsonNode w : heard.get("words")) {
                words.add(new Word(w.get("word").asText(), w.get("start").asDouble(), w.get("end").asDouble(),
                    w.path("conf").asDouble(1.0)));
            }
            Level level = Level.parse(label.path("level").asText("sde2"));
            ScoredTranscript scored = analyzer.analyze(words, null, level);
            List<Phase> phases = scored.words().stream().map(ScoredTranscript.ScoredWord::phase).toList();
            String noise = heard.get("noise").asText();
            // a front end before Vosk (rnnoise-trial.sh) makes rows of its own
            String frontEnd = heard.has("frontEnd") ? " " + heard.get("frontEnd").asText() : "";
            List<String> keys = noise.equals("clean") ? List.of("clean" + frontEnd)
                : List.of(heard.get("snrDb").asInt() + " dB" + frontEnd, heard.get("snrDb").asInt() + " dB " + noise + frontEnd);
            for (String key : keys) {
                Tally t = TALLIES.computeIfAbsent(key, k -> new Tally());
                t.answers++;
                recall(t, words, label);
                phaseTime(t, words, phases, spoken.get("sentences"));
                rules(t, words, phases, label, level, key.equals("clean"), poor(heard));
            }
        }
        print();
    }

    private static void recall(Tally t, List<Word> words, JsonNode label) {
        Map<String, Integer> heard = new HashMap<>();
        words.forEach(w -> heard.merge(w.word(), 1, Integer::sum));
        for (JsonNode s : label.get("sentences")) {
            for (String w : SpokenText.words(s.get("text").asText())) {
                t.said++;
                if (heard.getOrDefault(w, 0) > 0) {
                    heard.merge(w, -1, Integer::sum);
                    t.recalled++;
                }
            }
        }
    }

    /** Each word's time, up to the next word, against the phase of the sentence its middle falls in. */
    private static void phaseTime(Tally t, List<Word> words, List<Phase> phases, JsonNode sentences) {
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            double seconds = (i + 1 < words.size() ? words.get(i + 1).start() : w.end()) - w.start();
            double middle = (w.start() + w.end()) / 2;
            int s = 0;
            while (s + 1 < sentences.size() && sentences.get(s + 1).get("start").asDouble() <= middle) {
                s++;
            }
            t.seconds += seconds;
            if (Phase.parse(sentences.get(s).get("phase").asText()) == phases.get(i)) {
                t.rightSeconds += seconds;
            }
        }
    }

    /** Each answer's verdict per rule on clean audio, before this work ("id rule" → passed and value). */
    static final Map<String, String> CLEAN_VERDICTS = new HashMap<>();

    private static String verdict(RuleResult r) {
        return r.passed() + " " + (r.value() instanceof String v ? v : "");
    }

    private static RuleLabels sameAs(RuleResult r, String clean) {
        return r.unclear() ? RuleLabels.UNCLEAR : verdict(r).equals(clean) ? RuleLabels.AGREES : RuleLabels.WRONG;
    }

    /** Whether the take's measured input quality (make-noisy.sh keeps the report's) names a problem: noisy, clipped, quiet. */
    static boolean poor(JsonNode take) {
        return !take.path("quality").path("problems").isEmpty();
    }

    private static void rules(Tally t, List<Word> words, List<Phase> phases, JsonNode label, Level level, boolean clean,
                              boolean poor) {
        Card card = SampleCards.everythingFor(BANK, label.path("lp").asText());
        Answer heard = new Answer(card, level, words, phases);
        Answer answer = poor ? heard.heardInPoorRecording() : heard;
        for (Rule rule : RuleSet.forCard(card)) {
            t.before.computeIfAbsent(rule.id(), k -> new int[3])[RuleLabels.of(rule.check(answer.exact()), label.get("expected")).ordinal()]++;
            RuleResult before = rule.check(answer.exact());
            RuleResult after = Doubt.check(rule, answer);
            RuleLabels againstLabels = RuleLabels.of(after, label.get("expected"));
            t.after.computeIfAbsent(rule.id(), k -> new int[3])[againstLabels.ordinal()]++;
            t.wrongFailures.merge(rule.id(), againstLabels == RuleLabels.WRONG && !after.passed() ? 1 : 0, Integer::sum);
            // against the same answer's verdict on clean audio: what the noise alone changed
            String key = label.get("id").asText() + " " + rule.id();
            if (clean) {
                CLEAN_VERDICTS.put(key, verdict(before));
            } else {
                t.flipsBefore.computeIfAbsent(rule.id(), k -> new int[3])[sameAs(before, CLEAN_VERDICTS.get(key)).ordinal()]++;
                t.flipsAfter.computeIfAbsent(rule.id(), k -> new int[3])[sameAs(after, CLEAN_VERDICTS.get(key)).ordinal()]++;
            }
        }
    }

    private static void print() {
        StringBuilder b = new StringBuilder("\ncondition              answers  recall  phase time | rule: agrees before -> agrees / unclear / wrong after\n");
        TALLIES.forEach((key, t) -> {
            b.append(String.format("%-22s %7d  %5.1f %%  %6.1f %%  |", key, t.answers, t.recall(), t.phaseTime()));
            t.after.forEach((rule, after) -> b.append(String.format(" %s %.0f -> %.0f/%.0f/%.0f (%d failed wrongly);", rule,
                Tally.share(t.before.get(rule), RuleLabels.AGREES), Tally.share(after, RuleLabels.AGREES),
                Tally.share(after, RuleLabels.UNCLEAR), Tally.share(after, RuleLabels.WRONG), t.wrongFailures.get(rule))));
            b.append('\n');
        });
        b.append("\nagainst the same answer on clean audio: rule: same before -> same / unclear / flipped after\n");
        TALLIES.forEach((key, t) -> {
            if (t.flipsAfter.isEmpty()) {
                return;
            }
            b.append(String.format("%-22s |", key));
            t.flipsAfter.forEach((rule, after) -> b.append(String.format(" %s %.0f -> %.0f/%.0f/%.0f;", rule,
                Tally.share(t.flipsBefore.get(rule), RuleLabels.AGREES), Tally.share(after, RuleLabels.AGREES),
                Tally.share(after, RuleLabels.UNCLEAR), Tally.share(after, RuleLabels.WRONG))));
            b.append('\n');
        });
        System.out.println(b);
    }

    /** Measured: 98.0 % clean, 95.9 % at 15 dB (docs/noisy-recordings.md); the issue asks for within 5 points. */
    static final double PHASE_POINTS_LOST_AT_15_DB = 5;

    @Test
    void theCorpusHoldsEveryCondition() {
        for (String key : List.of("clean", "20 dB", "15 dB", "10 dB")) {
            assertTrue(TALLIES.containsKey(key), key + " in " + TALLIES.keySet());
            assertEquals(10, TALLIES.get(key).answers / (key.equals("clean") ? 1 : 3), key);
        }
    }

    @Test
    void at15DbTheTimeInTheRightPhaseStaysNearClean() {
        double clean = TALLIES.get("clean").phaseTime();
        double noisy = TALLIES.get("15 dB").phaseTime();
        assertTrue(clean - noisy <= PHASE_POINTS_LOST_AT_15_DB, "clean " + clean + " %, 15 dB " + noisy + " %");
    }

    /**
     * At 15 dB every rule agrees with the labels or says unclear on at least this share of the takes: measured 97, 100, 97,
     * 100 and 90 % (action, result, scope, reflection, hand-offs; docs/noisy-recordings.md), the lowest less two points.
     */
    static final double AGREES_OR_UNCLEAR_AT_15_DB = 88;
    /**
     * Wrong failures per rule at 15 dB: none, as the issue asks ("never a wrong failed"). The last one (scope on c-c05
     * white, a Task boundary two units off) went when a failed Task rule was re-checked over the whole setup.
     */
    static final int WRONG_FAILURES_AT_15_DB = 0;

    @Test
    void at15DbEveryRuleAgreesOrSaysUnclearAndNeverFailsWrongly() {
        Tally t = TALLIES.get("15 dB");
        t.after.forEach((rule, after) -> {
            double share = 100 - Tally.share(after, RuleLabels.WRONG);
            assertTrue(share >= AGREES_OR_UNCLEAR_AT_15_DB, rule + ": " + share + " % agree or unclear");
            assertTrue(t.wrongFailures.get(rule) <= WRONG_FAILURES_AT_15_DB, rule + ": " + t.wrongFailures.get(rule) + " wrong failures");
        });
    }

    @Test
    void weighingConfidenceNeverAddsAWrongVerdict() {
        TALLIES.forEach((key, t) -> t.after.forEach((rule, after) -> {
            int[] before = t.before.get(rule);
            assertTrue(after[RuleLabels.WRONG.ordinal()] <= before[RuleLabels.WRONG.ordinal()], key + " " + rule);
            if (!t.flipsAfter.isEmpty()) {
                assertTrue(t.flipsAfter.get(rule)[RuleLabels.WRONG.ordinal()] <= t.flipsBefore.get(rule)[RuleLabels.WRONG.ordinal()],
                    key + " " + rule + ": no more verdicts that differ from the clean take");
            }
        }));
    }

    /**
     * On clean audio weighing confidence takes no right verdict away. It may call a wrong one unclear: the Action judge's
     * verdict on c-c05 (labelled "I", failed at a probability of 0.52) rests on an unsure word.
     */
    @Test
    void onCleanAudioNoRightVerdictChanges() {
        Tally clean = TALLIES.get("clean");
        clean.after.forEach((rule, after) -> {
            int[] before = clean.before.get(rule);
            assertEquals(before[RuleLabels.AGREES.ordinal()], after[RuleLabels.AGREES.ordinal()], rule);
            assertTrue(after[RuleLabels.WRONG.ordinal()] <= before[RuleLabels.WRONG.ordinal()], rule);
        });
    }
}
