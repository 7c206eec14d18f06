package dev.starpace.server.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starpace.engine.Phase;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.delivery.AudioDelivery;
import dev.starpace.engine.rules.Evidence;
import dev.starpace.engine.rules.RuleResult;
import dev.starpace.engine.text.Lexicon;
import dev.starpace.engine.text.SpokenText;
import dev.starpace.engine.timing.PhaseTiming;
import dev.starpace.server.Fixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real Vosk model on real speech: festival reading the labelled samples, with known sentence times and pauses. */
class SpokenFixturesTest {
    /** A phase's measured time may differ from the fixture's by this much, or by this share of it. */
    static final double PHASE_TOLERANCE_SECONDS = 4;
    static final double PHASE_TOLERANCE_SHARE = 0.15;

    static List<String> fixtures() {
        return Fixtures.ids();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theKeyWordsAreRecognised(String id) {
        ScoredTranscript t = Fixtures.analysed(id).transcript();
        Set<String> heard = new HashSet<>();
        t.words().forEach(w -> heard.add(w.word()));
        // Vosk may write a compound as two words ("web hook" for "webhook")
        StringBuilder joined = new StringBuilder();
        t.words().forEach(w -> joined.append(w.word()));
        int content = 0;
        int found = 0;
        for (JsonNode s : Fixtures.manifest(id).get("sentences")) {
            for (String w : SpokenText.words(s.get("text").asText())) {
                if (w.length() >= 4 && !Lexicon.STOPWORDS.contains(w) && !Lexicon.isCardinal(w)) {
                    content++;
                    found += heard.contains(w) || joined.indexOf(w) >= 0 ? 1 : 0;
                }
            }
        }
        assertTrue(found >= 0.9 * content, found + " of " + content + " content words recognised");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachPhaseLastsAsLongAsTheFixtureSpokeIt(String id) {
        ScoredTranscript t = Fixtures.analysed(id).transcript();
        Map<Phase, Double> spoken = Fixtures.phaseSeconds(id);
        for (PhaseTiming p : t.phases()) {
            double expected = spoken.getOrDefault(p.phase(), 0.0);
            double allowed = Math.max(PHASE_TOLERANCE_SECONDS, PHASE_TOLERANCE_SHARE * expected);
            assertEquals(expected, p.seconds(), allowed, p.phase() + " in " + id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theFlagsAreAsLabelled(String id) {
        ScoredTranscript t = Fixtures.analysed(id).transcript();
        JsonNode expected = Fixtures.manifest(id).get("expected");
        assertEquals(expected.get("we_language_in_action").asBoolean(), !rule(t, "action-first-person").passed());
        assertEquals(expected.get("quantified_result").asBoolean(), rule(t, "result-quantified").passed(),
            rule(t, "result-quantified").toString());
        if (t.rules().stream().anyMatch(r -> r.id().equals("task-scope-boundary"))) {
            assertEquals(expected.get("scope_boundary").asBoolean(), rule(t, "task-scope-boundary").passed());
        }
        assertEquals(expected.get("reflection").asText(), rule(t, "reflection-specific").value());
        RuleResult handOffs = rule(t, "no-disqualifiers");
        assertEquals(expected.get("disqualifiers").isEmpty(), handOffs.passed(), handOffs.toString());
        for (JsonNode phrase : expected.get("disqualifiers")) {
            String spoken = SpokenText.of(phrase.asText());
            assertTrue(handOffs.evidence().stream().map(Evidence::text).anyMatch(e -> overlap(e, spoken) >= 0.6),
                spoken + " not in " + handOffs.evidence());
        }
        assertEquals(expected.get("fillers").asInt(), t.delivery().fillers().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void pausesAreFoundWhereTheFixturePutThem(String id) {
        AudioDelivery.Pauses found = Fixtures.analysed(id).transcript().delivery().audio().pauses();
        for (JsonNode placed : Fixtures.manifest(id).get("pauses")) {
            double start = placed.get("start").asDouble();
            double seconds = placed.get("seconds").asDouble();
            AudioDelivery.AudioPause match = found.items().stream()
                .filter(p -> Math.abs(p.start() - start) <= 0.35)
                .findFirst().orElseThrow(() -> new AssertionError("no pause near " + start + " s in " + found.items()));
            assertTrue(match.seconds() >= seconds - 0.15 && match.seconds() <= seconds + 0.6, match + " for " + placed);
            assertEquals(AudioDelivery.AudioPause.BETWEEN, match.where(), match.toString());
        }
        assertEquals(Fixtures.manifest(id).get("pauses").size(), found.count(), found.items().toString());
    }

    private static RuleResult rule(ScoredTranscript t, String id) {
        return t.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no rule " + id));
    }

    /** Share of the expected phrase's words that the evidence holds. */
    private static double overlap(String evidence, String expected) {
        Set<String> have = new HashSet<>(List.of(evidence.split(" ")));
        String[] want = expected.split(" ");
        long hits = java.util.Arrays.stream(want).filter(have::contains).count();
        return (double) hits / want.length;
    }
}
