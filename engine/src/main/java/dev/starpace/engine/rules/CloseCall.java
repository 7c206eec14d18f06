package dev.starpace.engine.rules;

/**
 * A learned judge's verdict too close to its line to fail an answer on when the recording is poor. In noise the small
 * Vosk model misses words it is sure of (at 15 dB about one in ten) and the segmenter's boundaries move with them, so
 * the measures a judge weighs drift; a verdict near the line is the one that drift turns. The line is drawn where the
 * judges are unreliable even on clean text: held out (5-fold cross-validation on the labelled answers,
 * {@code CloseCallTest}), the Action judge was right on 24 of the 34 Actions it scored within {@value #BAND} of 0.5 and on
 * 98 of 99 beyond, the reflection judge on 19 of 29 and 91 of 92. A clean recording is never asked: its verdicts stand.
 */
public final class CloseCall {
    /** How far from 0.5 a judge's probability must be for its verdict to stand on a poor recording. */
    public static final double BAND = 0.25;

    private CloseCall() {
    }

    /** Whether the rule's verdict on this answer is a close call on a poor recording. */
    static boolean of(Rule rule, Answer answer) {
        return answer.poorRecording() && rule.margin(answer) < BAND;
    }
}
