package dev.starpace.engine.segment.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import dev.starpace.engine.segment.StarSegmenter;
import dev.starpace.engine.timing.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live view as a person sees it (ScreenWatch, issue 20 item 5) on the answers kept out of training altogether
 * ({@code corpus/held-out}, 66 answers by other writers; the shipped model never saw them), each timed as speech and
 * replayed as the recognizer would deliver it through the shipped model and {@code LiveView}. Quicker than the
 * cross-validated replays ({@code engine/train-segmenter --live}), and as honest: no fitting on these answers.
 * Asserted: the fall-back goal (met by construction) and the other figures as measured (docs/segmentation.md,
 * section 4), with a little room; re-measure after a retrained model is merged.
 */
class LiveViewHeldOutTest {
    @Test
    void theLiveViewOnAnswersNobodyTrainedOn() {
        StarModel model = StarModel.builtIn();
        CueBook cues = CueBook.standard();
        StarSegmenter whole = new StarSegmenter(model, SentenceEncoder.shared()::encode, cues);
        var card = QuestionBank.builtIn().defaultCard();
        List<ScreenWatch.Result> results = new ArrayList<>();
        List<LiveWatch.Result> watched = new ArrayList<>();
        for (LabelledAnswer a : LabelledAnswer.readAll(Path.of("corpus/held-out"))) {
            LabelledAnswer.Timed timed = a.spoken(SegmenterTraining.SEED + 1);
            Map<Phase, Double> targets = Timing.targets(card, a.level());
            LiveStarSegmenter live = new LiveStarSegmenter(model, SentenceEncoder.shared()::encode, cues,
                Timing.budget(card, a.level())[1]);
            LiveReplay.Seen seen = LiveReplay.run(live, timed.words(), timed.gold(), whole.label(timed.words()), targets);
            results.add(seen.screen());
            watched.add(seen.watch());
        }
        LiveWatch.Result nudges = LiveWatch.Result.pooled(watched);
        System.out.println("held out, " + watched.size() + " answers: " + nudges);
        ScreenWatch.Result all = ScreenWatch.Result.pooled(results);
        System.out.println("held out, " + results.size() + " answers: " + all);
        assertTrue(all.worstFallBack() <= 2, "no timer falls back more than the goal's 2 s: " + all);
        assertTrue(all.rightShare() >= MEASURED_RIGHT - 0.02, "newest words in the right phase: " + all);
        assertTrue(all.medianDelay() <= MEASURED_DELAY + 0.5, "a phase shown and staying soon: " + all);
        assertTrue(all.worstAhead() <= MEASURED_AHEAD + 2, "no timer far above the report's figure: " + all);
        assertTrue(ScreenWatch.Result.over(all.endGaps(), 2) <= MEASURED_END_OVER_2 + 3, "the end near the report: " + all);
        assertTrue(all.medianTrail() <= MEASURED_TRAIL + 3, "the timers trail the speech no further than measured: " + all);
        assertTrue(nudges.nudgeAgreement() >= MEASURED_NUDGES - 0.05, "runs-long nudges the report agrees with: " + nudges);
        assertTrue(nudges.nudgesAgreeing() >= MEASURED_LONG_NUDGED - 3, "the long phases nudged while answering: " + nudges);
    }

    /**
     * As measured with the shipped model, words settled unsure held off the timers (newest words right 70.1 % of
     * 20,016 looks, shown and staying 7.8 s after a phase starts (median), a timer at most 16.7 s above the report's
     * figure (45 of 315 phases over 2 s), 113 of 320 phases ending more than 2 s from the report's, timers trailing the
     * speech by 35.4 s (median)). Timing every settled word instead: 40.3 s above the report (88 of 313 over 2 s), 197
     * of 322 at the end, a trail of 21.0 s. Before LiveView, the same replay: 70.1 %, 7.8 s, fall-back up to 31.7 s
     * (290 of 324 phases over 2 s), 42.6 s above the report, 200 of 325 at the end.
     */
    static final double MEASURED_RIGHT = 0.701;
    static final double MEASURED_DELAY = 7.8;
    static final double MEASURED_AHEAD = 16.7;
    static final long MEASURED_END_OVER_2 = 113;
    static final double MEASURED_TRAIL = 35.4;
    /**
     * Runs-long nudges (issue 23: each comes with its bar, read off the same timers): 28 of 30 agree with the report,
     * which finds 94 phases long, so 28 of them are nudged while answering. Timing every settled word, 53 of 75 agreed
     * and 53 were nudged: the held words make the bars surer and later. The rule before issue 23, 8 s past the
     * tolerance and confirmed by labelling the whole answer again, agreed 28 of 29 times and nudged 28 of the 94.
     */
    static final double MEASURED_NUDGES = 28.0 / 30;
    static final int MEASURED_LONG_NUDGED = 28;
}
