package dev.starpace.engine;

import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.delivery.Delivery;
import dev.starpace.engine.delivery.DeliveryAnalysis;
import dev.starpace.engine.delivery.DeliveryRules;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Doubt;
import dev.starpace.engine.rules.Rule;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.rules.RuleSet;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.score.BarRaiser;
import dev.starpace.engine.score.Findings;
import dev.starpace.engine.score.Score;
import dev.starpace.engine.score.Scorer;
import dev.starpace.engine.score.Verdict;
import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.LiveSegmenter;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import dev.starpace.engine.segment.StarSegmenter;
import dev.starpace.engine.timing.Budget;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import dev.starpace.engine.transcript.WrittenAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Words in, scored transcript out: segments the finished answer into phases (the learned STAR model), times the phases, runs the card's rules and the delivery checks, scores and writes the verdict.
 * Thread-safe; one instance serves every answer.
 */
public final class Analyzer {
    private final QuestionBank bank;
    private final CueBook standardCues = CueBook.standard();

    public Analyzer(QuestionBank bank) {
        this.bank = bank;
    }

    /** The learned segmenter, loaded on first use and shared by every analyzer in the process. */
    private static final class Learned {
        static final StarSegmenter SEGMENTER = StarSegmenter.standard();
    }

    /** The phases of a finished answer's words. */
    public List<Phase> label(List<Word> words) {
        return Learned.SEGMENTER.label(words);
    }

    /**
     * Loads the learned segmenter and its sentence encoder now rather than on the first answer, which would otherwise
     * wait for them (about 1.5 s: ONNX Runtime and the encoder's model are unpacked and opened).
     */
    public void prepare() {
        label(List.of(new Word("ready", 0, 0.5, 1)));
    }

    public QuestionBank bank() {
        return bank;
    }

    /** A fresh live segmenter for one answer to this card at this level. */
    public LiveSegmenter liveSegmenter(Card card, Level level) {
        return new LiveStarSegmenter(StarModel.builtIn(), SentenceEncoder.shared()::encode, standardCues,
            Timing.budget(card, level)[1]);
    }

    /** Segments and scores a whole answer; a null question id means the generic card. */
    public ScoredTranscript analyze(List<Word> words, String questionId, Level level) {
        return analyze(words, questionId, level, null);
    }

    /** Segments and scores words heard from audio, keeping what the audio showed (null for a transcript). */
    public ScoredTranscript analyze(List<Word> words, String questionId, Level level, AudioDelivery audio) {
        Card card = bank.get(questionId);
        return score(card, level, words, label(words), audio);
    }

    /** Scores words already labelled with phases. */
    public ScoredTranscript score(Card card, Level level, List<Word> words, List<Phase> phases) {
        return score(card, level, words, phases, null);
    }

    /** Scores words already labelled with phases, with what the audio showed (null for a transcript). */
    public ScoredTranscript score(Card card, Level level, List<Word> words, List<Phase> phases, AudioDelivery audio) {
        return score(card, level, words, phases, audio, null);
    }

    /**
     * Scores a typed answer as writing: segmented and checked like a spoken one, but with no pace, pause or filler
     * verdict (its timings are estimated, not spoken), the score out of what applies, and the writer's own tokens kept
     * for display.
     */
    public ScoredTranscript analyzeWritten(String text, String questionId, Level level) {
        WrittenAnswer written = WrittenAnswer.of(text);
        if (written.words().isEmpty()) {
            throw new IllegalArgumentException("no words to score");
        }
        Card card = bank.get(questionId);
        return score(card, level, written.words(), label(written.words()), null, written.shown());
    }

    /** The words of a scored written answer as the writer wrote them, to score it again with today's rules. */
    public static String writtenText(ScoredTranscript t) {
        boolean shown = t.words().stream().anyMatch(w -> w.shown() != null);
        // one kept before the writer's tokens were: its spoken words are all there is
        return String.join(" ", t.words().stream().map(w -> shown ? w.shown() : w.word()).filter(s -> s != null && !s.isEmpty()).toList());
    }

    private ScoredTranscript score(Card card, Level level, List<Word> words, List<Phase> phases, AudioDelivery audio, List<String> shown) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words to score");
        }
        boolean written = shown != null;
        Answer heard = new Answer(card, level, words, phases);
        Answer answer = audio != null && audio.quality() != null && !audio.quality().fine() ? heard.heardInPoorRecording() : heard;
        List<PhaseTiming> timings = Timing.phases(words, phases, Timing.targets(card, level));
        Budget budget = Timing.budget(answer.duration(), card, level);
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : RuleSet.forCard(card)) {
            results.add(distinctEvidence(Doubt.check(rule, answer)));
        }
        Delivery delivery = DeliveryAnalysis.of(answer, timings, audio);
        if (!written) {
            results.addAll(DeliveryRules.check(delivery));
        }
        Findings findings = new Findings(results, timings, budget, written);
        Score score = Scorer.score(findings);
        Verdict verdict = BarRaiser.verdict(card.lp(), score, findings);
        List<ScoredTranscript.ScoredWord> scored = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            scored.add(new ScoredTranscript.ScoredWord(w.word(), w.start(), w.end(), phases.get(i), w.conf(),
                written ? shown.get(i) : null));
        }
        return new ScoredTranscript(ScoredTranscript.SCHEMA,
            new ScoredTranscript.Question(card.id(), card.lp(), card.question()), level,
            Math.round(answer.duration() * 100) / 100.0, scored, timings, budget, results, delivery, score, verdict,
            written ? ScoredTranscript.Input.WRITTEN : ScoredTranscript.Input.SPOKEN);
    }

    /**
     * The rule's evidence with each span once: a rule may find the same words twice (each "we" as a pronoun and as a
     * subject), and the report would show the same chip, at the same times, as often.
     */
    static RuleResult distinctEvidence(RuleResult r) {
        List<Evidence> distinct = r.evidence().stream().distinct().toList();
        return distinct.size() == r.evidence().size() ? r
            : new RuleResult(r.id(), r.passed(), r.status(), r.value(), r.message(), distinct, r.replay());
    }
}
