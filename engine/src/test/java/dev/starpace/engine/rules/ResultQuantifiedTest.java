package dev.starpace.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultQuantifiedTest {
    private final ResultQuantified rule = new ResultQuantified();

    @Test
    void findsMetricsInTheSpokenFormsVoskWrites() {
        assertMetric("the drop rate went from zero point three percent to zero", "from zero point three percent", "to zero");
        assertMetric("this recovered eight thousand dollars in weekly revenue", "eight thousand dollars");
        assertMetric("it was worth roughly a hundred and ten thousand dollars a week", "roughly a hundred and ten thousand dollars");
        assertMetric("median merge time dropped to forty minutes", "to forty minutes");
        assertMetric("p ninety nine latency went from one hundred eighty milliseconds to about sixty",
            "ninety nine", "from one hundred eighty milliseconds", "about sixty");
        assertMetric("we doubled the throughput", "doubled");
        assertMetric("it saved half a day a week", "half");
        assertMetric("support tickets dropped by a third", "a third");
        assertMetric("we cut the load time in half", "in half");
    }

    @Test
    void wordsThatOnlyLookLikeNumbersAreNotMetrics() {
        RuleResult r = rule.check(Answers.of("S: It broke.", "A: I fixed it.",
            "R: The team was happy, adoption grew a lot, and it was the one thing everyone remembered."));
        assertFalse(r.passed(), r.toString());
        assertEquals(0, r.value());
    }

    @Test
    void numbersOnlyInTheSituationDoNotQuantifyTheResult() {
        RuleResult r = rule.check(Answers.of("S: We had 400 million rows and a 0.3% drop rate costing $8K a week.",
            "A: I rewrote the retry logic.", "R: Things got a lot better and the team was happy."));
        assertFalse(r.passed());
        assertTrue(r.message().contains("no numbers"), r.message());
    }

    @Test
    void aMissingResultFailsWithAClearMessage() {
        RuleResult r = rule.check(Answers.of("S: It broke.", "A: I fixed it."));
        assertFalse(r.passed());
        assertTrue(r.message().startsWith("No Result heard"));
    }

    private void assertMetric(String result, String... evidence) {
        RuleResult r = rule.check(Answers.of("S: Things were slow.", "A: I fixed the cache.", "R: " + result));
        assertTrue(r.passed(), result + " -> " + r);
        List<String> found = r.evidence().stream().map(Evidence::text).toList();
        for (String e : evidence) {
            assertTrue(found.stream().anyMatch(f -> f.contains(e)), "expected '" + e + "' in " + found);
        }
    }
}
