package dev.starpace.engine.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.starpace.engine.rules.Evidence;
import java.util.List;

/**
 * What the audio itself says about delivery, measured in the same pass as recognition: pauses from silence
 * detection merged with the gaps between words, pitch variation, loudness, speech rate from syllable
 * nuclei beside the recognizer's word rate, voiced stretches where no word was recognised, and the recording's
 * quality (noise, clipping, level; null for under two seconds of audio).
 */
public record AudioDelivery(
    Pauses pauses,
    Pitch pitch,
    Loudness loudness,
    SpeechRate rate,
    List<Evidence> unrecognizedVoice,
    @JsonInclude(JsonInclude.Include.NON_NULL) InputQuality quality) {

    /** Silences of at least {@code minSeconds} between words, below {@code thresholdDb} (dBFS). */
    public record Pauses(double thresholdDb, double minSeconds, int count, int betweenSentences, int withinSentences,
                         List<AudioPause> items) {
    }

    /** One pause: where, how long, after which word, and whether it falls between sentences or inside one. */
    public record AudioPause(double start, double end, double seconds, int afterWord, String after, String where) {
        public static final String BETWEEN = "between-sentences";
        public static final String WITHIN = "within-sentence";
    }

    /**
     * Pitch from YIN over voiced frames: the median, the spread in semitones (standard deviation and the
     * 10th–90th percentile range), and {@code monotone} when the spread is under the stated limit.
     */
    public record Pitch(double medianHz, double variationSemitones, double rangeSemitones, boolean monotone,
                        double monotoneBelowSemitones, double voicedSeconds) {
    }

    /** Loudness of speech frames in dBFS: mean, 10th and 90th percentiles, and their range. */
    public record Loudness(double meanDb, double p10Db, double p90Db, double rangeDb) {
    }

    /**
     * Speech rate: syllables per minute counted from the audio alone (energy peaks on voiced frames), overall
     * and over speaking time only (articulation rate), beside the recognizer's words per minute.
     */
    public record SpeechRate(int syllables, double syllablesPerMinute, double articulationSyllablesPerMinute,
                             double wordsPerMinute, double articulationWordsPerMinute, double speakingSeconds) {
    }
}
