package dev.starpace.engine.rules.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.ActionJudge;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.segment.train.LabelledAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Fits {@link ActionJudge} on labelled answers ({@code expected.we_language_in_action}, their labelled phases, timed as
 * steady speech) of every writer (the shared samples, the corpus, the varied answers) and measures it by
 * cross-validation by writer ({@link JudgeTraining#examples}) against the old rule (fail at a
 * {@value #OLD_LIMIT} share of "we"/"they" subjects), on the labelled phases and on the learned segmenter's.
 *
 * <pre>
 * engine/train-rules         fit on every answer and write action-model.json (and the other judges)
 * engine/train-rules --cv    also print the cross-validated agreement
 * </pre>
 */
public final class ActionTraining {
    /**
     * L2 penalty on the standardised weights, chosen by cross-validation by writer over 0.01, 0.03, 0.1, 0.3, 1 (held out
     * on the labelled phases: 340, 338, 337, 336, 322 of 367 answers).
     */
    static final double LAMBDA = 0.01;
    /** The rule before the judge: it failed an Action when "we"/"they" took this share of its subjects. */
    static final double OLD_LIMIT = 0.4;

    private ActionTraining() {
    }

    /** The labelled Actions in a folder; the label is whether "we"/"they" carry it (the rule's failure). */
    static List<JudgeTraining.Example> read(Path folder, ToIntFunction<String> foldOf, Analyzer analyzer) {
        Card card = analyzer.bank().defaultCard();
        ObjectMapper json = new ObjectMapper();
        List<JudgeTraining.Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> labelled = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            for (int i = 0; i < labelled.size(); i++) {
                JsonNode expected = json.readTree(labelled.get(i).toFile()).path("expected").path("we_language_in_action");
                if (!expected.isBoolean()) {
                    continue;
                }
                LabelledAnswer answer = LabelledAnswer.read(labelled.get(i));
                LabelledAnswer.Timed timed = answer.steady();
                out.add(new JudgeTraining.Example(answer.id(), foldOf.applyAsInt(answer.id()),
                    reading(new Answer(card, answer.level(), timed.words(), timed.gold())),
                    reading(new Answer(card, answer.level(), timed.words(), analyzer.label(timed.words()))),
                    expected.asBoolean()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The judge decides only Actions that say "I" at all; the rule fails the others. */
    private static JudgeTraining.Reading reading(Answer answer) {
        ActionFirstPerson.Count count = ActionFirstPerson.count(answer);
        boolean noI = count.mine() == 0;
        return new JudgeTraining.Reading(noI ? null : count.measures().values(), true,
            noI || count.measures().share() >= OLD_LIMIT);
    }

    /** The labelled Actions of the folders, one fold per writer. */
    static List<JudgeTraining.Example> examples(List<Path> folders, Analyzer analyzer) {
        return JudgeTraining.examples((folder, foldOf) -> read(folder, foldOf, analyzer), folders);
    }

    public static void main(String[] args) throws IOException {
        Analyzer analyzer = new Analyzer(QuestionBank.builtIn());
        JudgeTraining.run(args, "action-first-person", (folder, foldOf) -> read(folder, foldOf, analyzer), ActionJudge::new, LAMBDA);
    }
}
