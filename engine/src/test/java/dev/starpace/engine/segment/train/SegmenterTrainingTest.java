package dev.starpace.engine.segment.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped STAR model is what the training command makes from the committed answers, and cross-validation
 * with each genre held out whole still reaches the figures in docs/segmentation.md, less two points, in every length
 * class and ahead of the position-only rule fitted on the same folds.
 *
 * <p>The sentence vectors are kept between runs in {@code target/} (by encoder and text): re-encoding the corpus is
 * most of this test's time, and the vectors of a text do not change while the encoder does not.
 */
class SegmenterTrainingTest {
    /** Held out by genre ({@code engine/train-segmenter --cv --by-genre}): words in the right phase, as read. */
    static final double GENRE_WORDS = 0.887;
    static final Map<LengthClass, Double> GENRE_WORDS_BY_LENGTH = Map.of(LengthClass.UNDER_80, 0.909,
        LengthClass.FROM_80, 0.909, LengthClass.FROM_120, 0.907, LengthClass.FROM_250, 0.875);
    /** How far ahead of the position-only rule on the same folds (words). */
    static final double GENRE_LEAD = 0.092;
    /** The same folds, time in the right phase in each view. */
    static final double CV_STEADY = 0.887;
    static final double CV_SPOKEN = 0.867;
    static final double CV_NO_PAUSES = 0.836;
    static final double CV_RECOGNIZED = 0.868;
    static final double CV_DURATION_ERROR = 1.64;
    /**
     * The model fitted on every training answer, scored on the answers kept out of training altogether
     * ({@code corpus/held-out}, written later by other writers to harder briefs): steady, speech, recognised.
     */
    static final double HELD_OUT_STEADY = 0.852;
    static final double HELD_OUT_SPOKEN = 0.839;
    static final double HELD_OUT_RECOGNIZED = 0.838;
    /**
     * Cross-validated live figures ({@code engine/train-segmenter --live}, seeded folds by answer, all 378 answers timed
     * as speech), measured by this test with the model retrained for issue 20: delay and overshoot medians, nudge
     * agreement (61 of 63), share of shown labels changed later (14.3 % with the model before). The nudge agreement was
     * the rule before issue 23's (8 s past the tolerance and confirmed, 16 s after the bar in one case); the nudge now
     * comes with its bar, and its agreement is asserted where it was measured again, LiveViewHeldOutTest; here it is
     * printed until this run is made again.
     */
    static final double LIVE_DELAY = 1.5;
    static final double LIVE_OVERSHOOT = 2.2;
    static final double LIVE_NUDGES = 0.968;
    static final double LIVE_CHANGED = 0.180;
    /** The same on the festival+Vosk transcripts: delay and overshoot medians, nudges (22 of 24). */
    static final double HEARD_DELAY = 1.4;
    static final double HEARD_OVERSHOOT = 1.9;
    static final double HEARD_NUDGES = 0.917;

    private static List<LabelledAnswer> samples;
    private static List<LabelledAnswer> corpus;
    private static SegmenterTraining training;
    private static SegmenterTraining byGenre;

    @BeforeAll
    static void load() {
        samples = TrainingAnswers.samples();
        corpus = TrainingAnswers.corpus();
        Path vectors = Path.of("target/sentence-vectors-" + StarModel.ENCODER + ".bin");
        var encoder = SegmenterTraining.caching(SentenceEncoder.shared()::encode, vectors);
        var spoken = LabelledAnswer.readSpoken(Path.of("corpus/spoken"));
        training = new SegmenterTraining(encoder).withSpoken(spoken);
        byGenre = new SegmenterTraining(encoder).withSpoken(spoken).foldBy(SegmenterTraining.FoldBy.GENRE);
    }

    @Test
    void theCorpusCoversEveryLevelWithAtLeastEightyAnswersOfItsOwn() {
        assertEquals(10, samples.size());
        assertTrue(corpus.size() >= 80, "labelled answers beside the samples: " + corpus.size());
        for (var level : dev.starpace.engine.Level.values()) {
            assertTrue(corpus.stream().filter(a -> a.level() == level).count() >= 15, "answers at " + level);
        }
    }

    @Test
    void foldsByWriterHoldOutEachWritersBatchWhole() {
        int[] fold = SegmenterTraining.foldsByWriter(samples, corpus);
        Map<String, Set<Integer>> byBatch = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(0, fold[i], "the shared samples are fold 0");
        }
        for (int i = 0; i < corpus.size(); i++) {
            byBatch.computeIfAbsent(SegmenterTraining.writer(corpus.get(i).id()), k -> new TreeSet<>())
                .add(fold[samples.size() + i]);
        }
        assertEquals(List.of("c-a", "c-b", "c-c", "c-d", "c-e", "c-f", "extra-h", "v-a", "v-b", "v-c", "v-d", "v-e"),
            List.copyOf(byBatch.keySet()));
        Set<Integer> seen = new HashSet<>();
        byBatch.forEach((batch, folds) -> {
            assertEquals(1, folds.size(), batch + " is in one fold");
            assertTrue(seen.add(folds.iterator().next()) && !folds.contains(0), batch + " has a fold of its own");
        });
    }

    @Test
    void theShippedModelIsWhatTrainingMakes() throws IOException {
        dev.starpace.engine.RebuiltModel.assertMatches(StarModel.class, StarModel.RESOURCE,
            SegmenterTraining.write(training.trainAll(samples, corpus)), "engine/train-segmenter");
    }

    @Test
    void heldOutByGenreEveryLengthHoldsAndBeatsPositionAlone() {
        var report = byGenre.crossValidate(samples, corpus, SegmenterTraining.PENALTY);
        report.byMethodAndView().forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        System.out.print(report.words().table(SegmenterTraining.LEARNED, SegmenterTraining.POSITION));
        HeldOutScores words = report.words();
        WordTally learned = words.pooled(SegmenterTraining.LEARNED);
        assertTrue(learned.share() >= GENRE_WORDS - 0.02, "words in the right phase, by genre: " + learned.share());
        assertTrue(learned.share() - words.pooled(SegmenterTraining.POSITION).share() >= GENRE_LEAD - 0.02,
            "ahead of position alone on the same folds");
        Map<String, WordTally> byLength = words.by(SegmenterTraining.LEARNED, a -> LengthClass.of(a.wordCount()).name());
        GENRE_WORDS_BY_LENGTH.forEach((length, floor) -> assertTrue(byLength.get(length.name()).share() >= floor - 0.02,
            length + ": " + byLength.get(length.name()).share()));
        var byView = report.byMethodAndView();
        assertTrue(byView.get("learned steady").timeInRightPhase() >= CV_STEADY - 0.02, "steady");
        assertTrue(byView.get("learned spoken").timeInRightPhase() >= CV_SPOKEN - 0.02, "spoken");
        assertTrue(byView.get("learned no-pauses").timeInRightPhase() >= CV_NO_PAUSES - 0.02, "no pauses");
        assertTrue(byView.get("learned recognized").timeInRightPhase() >= CV_RECOGNIZED - 0.02, "recognized");
        assertTrue(byView.get("learned spoken").medianDurationError() <= CV_DURATION_ERROR + 0.5, "duration error");
        for (String view : List.of("steady", "spoken", "no-pauses", "recognized")) {
            double time = byView.get("learned " + view).timeInRightPhase();
            assertTrue(time > byView.get("naive " + view).timeInRightPhase(), "learned beats the naive split: " + view);
        }
    }

    @Test
    void foldsByGenreHoldOutEachGenreWhole() {
        int[] fold = SegmenterTraining.foldsByGenre(samples, corpus);
        Map<String, Set<Integer>> byGenre = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(0, fold[i], "the shared samples are two-minute spoken answers, fold 0");
        }
        for (int i = 0; i < corpus.size(); i++) {
            byGenre.computeIfAbsent(corpus.get(i).genre(), k -> new TreeSet<>()).add(fold[samples.size() + i]);
        }
        assertEquals(Set.of(0), byGenre.get(LabelledAnswer.TWO_MINUTE_SPOKEN), "the early corpus is one genre, with the samples");
        Set<Integer> seen = new HashSet<>();
        byGenre.forEach((genre, folds) -> {
            assertEquals(1, folds.size(), genre + " is in one fold");
            assertTrue(seen.add(folds.iterator().next()), genre + " has a fold of its own");
        });
        assertTrue(byGenre.size() >= 7, "genres: " + byGenre.keySet());
    }

    @Test
    void answersKeptOutOfTrainingScoreAsMeasuredAndBeatTheNaiveSplit() {
        var heldOut = training.heldOut(samples, corpus, LabelledAnswer.readAll(Path.of("corpus/held-out")));
        System.out.print(heldOut.words().table(SegmenterTraining.LEARNED, SegmenterTraining.POSITION));
        var report = heldOut.byMethodAndView();
        report.forEach((k, v) -> System.out.printf("held out %-22s %s%n", k, v));
        assertTrue(report.get("learned steady").timeInRightPhase() >= HELD_OUT_STEADY - 0.02, "steady");
        assertTrue(report.get("learned spoken").timeInRightPhase() >= HELD_OUT_SPOKEN - 0.02, "spoken");
        assertTrue(report.get("learned recognized").timeInRightPhase() >= HELD_OUT_RECOGNIZED - 0.02, "recognized");
        for (String view : List.of("steady", "spoken", "no-pauses", "recognized")) {
            double learned = report.get("learned " + view).timeInRightPhase();
            assertTrue(learned > report.get("naive " + view).timeInRightPhase(), "learned beats the naive split: " + view);
        }
    }

    @Test
    void crossValidatedLiveViewIsSteady() {
        var live = training.crossValidateLive(samples, corpus);
        live.forEach((k, v) -> System.out.printf("live %-20s %s%n%25s %s%n", k, v.watch(), "", v.screen()));
        LiveWatch.Result learned = live.get("learned").watch();
        assertTrue(learned.medianDelay() <= LIVE_DELAY + 0.5, "a phase shows soon after it starts: " + learned);
        assertTrue(learned.medianOvershoot() <= LIVE_OVERSHOOT + 0.5, "timers stay near their final values: " + learned);
        assertTrue(learned.labelsChangedShare() <= LIVE_CHANGED + 0.02, "few shown labels change later: " + learned);
        LiveWatch.Result heard = live.get("learned, recognized").watch();
        assertTrue(heard.medianDelay() <= HEARD_DELAY + 0.5, "recognised speech: a phase shows soon: " + heard);
        assertTrue(heard.medianOvershoot() <= HEARD_OVERSHOOT + 0.5, "recognised speech: timers stay near: " + heard);
    }
}
