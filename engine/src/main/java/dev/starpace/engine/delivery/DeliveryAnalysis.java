package dev.starpace.engine.delivery;

import dev.starpace.engine.Phase;
import dev.starpace.engine.rules.Answer;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.timing.PhaseTiming;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Measures delivery from word timings alone. */
public final class DeliveryAnalysis {
    /** Silences this long or longer are reported. */
    public static final double PAUSE_THRESHOLD = 1.0;
    /** Voice with no word this close (s) to a filler word is that filler's held rest. */
    static final double SAME_FILLER = 0.1;

    private DeliveryAnalysis() {
    }

    public static Delivery of(Answer answer, List<PhaseTiming> timings, AudioDelivery audio) {
        double minutes = answer.duration() / 60.0;
        double wpm = minutes > 0 ? round(answer.size() / minutes) : 0;
        Map<Phase, Double> perPhase = new EnumMap<>(Phase.class);
        for (PhaseTiming t : timings) {
            if (t.seconds() > 0) {
                perPhase.put(t.phase(), round(answer.indicesOf(t.phase()).size() / (t.seconds() / 60.0)));
            }
        }
        List<Evidence> fillers = new ArrayList<>();
        for (Fillers.Span f : Fillers.find(answer.tokens(), answer.gapsAfter())) {
            fillers.add(answer.evidence(f.from(), f.to()));
        }
        if (audio != null && audio.unrecognizedVoice() != null) {
            // voice with no word over it: an "um" or "uh" the recognizer dropped (the only sound people make between
            // words that is voiced and long enough, 0.2 s, to be found; breath and clicks are unvoiced)
            // and not the rest of a filler already counted ("uh" written over the start of a held vowel)
            List<Evidence> written = List.copyOf(fillers);
            audio.unrecognizedVoice().stream().filter(v -> written.stream().noneMatch(f -> f.start() < v.end() + SAME_FILLER
                && f.end() > v.start() - SAME_FILLER)).forEach(fillers::add);
            fillers.sort(java.util.Comparator.comparingDouble(Evidence::start));
        }
        List<Delivery.Pause> pauses = new ArrayList<>();
        double longest = 0;
        for (int i = 1; i < answer.size(); i++) {
            double gap = answer.gapBefore(i);
            longest = Math.max(longest, gap);
            if (gap >= PAUSE_THRESHOLD) {
                double start = answer.words().get(i - 1).end();
                pauses.add(new Delivery.Pause(start, answer.words().get(i).start(), round(gap), i - 1,
                    answer.tokens().get(i - 1), answer.phases().get(i - 1)));
            }
        }
        return new Delivery(wpm, perPhase,
            new Delivery.FillerReport(fillers.size(), minutes > 0 ? round(fillers.size() / minutes) : 0, fillers),
            new Delivery.PauseReport(PAUSE_THRESHOLD, pauses.size(), round(longest), pauses), audio);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
