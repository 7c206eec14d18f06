package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Doubt;
import dev.starpace.engine.rules.Rule;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.segment.train.LabelledAnswer;
import dev.starpace.engine.transcript.WrittenAnswer;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Issue 21's bar, measured: each content rule (every one applied, with the card of the answer's LP) through
 * {@link Doubt} as the report runs it, per condition: how often it commits (passed or failed, not unclear), how often it
 * is right where it commits, how often it says unclear. The conditions: the 66 answers kept out of every training
 * ({@code corpus/held-out}) typed, on their labelled phases and, timed as {@code analyze} times typed text, on the
 * segmenter's; their clean recordings ({@code corpus/spoken}, festival read and Vosk heard, with its confidence); and
 * the noisy corpus at 15 dB ({@code corpus/noisy}, ten answers of the tuned corpus, three noises).
 *
 * <pre>
 * engine/train-rules --measure
 * </pre>
 */
public final class RuleMeasure {
    public static final String LABELLED = "held-out typed, labelled phases";
    public static final String TYPED = "held-out typed, segmenter's phases";
    public static final String CLEAN = "held-out clean recordings";
    public static final String NOISY = "15 dB recordings (noisy corpus)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleMeasure() {
    }

    /** One rule under one condition: right, unclear and wrong verdicts, and the answers it was not right on. */
    public record Tally(int[] counts, List<String> misses) {
        Tally() {
            this(new int[3], new ArrayList<>());
        }

        public int total() {
            return counts[0] + counts[1] + counts[2];
        }

        public int committed() {
            return counts[0] + counts[2];
        }

        public double committedShare() {
            return 100.0 * committed() / total();
        }

        /** Right where it commits; 100 when it never commits (nothing said wrongly). */
        public double rightWhereCommitted() {
            return committed() == 0 ? 100 : 100.0 * counts[0] / committed();
        }

        public double unclearShare() {
            return 100.0 * counts[1] / total();
        }
    }

    /** Per condition, per rule: its tally. */
    public static Map<String, Map<String, Tally>> measure(Path corpus, Analyzer analyzer) {
        Map<String, Map<String, Tally>> out = new LinkedHashMap<>();
        QuestionBank bank = analyzer.bank();
        for (Path file : files(corpus.resolve("held-out"))) {
            JsonNode root = read(file);
            LabelledAnswer labelled = LabelledAnswer.read(file);
            Card card = everythingFor(bank, root.path("lp").asText());
            LabelledAnswer.Timed steady = labelled.steady();
            tally(out, LABELLED, labelled.id(), root, new Answer(card, labelled.level(), steady.words(), steady.gold()));
            List<Word> typed = WrittenAnswer.words(String.join(" ", labelled.sentences()));
            tally(out, TYPED, labelled.id(), root, new Answer(card, labelled.level(), typed, analyzer.label(typed)));
            Path spoken = corpus.resolve("spoken").resolve(labelled.id() + ".json");
            if (Files.exists(spoken) && !read(spoken).get("words").get(0).get("conf").isNull()) {
                List<Word> heard = heard(read(spoken));
                tally(out, CLEAN, labelled.id(), root, new Answer(card, labelled.level(), heard, analyzer.label(heard)));
            }
        }
        for (Path file : files(corpus.resolve("noisy"))) {
            JsonNode take = read(file);
            if (take.path("snrDb").asInt() != 15 || take.has("frontEnd")) {
                continue;
            }
            String id = take.get("id").asText();
            JsonNode root = read(corpus.resolve(id + ".json"));
            Card card = everythingFor(bank, root.path("lp").asText());
            List<Word> heard = heard(take);
            Answer answer = new Answer(card, Level.parse(root.path("level").asText("sde2")), heard, analyzer.label(heard));
            boolean poor = !take.path("quality").path("problems").isEmpty();
            tally(out, NOISY, id + " " + take.get("noise").asText(), root, poor ? answer.heardInPoorRecording() : answer);
        }
        return out;
    }

    private static void tally(Map<String, Map<String, Tally>> out, String condition, String id, JsonNode root, Answer answer) {
        for (Rule rule : RuleSet.forCard(answer.card())) {
            RuleResult r = Doubt.check(rule, answer);
            RuleLabels how = RuleLabels.of(r, root.get("expected"));
            Tally t = out.computeIfAbsent(condition, k -> new TreeMap<>()).computeIfAbsent(rule.id(), k -> new Tally());
            t.counts()[how.ordinal()]++;
            if (how != RuleLabels.AGREES) {
                t.misses().add(id + (how == RuleLabels.UNCLEAR ? " unclear" : r.passed() ? " passed" : " failed"));
            }
        }
    }

    /** The words Vosk heard in a take, with their confidence (1 where none is kept). */
    static List<Word> heard(JsonNode take) {
        List<Word> words = new ArrayList<>();
        for (JsonNode w : take.get("words")) {
            words.add(new Word(w.get("word").asText(), w.get("start").asDouble(), w.get("end").asDouble(),
                w.path("conf").asDouble(1.0)));
        }
        return words;
    }

    /** The card of an answer's first LP (the default card when none has it), with every content rule applied. */
    public static Card everythingFor(QuestionBank bank, String lps) {
        String lp = lps.split(";")[0].trim();
        return everything(bank.cards().stream().filter(c -> c.lp().equalsIgnoreCase(lp)).findFirst().orElse(bank.defaultCard()));
    }

    /** The card with every content rule applied. */
    public static Card everything(Card card) {
        return new Card(card.id(), card.title(), card.lp(), card.question(), card.scenario(), card.phases(),
            card.reflections(), card.probes(), card.weakAnswer(), card.quiz(), card.lpAngles(), card.levels(),
            new Card.RuleSettings(RuleSet.CONTENT_RULE_IDS, card.rules().scopePhrases(),
                card.rules().disqualifierPhrases(), card.rules().reflectionPhrases()));
    }

    public static String table(Map<String, Map<String, Tally>> measured) {
        StringBuilder b = new StringBuilder(String.format("%-36s %-22s %4s %10s %9s %8s%n", "condition", "rule", "n",
            "committed", "right*", "unclear"));
        measured.forEach((condition, rules) -> rules.forEach((rule, t) -> b.append(String.format(
            "%-36s %-22s %4d %8.1f %% %7.1f %% %6.1f %%%n", condition, rule, t.total(), t.committedShare(),
            t.rightWhereCommitted(), t.unclearShare()))));
        b.append("* right where it commits\n");
        measured.forEach((condition, rules) -> rules.forEach((rule, t) -> b.append(condition).append(", ").append(rule)
            .append(" not right: ").append(t.misses()).append('\n')));
        return b.toString();
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --corpus DIR}: prints the table. */
    public static void main(String[] args) {
        Path corpus = Path.of("corpus");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--corpus") && i + 1 < args.length) {
                corpus = Path.of(args[++i]);
            } else {
                System.err.println("usage: RuleMeasure [--corpus DIR]");
                System.exit(2);
            }
        }
        System.out.print(table(measure(corpus, new Analyzer(QuestionBank.builtIn()))));
    }
}
