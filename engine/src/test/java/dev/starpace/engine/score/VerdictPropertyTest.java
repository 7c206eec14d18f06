package dev.starpace.engine.score;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.samples.LabelledSample;
import dev.starpace.engine.transcript.EstimatedTimings;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No sentence of the verdict contradicts the checklist, the phases or the score's band ({@link VerdictAudit}), on every
 * answer StarPace has: the spoken corpus and the noisy takes (words as Vosk heard them), every labelled corpus answer
 * and shared sample read as speech and as writing, and made-up edges (no Action, all Situation, a phase with no words,
 * one word, typed).
 */
class VerdictPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionBank BANK = QuestionBank.builtIn();
    private static final Analyzer ANALYZER = new Analyzer(BANK);
    private static final String SEED = "customer-obsession-above-and-beyond";

    @Test
    void noVerdictContradictsItsChecklistOrItsScore() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        for (Path file : corpus()) {
            JsonNode root = JSON.readTree(file.toFile());
            Card card = cardFor(root.path("lp").asText(""));
            Level level = Level.parse(root.path("level").asText("sde2"));
            String name = Path.of("corpus").relativize(file).toString();
            if (root.has("words")) {
                List<Word> words = new ArrayList<>();
                for (JsonNode w : root.get("words")) {
                    words.add(new Word(w.get("word").asText(), w.get("start").asDouble(), w.get("end").asDouble(),
                        w.path("conf").isNumber() ? w.get("conf").asDouble() : 1.0));
                }
                check(name + " (heard)", score(card, level, words), failures, seen);
            } else if (root.has("sentences")) {
                String text = String.join(" ", root.get("sentences").findValuesAsText("text"));
                check(name + " (as spoken)", score(card, level, EstimatedTimings.words(text)), failures, seen);
                check(name + " (typed)", ANALYZER.analyzeWritten(text, card.id(), level), failures, seen);
            }
        }
        for (LabelledSample s : Stream.concat(LabelledSample.all().stream(), LabelledSample.more().stream()).toList()) {
            Card card = s.id().startsWith("seed") ? BANK.get(SEED) : cardFor(s.lp());
            check(s.id(), ANALYZER.score(card, s.level(), s.words(), s.gold()), failures, seen);
            check(s.id() + " (segmented)", score(card, s.level(), s.words()), failures, seen);
            String text = String.join(" ", s.sentences().stream().map(EstimatedTimings.Timed::text).toList());
            check(s.id() + " (typed)", ANALYZER.analyzeWritten(text, card.id(), s.level()), failures, seen);
        }
        edges(failures, seen);
        sameScoreSameCallUnlessAGapIsNamed(failures);
        System.out.println("VerdictPropertyTest: " + seen.values().stream().mapToInt(Integer::intValue).sum()
            + " answers, decisions " + seen);
        assertTrue(failures.isEmpty(), failures.size() + " contradictions:\n" + String.join("\n", failures));
    }

    /** Answers no writer would give but a candidate can: each part missing or alone, one word, a ramble. */
    private static void edges(List<String> failures, Map<String, Integer> seen) {
        LabelledSample strong = LabelledSample.load("seed-strong");
        Card seed = everything(BANK.get(SEED));
        for (Phase only : Phase.values()) {
            check("all " + only.id(), ANALYZER.score(seed, Level.SDE2, strong.words(), Collections.nCopies(strong.words().size(), only)), failures, seen);
        }
        for (Phase dropped : Phase.values()) {
            List<Phase> phases = strong.gold().stream().map(p -> p == dropped ? (dropped == Phase.SITUATION ? Phase.TASK : Phase.SITUATION) : p).toList();
            check("no " + dropped.id(), ANALYZER.score(seed, Level.SDE2, strong.words(), phases), failures, seen);
        }
        List<Word> one = List.of(new Word("done", 0, 0.4));
        for (Phase p : Phase.values()) {
            check("one word in " + p.id(), ANALYZER.score(seed, Level.SDE2, one, List.of(p)), failures, seen);
        }
        check("one word typed", ANALYZER.analyzeWritten("Done.", SEED, Level.SDE2), failures, seen);
        check("one word spoken", score(seed, Level.SDE2, one), failures, seen);
        check("typed strong", ANALYZER.analyzeWritten(String.join(" ", strong.sentences().stream().map(EstimatedTimings.Timed::text).toList()), SEED, Level.SDE2), failures, seen);
        check("ramble", ramble(seed), failures, seen);
    }

    /** 74 s of Situation, 9 s of Action, a Result with a number, no reflection: the answer the issue saw lean Hire. */
    static ScoredTranscript ramble(Card card) {
        List<Word> words = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        double t = 0;
        t = say(words, phases, t, 74, Phase.SITUATION, "so the service was dropping webhooks and the platform team owned it and");
        t = say(words, phases, t, 10, Phase.TASK, "it was not my team and nobody had asked me to look at it");
        t = say(words, phases, t, 9, Phase.ACTION, "i traced the retry bug and i wrote the patch");
        say(words, phases, t, 20, Phase.RESULT, "the drop rate went from zero point three percent to zero");
        return ANALYZER.score(card, Level.SDE2, words, phases);
    }

    private static double say(List<Word> words, List<Phase> phases, double t, double seconds, Phase phase, String line) {
        List<String> said = List.of(line.split(" "));
        int n = (int) Math.round(seconds * 2.6);   // 156 words a minute
        double step = seconds / n;
        for (int i = 0; i < n; i++) {
            words.add(new Word(said.get(i % said.size()), t + i * step, t + i * step + step * 0.9));
            phases.add(phase);
        }
        return t + seconds;
    }

    private static ScoredTranscript score(Card card, Level level, List<Word> words) {
        return ANALYZER.score(card, level, words, ANALYZER.label(words));
    }

    /** Every verdict checked, by score: two with the same score and different calls must differ by a named gap. */
    private static final Map<Integer, List<Verdict>> BY_SCORE = new TreeMap<>();

    private static void sameScoreSameCallUnlessAGapIsNamed(List<String> failures) {
        BY_SCORE.forEach((score, verdicts) -> {
            for (Verdict kinder : verdicts) {
                for (Verdict harsher : verdicts) {
                    if (harsher.decision().ordinal() > kinder.decision().ordinal()
                        && gaps(kinder).containsAll(gaps(harsher)) && gaps(harsher).size() <= gaps(kinder).size()) {
                        failures.add("score " + score + ": " + kinder.decision().label() + " and " + harsher.decision().label()
                            + " with no gap to tell them apart: " + gaps(kinder) + " / " + gaps(harsher));
                    }
                }
            }
        });
    }

    /** The gaps a verdict names, with their figures left out ("Situation runs long: # s of #."). */
    private static List<String> gaps(Verdict v) {
        return v.reasons().stream().filter(r -> !r.startsWith("Unclear")).map(r -> r.replaceAll("\\d+", "#").replaceAll("\\(\".*\"\\)", "")).toList();
    }

    private static void check(String name, ScoredTranscript t, List<String> failures, Map<String, Integer> seen) {
        seen.merge(t.verdict().decision().label(), 1, Integer::sum);
        BY_SCORE.computeIfAbsent(t.score().total(), k -> new ArrayList<>()).add(t.verdict());
        for (String c : VerdictAudit.contradictions(t)) {
            failures.add(name + ": " + c);
        }
    }

    /** Every corpus answer: the labelled ones, those kept out, and the spoken and noisy takes. */
    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("annotators")).sorted().toList();
        }
    }

    /** The card of the answer's first LP with every content rule applied, so every check can contradict the verdict. */
    private static Card cardFor(String lps) {
        String lp = lps.split(";")[0].trim();
        return everything(BANK.cards().stream().filter(c -> c.lp().equalsIgnoreCase(lp)).findFirst().orElse(BANK.defaultCard()));
    }

    static Card everything(Card card) {
        return new Card(card.id(), card.title(), card.lp(), card.question(), card.scenario(), card.phases(),
            card.reflections(), card.probes(), card.weakAnswer(), card.quiz(), card.lpAngles(), card.levels(),
            new Card.RuleSettings(RuleSet.CONTENT_RULE_IDS, card.rules().scopePhrases(),
                card.rules().disqualifierPhrases(), card.rules().reflectionPhrases()));
    }
}
