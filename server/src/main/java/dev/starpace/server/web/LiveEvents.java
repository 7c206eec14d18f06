package dev.starpace.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.delivery.InputQuality;
import dev.starpace.engine.probe.ProbeVerdict;
import dev.starpace.engine.timing.PhaseStatus;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.engine.transcript.Word;
import java.util.List;
import java.util.Map;

/** The events of the live protocol (docs/live-protocol.md), as the server sends them. */
final class LiveEvents {
    private LiveEvents() {
    }

    /** An event the server sends: one of the records here and nothing else. */
    sealed interface Event permits Ready, Partial, Words, Timers, Nudge, Quality, Scored, Probe, Error {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ready(String type, String attemptId, String question, String lp, String level, String mode,
                 Map<Phase, Double> targets, double budgetSeconds, Integer probe) implements Event {
    }

    record Partial(String type, List<Word> words, Phase phase) implements Event {
    }

    record Words(String type, int firstChanged, List<ScoredTranscript.ScoredWord> words) implements Event {
    }

    record Timers(String type, double elapsed, List<Timer> phases) implements Event {
        static Timers of(double elapsed, List<PhaseTiming> timings) {
            return new Timers("timers", elapsed, timings.stream()
                .map(t -> new Timer(t.phase(), t.seconds(), t.targetSeconds(), t.status())).toList());
        }
    }

    /** A phase's time so far against its target. */
    record Timer(Phase phase, double seconds, double targetSeconds, PhaseStatus status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Nudge(String type, String kind, Phase phase, String text, double at) implements Event {
    }

    /** The recording's quality when its problems change: a warning while recording, or that it has cleared. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Quality(String type, List<String> problems, double snrDb, double speechDb, double clippedPercent, String summary) implements Event {
        static Quality of(InputQuality q) {
            return new Quality("quality", q.problems(), q.snrDb(), q.speechDb(), q.clippedPercent(), q.summary());
        }
    }

    record Scored(String type, String attemptId, ScoredTranscript transcript) implements Event {
    }

    record Probe(String type, ProbeVerdict verdict, List<Word> words) implements Event {
    }

    /** A refusal or failure, in one line; {@code retryAfterSeconds} says when to try again, for a server that is busy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, String code, String message, Integer retryAfterSeconds) implements Event {
    }

    static Error error(String code, String message) {
        return new Error("error", code, message, null);
    }

    static Error busy(int max, int retryAfterSeconds) {
        return new Error("error", "busy", "StarPace is busy: it is already hearing " + max + (max == 1 ? " answer" : " answers")
            + ", as many as it can follow live; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }
}
