package dev.starpace.engine.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Phase;
import dev.starpace.engine.samples.LabelledSample;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned segmenter, live: bounded revisions, the held newest unit, previews, and agreement with the report. */
class LiveStarSegmenterTest {
    private static final StarSegmenter WHOLE = StarSegmenter.standard();

    private static LiveStarSegmenter live() {
        return new LiveStarSegmenter(StarModel.builtIn(), SentenceEncoder.shared()::encode, CueBook.standard(), 150);
    }

    @Test
    void revisionsStayInsideTheWindowAndEveryWordHasAPhase() {
        LabelledSample sample = LabelledSample.load("01-flaky-ci-pipeline");
        LiveStarSegmenter segmenter = live();
        for (Word w : sample.words()) {
            int settled = segmenter.firstRevisable();
            int changed = segmenter.accept(w);
            assertTrue(changed >= settled, "relabelled word " + changed + " was settled before " + settled);
            assertEquals(segmenter.size(), segmenter.phases().size());
        }
        int settled = segmenter.firstRevisable();
        assertTrue(segmenter.endUtterance() >= settled);
        assertTrue(segmenter.firstRevisable() > 0, "a long answer settles its early words");
    }

    @Test
    void theLiveLabelsEndCloseToTheFinishedAnswersLabels() {
        for (String id : List.of("seed-strong", "04-database-migration", "07-screen-reader-checkout")) {
            List<Word> words = LabelledSample.load(id).words();
            LiveStarSegmenter segmenter = live();
            words.forEach(segmenter::accept);
            segmenter.endUtterance();
            List<Phase> whole = WHOLE.label(words);
            List<Phase> live = segmenter.phases();
            long same = java.util.stream.IntStream.range(0, words.size()).filter(i -> whole.get(i) == live.get(i)).count();
            assertTrue(same >= 0.8 * words.size(), id + ": live and whole agree on " + same + " of " + words.size());
        }
    }

    @Test
    void aFewGuessedWordsKeepThePhaseOnScreen() {
        LiveStarSegmenter segmenter = live();
        List<Word> words = LabelledSample.load("seed-strong").words();
        words.subList(0, 20).forEach(segmenter::accept);
        segmenter.endUtterance();
        Phase shown = segmenter.phases().get(19);
        assertEquals(shown, segmenter.preview(List.of(new Word("and", 30, 30.2), new Word("so", 30.2, 30.4))));
    }

    @Test
    void nudgesReadTheAnswerLabelledWholeAsIfItEndedNow() {
        LiveStarSegmenter segmenter = live();
        List<Word> words = LabelledSample.load("seed-strong").words();
        words.forEach(segmenter::accept);
        segmenter.endUtterance();
        assertEquals(WHOLE.label(words), segmenter.asIfEndedNow(), "the whole-answer labels of what was heard");
        double[][] likely = segmenter.likelihoodsIfEndedNow();
        assertEquals(words.size(), likely.length);
        assertArrayEquals(WHOLE.likelihoods(words)[0], likely[0], 1e-12);
        int agreeing = 0;
        for (int i = 0; i < words.size(); i++) {
            assertEquals(1, java.util.Arrays.stream(likely[i]).sum(), 1e-9, "word " + i + "'s likelihoods add up");
            agreeing += likely[i][segmenter.asIfEndedNow().get(i).ordinal()] >= 0.5 ? 1 : 0;
        }
        assertTrue(agreeing >= 0.9 * words.size(), "the labels are the likely phases: " + agreeing + " of " + words.size());
        assertEquals(segmenter.asIfEndedNow(), segmenter.finish(), "and, once it has ended, the report's");
    }
}
