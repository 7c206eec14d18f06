package dev.starpace.engine.rules;

/**
 * A learned judge's verdict too close to its line to fail an answer on when the recording is poor. In noise the small
 * Vosk model misses words it is sure of (at 15 dB about one in ten) and the segmenter's boundaries move with them, so
 * the measures a judge weighs drift; a verdict near the line is the one that drift turns. The band is the narrowest
 * beyond which both judges are right at least 95 % of the time held out on clean text (5-fold cross-validation on the
 * labelled answers, {@code CloseCallTest}; the rate issue 21 asks of a committed verdict): beyond 0.15 the Action judge
 * was right on 109 of 114, the reflection judge on 105 of 108 (beyond 0.10: 95.0 and 95.5 %, too close; the band was
 * 0.25, where they were right on 99 %, and at 15 dB it left 23 % of the Actions and 40 % of the reflections unclear).
 * A clean recording is never asked: its verdicts stand.
 */
public final class CloseCall {
    /** How far from 0.5 a judge's probability must be for its verdict to stand on a poor recording. */
    public static final double BAND = 0.15;

    private CloseCall() {
    }

    /** Whether the rule's verdict on this answer is a close call on a poor recording. */
    static boolean of(Rule rule, Answer answer) {
        return answer.poorRecording() && rule.margin(answer) < BAND;
    }
}
