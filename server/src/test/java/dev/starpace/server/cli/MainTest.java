package dev.starpace.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    static final String WEAK = "I noticed the webhook was dropping sometimes, so I told the Platform team about it. They looked"
        + " into the problem and eventually fixed it. The drop rate improved after their fix, and the team was happy with"
        + " the outcome. I did not follow up further as I assumed it was resolved.";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void analyzesATimedTranscriptToTheScoredTranscriptJson() throws IOException {
        Path file = dir.resolve("answer.json");
        Files.writeString(file, "[{\"result\": [{\"word\": \"i\", \"start\": 0.0, \"end\": 0.2, \"conf\": 1},"
            + " {\"word\": \"escalated\", \"start\": 0.2, \"end\": 0.8, \"conf\": 0.9}], \"text\": \"i escalated\"},"
            + " {\"result\": [{\"word\": \"they\", \"start\": 1.5, \"end\": 1.7}, {\"word\": \"handled\", \"start\": 1.7, \"end\": 2.1},"
            + " {\"word\": \"it\", \"start\": 2.1, \"end\": 2.3}]}]");
        Run r = run("analyze", "--question", "customer-obsession-above-and-beyond", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("customer-obsession-above-and-beyond", json.get("question").get("id").asText());
        assertEquals(5, json.get("words").size());
        assertEquals(2.3, json.get("durationSeconds").asDouble(), 1e-9);
        boolean flagged = false;
        for (JsonNode rule : json.get("rules")) {
            if (rule.get("id").asText().equals("no-disqualifiers")) {
                flagged = !rule.get("passed").asBoolean();
            }
        }
        assertTrue(flagged, "\"i escalated ... they handled it\" is a hand-off");
    }

    @Test
    void printsAReadableReportWithTimelineFlagsAndVerdict() throws IOException {
        Path file = dir.resolve("weak.txt");
        Files.writeString(file, WEAK);
        Run r = run("analyze", "--question", "customer-obsession-above-and-beyond", "--format", "text", "--level", "sde1", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Timeline"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  S+A+R+\\n.*"), "timeline line: " + r.out());
        assertTrue(r.out().contains("Task         0.0s of 13.7s missing"), r.out());
        assertTrue(r.out().contains("FAIL no-disqualifiers"), r.out());
        assertTrue(r.out().contains("\"i told the platform team about it\""), r.out());
        assertTrue(r.out().contains("Bar Raiser: Light on substance: none of the content checks passed."), r.out());
        assertTrue(r.out().contains("for this LP (Customer Obsession)."), r.out());
    }

    @Test
    void eachBadInputExitsNonZeroWithOneClearLine() throws IOException {
        assertFails(2, "no such file", "analyze", dir.resolve("missing.json").toString());
        Path notJson = dir.resolve("notes.json");
        Files.writeString(notJson, "hello there");
        assertFails(2, "not JSON", "analyze", notJson.toString());
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"words\": []}");
        assertFails(2, "no words", "analyze", empty.toString());
        Path blank = dir.resolve("blank.txt");
        Files.writeString(blank, "  \n");
        assertFails(2, "no words", "analyze", blank.toString());
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, WEAK);
        assertFails(1, "unknown question 'nope'", "analyze", "--question", "nope", ok.toString());
        assertFails(2, "unknown level 'staff'", "analyze", "--level", "staff", ok.toString());
        assertFails(2, "--format must be json or text", "analyze", "--format", "xml", ok.toString());
        assertFails(2, "unknown option --bogus", "analyze", "--bogus", ok.toString());
        assertFails(2, "analyze takes one FILE", "analyze");
        assertFails(2, "unknown command 'analyse'", "analyse", ok.toString());
    }

    @Test
    void aBadCardsFolderNamesTheFileAndField() throws IOException {
        Path cards = Files.createDirectory(dir.resolve("cards"));
        Files.writeString(cards.resolve("bad.json"), "{\"id\": \"Bad Id\"}");
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, WEAK);
        Run r = run("analyze", "--cards", cards.toString(), ok.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.json: id: must be lowercase"), r.err());
    }

    @Test
    void listsQuestionsForOneLeadershipPrinciple() {
        Run r = run("questions", "--lp", "frugality");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("frugality"), r.out());
        assertEquals(1, r.out().lines().count(), r.out());
    }

    private static void assertFails(int code, String message, String... args) {
        Run r = run(args);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertEquals("", r.out());
    }
}
