package dev.starpace.engine.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.starpace.engine.Phase;
import dev.starpace.engine.rules.Evidence;
import java.util.List;
import java.util.Map;

/**
 * How the answer was spoken, from the word timings: pace overall and per phase, fillers, and pauses.
 * {@code audio} holds what the audio itself shows, when the answer came as audio (null for a transcript).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
    double wordsPerMinute,
    Map<Phase, Double> phaseWordsPerMinute,
    FillerReport fillers,
    PauseReport pauses,
    AudioDelivery audio) {

    /** Fillers: how many, how often, and where. */
    public record FillerReport(int count, double perMinute, List<Evidence> items) {
    }

    /** Silences between words of at least {@code thresholdSeconds}. */
    public record PauseReport(double thresholdSeconds, int count, double longestSeconds, List<Pause> items) {
    }

    /** One silence: where it falls, how long, after which word and in which phase. */
    public record Pause(double start, double end, double seconds, int afterWord, String after, Phase phase) {
    }
}
