package dev.starpace.engine.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionBankTest {
    private static final Set<String> LEADERSHIP_PRINCIPLES = Set.of("Customer Obsession", "Ownership",
        "Invent and Simplify", "Are Right, A Lot", "Learn and Be Curious", "Hire and Develop the Best",
        "Insist on the Highest Standards", "Think Big", "Bias for Action", "Frugality", "Earn Trust", "Dive Deep",
        "Have Backbone; Disagree and Commit", "Deliver Results", "Strive to be Earth's Best Employer",
        "Success and Scale Bring Broad Responsibility");

    private final QuestionBank bank = QuestionBank.builtIn();

    @Test
    void shipsTheSeedCardCompleteAndFaithful() {
        Card seed = bank.get("customer-obsession-above-and-beyond");
        assertEquals("Tell me about a time you went above and beyond for a customer.", seed.question());
        assertEquals("Customer Obsession", seed.lp());
        assertEquals(List.of(30.0, 20.0, 90.0, 20.0, 15.0),
            List.of(Phase.values()).stream().map(p -> seed.phase(p).targetSeconds()).toList());
        assertEquals(List.of("I pulled", "I traced", "I reproduced", "I wrote", "I added", "I submitted"),
            seed.phase(Phase.ACTION).keyPhrases());
        assertTrue(seed.phase(Phase.SITUATION).commonMistake().startsWith("Spending 90 seconds on system architecture"));
        assertTrue(seed.reflections().get(Level.SENIOR).contains("organizational gap"));
        assertEquals(4, seed.probes().size());
        assertEquals("I brought a solution, not just a problem.", seed.probes().get(0).strong().keyLine());
        assertEquals("My manager suggested I look into this since I had bandwidth.", seed.probes().get(1).weak().answer());
        assertEquals(5, seed.weakAnswer().flags().size());
        assertTrue(seed.weakAnswer().barRaiser().endsWith("Leaning No Hire for this LP."));
        assertEquals(3, seed.quiz().size());
        assertEquals(List.of("Customer Obsession", "Ownership", "Dive Deep"),
            seed.lpAngles().stream().map(Card.LpAngle::lp).toList());
        assertEquals(120, seed.levels().get(Level.SDE1).maxSeconds());
        assertEquals(150, seed.levels().get(Level.SENIOR).minSeconds());
        assertEquals(180, seed.levels().get(Level.SENIOR).maxSeconds());
        assertTrue(seed.scenario().overview().contains("0.3% webhook drop rate"));
    }

    @Test
    void hasACardForEachOfTheSixteenLeadershipPrinciplesWithProbesAndRules() {
        Set<String> covered = bank.cards().stream().map(Card::lp).collect(Collectors.toSet());
        assertTrue(covered.containsAll(LEADERSHIP_PRINCIPLES), "missing: " + LEADERSHIP_PRINCIPLES.stream()
            .filter(lp -> !covered.contains(lp)).toList());
        for (Card card : bank.cards()) {
            if (LEADERSHIP_PRINCIPLES.contains(card.lp())) {
                assertTrue(card.probes().size() >= 2, card.id() + " needs two or more probes");
                assertTrue(card.rules().apply().size() >= 3, card.id() + " applies too few rules");
                assertEquals(Set.of(Level.values()), card.levels().keySet(), card.id() + " has a variant for every level");
                for (Phase p : Phase.values()) {
                    assertTrue(card.phase(p).keyPhrases().size() >= 2, card.id() + " " + p + " key phrases");
                }
            }
        }
        assertTrue(bank.cards().stream().filter(c -> !c.id().equals("customer-obsession-above-and-beyond"))
            .map(Card::lp).filter(LEADERSHIP_PRINCIPLES::contains).distinct().count() >= 16,
            "sixteen cards of our own beside the seed card");
    }

    @Test
    void theGenericCardAnswersWhenNoQuestionIsNamed() {
        assertEquals(QuestionBank.DEFAULT_ID, bank.get(null).id());
        assertEquals(QuestionBank.DEFAULT_ID, bank.get(" ").id());
    }

    @Test
    void anUnknownQuestionNamesTheKnownOnes() {
        UnknownQuestionException e = assertThrows(UnknownQuestionException.class, () -> bank.get("no-such-card"));
        assertTrue(e.getMessage().contains("unknown question 'no-such-card'"));
        assertTrue(e.getMessage().contains("dive-deep"));
    }

    @Test
    void findsCardsByLeadershipPrincipleIncludingTheirAngles() {
        List<String> ids = bank.byLp("dive deep").stream().map(Card::id).toList();
        assertTrue(ids.contains("dive-deep"));
        assertTrue(ids.contains("customer-obsession-above-and-beyond"), "the seed card has a Dive Deep angle");
    }

    @Test
    void loadsMoreCardsFromAFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.json"), minimalCard("my-question", "\"action-first-person\""));
        QuestionBank more = bank.withFolder(dir);
        assertEquals("Tell me about a time you did X.", more.get("my-question").question());
        assertEquals(bank.cards().size() + 1, more.cards().size());
    }

    @Test
    void aBadCardFailsWithItsFileFieldAndReason(@TempDir Path dir) throws IOException {
        assertBad(dir, "broken.json", "{\"id\": \"x\",", "(json)", "not valid JSON");
        assertBad(dir, "unknown-rule.json", minimalCard("x", "\"be-nice\""), "rules.apply", "unknown rule 'be-nice'");
        assertBad(dir, "no-question.json", minimalCard("x", "\"action-first-person\"").replace("\"question\": \"Tell me about a time you did X.\",", ""),
            "question", "missing");
        assertBad(dir, "typo.json", minimalCard("x", "\"action-first-person\"").replace("\"question\"", "\"questoin\""),
            "questoin", "unknown field 'questoin'");
        assertBad(dir, "bad-target.json", minimalCard("x", "\"action-first-person\"").replace("\"targetSeconds\": 90", "\"targetSeconds\": -5"),
            "phases.action.targetSeconds", "between 0 and 600");
        assertBad(dir, "wrong-type.json", minimalCard("x", "\"action-first-person\"").replace("\"targetSeconds\": 20,", "\"targetSeconds\": \"soon\","),
            "phases.task.targetSeconds", "");
    }

    @Test
    void twoCardsWithTheSameIdInAFolderAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), minimalCard("same", "\"action-first-person\""));
        Files.writeString(dir.resolve("b.json"), minimalCard("same", "\"action-first-person\""));
        CardException e = assertThrows(CardException.class, () -> bank.withFolder(dir));
        assertEquals("id", e.field());
        assertTrue(e.source().endsWith("b.json"));
    }

    private void assertBad(Path dir, String file, String json, String field, String reason) throws IOException {
        Path folder = Files.createDirectory(dir.resolve(file.replace(".json", "")));
        Files.writeString(folder.resolve(file), json);
        CardException e = assertThrows(CardException.class, () -> bank.withFolder(folder));
        assertTrue(e.source().endsWith(file), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.source() + ": " + field + ": "));
    }

    static String minimalCard(String id, String rules) {
        StringBuilder phases = new StringBuilder();
        String[][] p = {{"situation", "30"}, {"task", "20"}, {"action", "90"}, {"result", "20"}, {"reflection", "15"}};
        for (int i = 0; i < p.length; i++) {
            phases.append(i == 0 ? "" : ",").append("\"").append(p[i][0]).append("\": {\"targetSeconds\": ").append(p[i][1])
                .append(", \"keyPhrases\": [\"a phrase\"]}");
        }
        return "{\"id\": \"" + id + "\", \"lp\": \"Ownership\", \"question\": \"Tell me about a time you did X.\","
            + " \"phases\": {" + phases + "}, \"rules\": {\"apply\": [" + rules + "]}}";
    }
}
