package dev.starpace.engine.segment.train;

import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.LiveSegmenter;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.segment.LiveView;
import dev.starpace.engine.segment.LongPhases;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a timed answer as the recognizer would deliver it — utterances finalised after a pause, partial guesses in
 * between — through a live segmenter and the {@link LiveView} over it, as the live session drives them (guesses
 * previewed at most every half second, timers and nudges from committed words), and measures the view with a
 * {@link LiveWatch} and, every half second and once more when the answer ends, a {@link ScreenWatch}.
 */
public final class LiveReplay {
    /** The recognizer closes an utterance after this much silence (seconds), and delivers it then. */
    static final double ENDPOINT = 0.5;
    /** Nor does it let an utterance run longer than this (seconds). */
    static final double LONGEST_UTTERANCE = 15;
    /** The view is sampled this often (seconds of audio). */
    static final double TICK = 0.25;

    private LiveReplay() {
    }

    /** What one replay measured: the view's steadiness against the report, and the screen as a person sees it. */
    public record Seen(LiveWatch.Result watch, ScreenWatch.Result screen) {
    }

    /**
     * Replays {@code words} through {@code live}; {@code gold} is every word's labelled phase, {@code report} the
     * final report's.
     */
    public static Seen run(LiveSegmenter live, List<Word> words, List<Phase> gold, List<Phase> report,
                           Map<Phase, Double> targets) {
        return run(new LiveView(live, targets), words, gold, report, targets);
    }

    /** The same through a given view (to measure another lag). */
    public static Seen run(LiveView view, List<Word> words, List<Phase> gold, List<Phase> report,
                           Map<Phase, Double> targets) {
        LiveWatch watch = new LiveWatch(targets);
        ScreenWatch screen = new ScreenWatch(targets);
        int samples = 0;
        List<List<Word>> utterances = utterances(words);
        double end = words.get(words.size() - 1).end() + ENDPOINT;
        List<Word> finals = new ArrayList<>();
        int next = 0;
        double lastPreview = -LiveStarSegmenter.PREVIEW_INTERVAL;
        Phase previewed = null;
        int lastGuessed = -1;
        double lastNudgeCheck = 0;
        Set<Phase> nudged = EnumSet.noneOf(Phase.class);
        for (double t = TICK; t <= end + TICK / 2; t += TICK) {
            while (next < utterances.size() && delivery(utterances, next) <= t + 1e-9) {
                view.hear(utterances.get(next));
                finals.addAll(utterances.get(next));
                next++;
                previewed = null;
                lastGuessed = -1;
            }
            List<Word> guessed = new ArrayList<>();
            if (next < utterances.size()) {
                for (Word w : utterances.get(next)) {
                    if (w.end() <= t) {
                        guessed.add(w);
                    }
                }
            }
            if (!guessed.isEmpty() && t - lastPreview >= LiveStarSegmenter.PREVIEW_INTERVAL && guessed.size() != lastGuessed) {
                previewed = view.preview(guessed);
                lastPreview = t;
                lastGuessed = guessed.size();
            }
            List<Word> shown = new ArrayList<>(finals);
            List<Phase> phases = view.phases();
            if (previewed != null) {
                for (Word w : guessed) {
                    shown.add(w);
                    phases.add(previewed);
                }
            }
            watch.observe(t, shown, phases, finals.size());
            if (t + 1e-9 >= (samples + 1) * ScreenWatch.SAMPLE) {
                samples++;
                screen.observe(t, shown, phases, view.timers());
            }
            if (!finals.isEmpty() && t - lastNudgeCheck >= 1.0) {
                lastNudgeCheck = t;
                Set<Phase> found = LongPhases.newlyLong(view.timers(), nudged);
                nudged.addAll(found);
                found.forEach(watch::nudged);
            }
        }
        view.finish();
        List<PhaseTiming> last = view.timers();
        screen.observe(end + TICK, finals, view.phases(), last);
        return new Seen(watch.against(words, report), screen.against(words, gold, words, report));
    }

    /** Words split where the recognizer would close an utterance. */
    static List<List<Word>> utterances(List<Word> words) {
        List<List<Word>> out = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word w : words) {
            if (!current.isEmpty() && (w.start() - current.get(current.size() - 1).end() >= ENDPOINT
                || w.end() - current.get(0).start() > LONGEST_UTTERANCE)) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static double delivery(List<List<Word>> utterances, int k) {
        List<Word> u = utterances.get(k);
        double end = u.get(u.size() - 1).end();
        if (k + 1 < utterances.size() && utterances.get(k + 1).get(0).start() - end < ENDPOINT) {
            return end;
        }
        return end + ENDPOINT;
    }
}
