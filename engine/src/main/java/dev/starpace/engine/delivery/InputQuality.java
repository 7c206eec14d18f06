package dev.starpace.engine.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How usable the recording is, from the level of its 64 ms frames: the noise floor (the 10th percentile of the frame
 * levels: every answer pauses, and a pause holds only the room), the speech level (the mean power of the frames
 * {@value #ACTIVE_ABOVE_FLOOR_DB} dB or more above the floor), their ratio as the signal-to-noise ratio (the speech's
 * power less the noise's, over the noise's), and the share of samples at full scale (clipping). On the noisy corpus,
 * where noise is mixed in at a known ratio, this estimate lands within about 1 dB of it (docs/scored-transcript.md).
 * {@code problems} lists {@code noisy}, {@code clipped} and {@code quiet}; {@code summary} is the one line a report
 * shows ("noisy recording, 14 dB: results less certain"), null when the recording is fine.
 */
public record InputQuality(double snrDb, double speechDb, double noiseDb, double clippedPercent, List<String> problems,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String summary) {
    static final double ACTIVE_ABOVE_FLOOR_DB = 3;
    /** Under this SNR the recognizer misses words (8 % at 20 dB on the noisy corpus, more below). */
    public static final double NOISY_BELOW_DB = 20;
    /** Speech quieter than this (dBFS) is near the recognizer's floor: a microphone far away or turned down. */
    public static final double QUIET_BELOW_DB = -40;
    /** More than this share of samples at full scale is audible distortion. */
    public static final double CLIPPED_ABOVE_PERCENT = 0.1;
    /** Levels of samples this close to full scale count as clipped. */
    public static final double FULL_SCALE = 0.999;
    /** A noise floor is only estimated from this many frames (about 2 s); fewer frames say nothing. */
    public static final int MIN_FRAMES = 60;
    /** The SNR reported when the floor is digital silence: anything higher reads the same. */
    static final double MAX_SNR_DB = 60;

    /** From each frame's RMS level in dBFS and the count of clipped samples among {@code samples}; null with too few frames. */
    public static InputQuality of(double[] frameDb, int frames, long clipped, long samples) {
        if (frames < MIN_FRAMES) {
            return null;
        }
        double[] sorted = Arrays.copyOf(frameDb, frames);
        Arrays.sort(sorted);
        double floorDb = sorted[(int) Math.floor(0.1 * (frames - 1))];
        double noisePower = Math.pow(10, floorDb / 10);
        double activePower = 0;
        int active = 0;
        for (int i = 0; i < frames; i++) {
            if (frameDb[i] >= floorDb + ACTIVE_ABOVE_FLOOR_DB) {
                activePower += Math.pow(10, frameDb[i] / 10);
                active++;
            }
        }
        activePower = active == 0 ? noisePower : activePower / active;
        double snr = Math.min(MAX_SNR_DB, 10 * Math.log10(Math.max(activePower - noisePower, 1e-12) / noisePower));
        double speechDb = 10 * Math.log10(activePower);
        double clippedPercent = samples == 0 ? 0 : 100.0 * clipped / samples;
        List<String> problems = new ArrayList<>();
        List<String> said = new ArrayList<>();
        if (snr < NOISY_BELOW_DB) {
            problems.add("noisy");
            said.add(String.format(Locale.ROOT, "noisy recording, %.0f dB", snr));
        }
        if (clippedPercent > CLIPPED_ABOVE_PERCENT) {
            problems.add("clipped");
            said.add(String.format(Locale.ROOT, "clipped recording (%.1f %% of samples at full scale)", clippedPercent));
        }
        if (speechDb < QUIET_BELOW_DB) {
            problems.add("quiet");
            said.add(String.format(Locale.ROOT, "very quiet recording (speech at %.0f dBFS)", speechDb));
        }
        return new InputQuality(round(snr), round(speechDb), round(floorDb), Math.round(clippedPercent * 1000) / 1000.0,
            List.copyOf(problems), said.isEmpty() ? null : String.join("; ", said) + ": results less certain");
    }

    public boolean fine() {
        return problems.isEmpty();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
