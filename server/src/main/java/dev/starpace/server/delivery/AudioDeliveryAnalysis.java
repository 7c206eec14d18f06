package dev.starpace.server.delivery;

import dev.starpace.engine.Phase;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.text.Lexicon;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the frame track and the recognised words into the audio side of delivery. The limits it uses are
 * stated here and in the scored transcript's documentation.
 */
public final class AudioDeliveryAnalysis {
    /** Silence: frames more than this many dB under the loud-speech level (90th percentile of frames)... */
    static final double SILENCE_BELOW_SPEECH_DB = 30;
    /** ...and never above this absolute level, so a quiet recording still has a floor. */
    static final double SILENCE_FLOOR_DB = -55;
    /** A silence between words this long or longer is a pause. */
    public static final double MIN_PAUSE_SECONDS = 0.3;
    /**
     * A pause is between sentences when the phase changes across it, or when it is this long or the next word
     * opens a clause — unless the word before it leaves the sentence hanging ("the", "to", "and").
     */
    public static final double SENTENCE_PAUSE_SECONDS = 0.6;
    /** Pitch spread (standard deviation, semitones) under which delivery sounds monotone. */
    public static final double MONOTONE_BELOW_SEMITONES = 1.5;
    /** A syllable nucleus stands at least this many dB above the dip before it. */
    static final double NUCLEUS_DIP_DB = 2;
    /** A voiced stretch this long with no word over it may be a filler the recognizer dropped. */
    static final double UNRECOGNIZED_MIN_SECONDS = 0.2;
    /** Voice this close (s) to a word's edges is that word's, as Vosk times words in 30 ms steps. */
    static final double WORD_EDGE = 0.05;

    private AudioDeliveryAnalysis() {
    }

    public static AudioDelivery of(FrameTrack track, List<Word> words, List<Phase> phases) {
        int n = track.size();
        double[] levels = new double[n];
        for (int i = 0; i < n; i++) {
            levels[i] = track.level(i);
        }
        double loud = percentile(levels, 0.9);
        double threshold = Math.max(SILENCE_FLOOR_DB, loud - SILENCE_BELOW_SPEECH_DB);
        boolean[] silent = new boolean[n];
        for (int i = 0; i < n; i++) {
            silent[i] = levels[i] < threshold;
        }
        AudioDelivery.Pauses pauses = pauses(track, silent, threshold, words, phases);
        double duration = words.isEmpty() ? 0 : words.get(words.size() - 1).end() - words.get(0).start();
        double paused = pauses.items().stream().mapToDouble(AudioDelivery.AudioPause::seconds).sum();
        double speaking = Math.max(0.001, duration - paused);
        int syllables = syllableNuclei(track, silent);
        double minutes = Math.max(duration, 0.001) / 60;
        AudioDelivery.SpeechRate rate = new AudioDelivery.SpeechRate(syllables, round(syllables / minutes),
            round(syllables / (speaking / 60)), round(words.size() / minutes), round(words.size() / (speaking / 60)),
            round(speaking));
        return new AudioDelivery(pauses, pitch(track, silent), loudness(levels, silent), rate,
            unrecognizedVoice(track, silent, words), track.quality());
    }

    private static AudioDelivery.Pauses pauses(FrameTrack track, boolean[] silent, double threshold, List<Word> words,
                                               List<Phase> phases) {
        List<AudioDelivery.AudioPause> items = new ArrayList<>();
        int frame = 0;
        for (int w = 0; w + 1 < words.size(); w++) {
            double gapStart = words.get(w).end();
            double gapEnd = words.get(w + 1).start();
            if (gapEnd - gapStart < MIN_PAUSE_SECONDS) {
                continue;
            }
            while (frame < track.size() && track.time(frame) + track.hopSeconds() <= gapStart) {
                frame++;
            }
            // the longest silent run inside the gap between the two words
            double bestStart = 0;
            double bestEnd = 0;
            double runStart = -1;
            for (int f = frame; f < track.size() && track.time(f) < gapEnd; f++) {
                double t = Math.max(gapStart, track.time(f));
                if (silent[f]) {
                    if (runStart < 0) {
                        runStart = t;
                    }
                    double runEnd = Math.min(gapEnd, track.time(f) + track.hopSeconds());
                    if (runEnd - runStart > bestEnd - bestStart) {
                        bestStart = runStart;
                        bestEnd = runEnd;
                    }
                } else {
                    runStart = -1;
                }
            }
            if (bestEnd - bestStart >= MIN_PAUSE_SECONDS) {
                String before = words.get(w).word();
                String after = words.get(w + 1).word();
                boolean between = phases.get(w) != phases.get(w + 1)
                    || (Lexicon.CLAUSE_OPENERS.contains(after) || bestEnd - bestStart >= SENTENCE_PAUSE_SECONDS)
                    && !Lexicon.CONTINUES.contains(before);
                items.add(new AudioDelivery.AudioPause(round2(bestStart), round2(bestEnd), round2(bestEnd - bestStart), w,
                    before, between ? AudioDelivery.AudioPause.BETWEEN : AudioDelivery.AudioPause.WITHIN));
            }
        }
        int between = (int) items.stream().filter(p -> p.where().equals(AudioDelivery.AudioPause.BETWEEN)).count();
        return new AudioDelivery.Pauses(round(threshold), MIN_PAUSE_SECONDS, items.size(), between, items.size() - between, items);
    }

    private static AudioDelivery.Pitch pitch(FrameTrack track, boolean[] silent) {
        List<Double> hz = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (!silent[i] && track.pitch(i) > 0) {
                hz.add((double) track.pitch(i));
            }
        }
        double voiced = hz.size() * track.hopSeconds();
        if (hz.size() < 5) {
            return new AudioDelivery.Pitch(0, 0, 0, false, MONOTONE_BELOW_SEMITONES, round(voiced));
        }
        double[] values = hz.stream().mapToDouble(Double::doubleValue).toArray();
        double median = percentile(values, 0.5);
        double[] semitones = Arrays.stream(values).map(f -> 12 * Math.log(f / median) / Math.log(2)).toArray();
        double mean = Arrays.stream(semitones).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(semitones).map(s -> (s - mean) * (s - mean)).average().orElse(0));
        double range = percentile(semitones, 0.9) - percentile(semitones, 0.1);
        return new AudioDelivery.Pitch(round(median), round(sd), round(range), round(sd) < MONOTONE_BELOW_SEMITONES,
            MONOTONE_BELOW_SEMITONES, round(voiced));
    }

    private static AudioDelivery.Loudness loudness(double[] levels, boolean[] silent) {
        double[] speech = speechOnly(levels, silent);
        if (speech.length == 0) {
            return new AudioDelivery.Loudness(0, 0, 0, 0);
        }
        double p10 = percentile(speech, 0.1);
        double p90 = percentile(speech, 0.9);
        return new AudioDelivery.Loudness(round(Arrays.stream(speech).average().orElse(0)), round(p10), round(p90), round(p90 - p10));
    }

    /**
     * Counts syllable nuclei: peaks of the smoothed level contour on voiced frames, each standing
     * {@value #NUCLEUS_DIP_DB} dB or more above the dip since the previous nucleus (after de Jong and Wempe).
     */
    static int syllableNuclei(FrameTrack track, boolean[] silent) {
        int n = track.size();
        double[] contour = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int k = 0;
            for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
                sum += track.level(j);
                k++;
            }
            contour[i] = sum / k;
        }
        int count = 0;
        double lastPeak = Double.NaN;
        double dip = Double.POSITIVE_INFINITY;
        for (int i = 1; i + 1 < n; i++) {
            dip = Math.min(dip, contour[i]);
            boolean peak = contour[i] >= contour[i - 1] && contour[i] > contour[i + 1];
            boolean voiced = track.pitch(i) > 0 || track.pitch(i - 1) > 0 || track.pitch(i + 1) > 0;
            if (silent[i]) {
                lastPeak = Double.NaN;
                dip = Double.POSITIVE_INFINITY;
            } else if (peak && voiced && (Double.isNaN(lastPeak) || contour[i] - dip >= NUCLEUS_DIP_DB)) {
                count++;
                lastPeak = contour[i];
                dip = contour[i];
            }
        }
        return count;
    }

    private static List<Evidence> unrecognizedVoice(FrameTrack track, boolean[] silent, List<Word> words) {
        List<Evidence> out = new ArrayList<>();
        int w = 0;
        int i = 0;
        while (i < track.size()) {
            if (silent[i] || track.pitch(i) <= 0) {
                i++;
                continue;
            }
            // a voiced stretch runs on through a single frame where the pitch tracker lost confidence
            int j = i;
            while (j + 1 < track.size() && !silent[j + 1]
                && (track.pitch(j + 1) > 0 || j + 2 < track.size() && !silent[j + 2] && track.pitch(j + 2) > 0)) {
                j++;
            }
            double start = track.time(i);
            double end = track.time(j) + track.hopSeconds();
            while (w < words.size() && words.get(w).end() + WORD_EDGE < start) {
                w++;
            }
            // the longest part of the stretch outside every word: a filler runs on into the word after it when no
            // pause parts them ("at um a clinic" heard as "at a clinic")
            double bestStart = start;
            double bestEnd = start;
            double from = start;
            for (int k = w; k < words.size() && words.get(k).start() - WORD_EDGE < end; k++) {
                double to = Math.min(end, words.get(k).start() - WORD_EDGE);
                if (to - from > bestEnd - bestStart) {
                    bestStart = from;
                    bestEnd = to;
                }
                from = Math.max(from, words.get(k).end() + WORD_EDGE);
            }
            if (end - from > bestEnd - bestStart) {
                bestStart = from;
                bestEnd = end;
            }
            if (bestEnd - bestStart >= UNRECOGNIZED_MIN_SECONDS) {
                out.add(new Evidence(round2(bestStart), round2(bestEnd),
                    "(voiced " + round2(bestEnd - bestStart) + " s, no word recognised)"));
            }
            i = j + 1;
        }
        return out;
    }

    private static double[] speechOnly(double[] levels, boolean[] silent) {
        double[] out = new double[levels.length];
        int k = 0;
        for (int i = 0; i < levels.length; i++) {
            if (!silent[i]) {
                out[k++] = levels[i];
            }
        }
        return Arrays.copyOf(out, k);
    }

    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
