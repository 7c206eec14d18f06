package dev.starpace.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        // one letter per slice of the answer, ending in its result; the phase of its first clause ("I noticed the
        // webhook was dropping sometimes"), read from untimed text, is the segmentation tests' business
        assertTrue(r.out().matches("(?s).*\\n  [STARF]+R+\\n.*"), "timeline line: " + r.out());
        assertTrue(r.out().contains("Task         0.0s of 13.7s missing"), r.out());
        assertTrue(r.out().contains("FAIL no-disqualifiers"), r.out());
        assertTrue(r.out().contains("\"i told the platform team about it\""), r.out());
        assertTrue(r.out().contains("Bar Raiser: "), r.out());
        assertTrue(r.out().contains("Hands off ownership (\"i told the platform team about it\")"), r.out());
        assertTrue(r.out().contains("No Hire for this LP (Customer Obsession)."), r.out());
    }

    @Test
    void aWrittenAnswerIsJudgedAsWritingWithNoDeliveryVerdict() throws IOException {
        Path file = dir.resolve("strong.txt");
        Files.writeString(file, String.join(" ", List.of(
            "While working as an SDE2, I noticed a persistent 0.3% webhook drop rate in the Platform team's payment notification service.",
            "This service belonged to the Platform team - not mine. No ticket existed, and nobody had asked me to investigate.",
            "I pulled the webhook delivery logs. I traced the root cause to a race condition in the retry logic. I wrote a minimal patch.",
            "The webhook drop rate dropped from 0.3% to zero, which recovered $8K in weekly revenue.",
            "In retrospect, I would have proposed a shared webhook reliability SLO earlier to improve cross-team visibility.")));
        Run text = run("analyze", "--question", "customer-obsession-above-and-beyond", "--format", "text", file.toString());
        assertEquals(0, text.code(), text.err());
        assertFalse(text.out().contains("words a minute") || text.out().contains("PASS pace") || text.out().contains("delivery "), text.out());
        assertTrue(text.out().contains("A written answer: pace, pauses and fillers are not judged"), text.out());
        assertTrue(text.out().contains("  Most used: webhook ×4"), "the engine's word habits in the text report: " + text.out());
        JsonNode json = new ObjectMapper().readTree(run("analyze", "--question", "customer-obsession-above-and-beyond", file.toString()).out());
        assertEquals("written", json.get("input").asText());
        assertEquals("webhook", json.get("habits").get("mostUsed").get(0).get("text").asText());
        assertEquals(4, json.get("habits").get("mostUsed").get(0).get("count").asInt());
        assertEquals("$8K", json.get("words").findValuesAsText("shown").stream().filter("$8K"::equals).findFirst().orElse(null));
    }

    @Test
    void eachBadInputExitsNonZeroWithOneClearLine() throws IOException {
        assertFails(3, "no such file", "analyze", dir.resolve("missing.json").toString());
        assertFails(3, "no such file", "analyze", dir.resolve("missing.wav").toString());
        Path notJson = dir.resolve("notes.json");
        Files.writeString(notJson, "hello there");
        assertFails(3, "not JSON", "analyze", notJson.toString());
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"words\": []}");
        assertFails(3, "no words", "analyze", empty.toString());
        Path blank = dir.resolve("blank.txt");
        Files.writeString(blank, "  \n");
        assertFails(3, "no words", "analyze", blank.toString());
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, WEAK);
        assertFails(4, "unknown question 'nope'", "analyze", "--question", "nope", ok.toString());
        assertFails(2, "unknown level 'staff'", "analyze", "--level", "staff", ok.toString());
        assertFails(2, "Invalid value for option '--format': expected one of [json, text]", "analyze", "--format", "xml", ok.toString());
        assertFails(2, "Unknown option: '--bogus' (try: starpace analyze --help)", "analyze", "--bogus", ok.toString());
        assertFails(2, "Missing required parameter: 'FILE'", "analyze");
        assertFails(2, "Unmatched argument", "analyze", ok.toString(), ok.toString());
        assertFails(2, "'--port': 'x' is not an int", "serve", "--port", "x");
        assertFails(2, "unknown command 'analyse'", "analyse", ok.toString());
    }

    @Test
    void aBadCardsFolderNamesTheFileAndField() throws IOException {
        Path cards = Files.createDirectory(dir.resolve("cards"));
        Files.writeString(cards.resolve("bad.json"), "{\"id\": \"Bad Id\"}");
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, WEAK);
        Run r = run("analyze", "--cards", cards.toString(), ok.toString());
        assertEquals(4, r.code());
        assertTrue(r.err().contains("bad.json: id: must be lowercase"), r.err());
    }

    @Test
    void listsQuestionsForOneLeadershipPrinciple() {
        Run r = run("questions", "--lp", "frugality");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("frugality"), r.out());
        assertEquals(1, r.out().lines().count(), r.out());
    }

    @Test
    void listsQuestionsInAlignedColumnsSayingWhichMatchThroughAnotherCardsLpAngle() {
        Run r = run("questions", "--lp", "dive deep");
        assertEquals(0, r.code());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() > 1, r.out());
        java.util.Set<Integer> questionColumns = new java.util.HashSet<>();
        lines.forEach(l -> questionColumns.add(l.indexOf("Tell me about")));
        assertEquals(1, questionColumns.size(), "every question starts in one column:\n" + r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dive-deep ") && !l.contains("angle")), r.out());
        assertTrue(lines.stream().filter(l -> !l.startsWith("dive-deep ")).allMatch(l -> l.contains("(angle: Dive Deep)")), r.out());
    }

    @Test
    void aHostThisMachineDoesNotHaveIsAUsageErrorSaidBeforeTheModelLoads() {
        assertFails(2, "--host 999.1.1.1 is not an address", "serve", "--host", "999.1.1.1", "--port", "0");
    }

    @Test
    void helpKeepsPathsAndFileNamesWholeOnOneLine() {
        for (String command : new String[] {"", "analyze", "batch", "serve", "questions"}) {
            List<String> lines = (command.isEmpty() ? run("--help") : run(command, "--help")).out().lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                // a line that ends inside a name ("starpace." / "db", "." / "/starpace-data"); the command list's names excepted
                String next = lines.get(i + 1).trim();
                boolean brokenAfterDotOrSlash = lines.get(i).matches(".*\\S[./]$") && next.matches("^[a-z/].*")
                    && !next.matches("^(analyze|batch|serve|questions|help)\\s.*");
                assertFalse(brokenAfterDotOrSlash, command + " help breaks a path: " + lines.get(i) + " / " + lines.get(i + 1));
            }
        }
    }

    @Test
    void serveThatCannotStartSaysWhyInOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertFails(3, "the port is in use", "serve", "--port", String.valueOf(taken.getLocalPort()), "--data", dir.resolve("d1").toString());
        }
        assertFails(2, "--port must be between 0 and 65535, not 99999", "serve", "--port", "99999");
        assertFails(2, "--max-streams must be between 1 and 1000, not 0", "serve", "--port", "0", "--max-streams", "0");
        Path file = Files.writeString(dir.resolve("data-file"), "x");
        assertFails(3, "is a file, not a folder", "serve", "--port", "0", "--data", file.toString());
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.writeString(corrupt.resolve("starpace.db"), "garbage ".repeat(1000));
        assertFails(3, "damaged or is not a StarPace database", "serve", "--port", "0", "--data", corrupt.toString());
        Path unopenable = Files.createDirectories(dir.resolve("unopenable").resolve("starpace.db"));
        assertFails(3, "is a folder, not a file", "serve", "--port", "0", "--data", unopenable.getParent().toString());
    }

    @Test
    void badRecordingsSayWhatIsWrongInOneLine() throws IOException {
        // a fmt chunk claiming 0x7ffffff0 bytes: the chunk walk used to overflow into StringIndexOutOfBoundsException
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(56).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(0x7ffffff0)
            .putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
        Path huge = Files.write(dir.resolve("huge-fmt.wav"), b.array());
        assertFails(3, "corrupt WAV: the format chunk claims 2147483632 bytes", "analyze", huge.toString());
        Path folder = Files.createDirectories(dir.resolve("x.wav"));
        assertFails(3, "is a folder, not a recording", "analyze", folder.toString());
        Path folderJson = Files.createDirectories(dir.resolve("y.json"));
        assertFails(3, "is a folder, not a file", "analyze", folderJson.toString());
        java.nio.ByteBuffer silent = java.nio.ByteBuffer.wrap(dev.starpace.server.audio.WavFile.header(32000, 16000));
        Path zeros = dir.resolve("zeros.wav");
        Files.write(zeros, silent.array());
        Files.write(zeros, new byte[32000], java.nio.file.StandardOpenOption.APPEND);
        assertFails(3, "the recording is silent (every sample is zero)", "analyze", zeros.toString());
    }

    /** Jackson's own limits and complaints, as a person reads them: what is wrong and where, no class name, exit 3. */
    @Test
    void aTranscriptThatIsNotUsableJsonSaysWhatIsWrongAndWhereInOneLine() throws IOException {
        assertFails(3, "bignum.json: not JSON: a number 5,000 digits long (at most 1,000) at line 1, column ",
            "analyze", write("bignum.json", "{\"words\": [{\"word\": \"i\", \"start\": 0.5, \"end\": " + "1".repeat(5000) + "}]}"));
        assertFails(3, "deep.json: not JSON: lists and objects nested more than 1,000 deep at line 1, column ",
            "analyze", write("deep.json", "{\"words\": " + "[".repeat(5000) + "]".repeat(5000) + "}"));
        assertFails(3, "nan.json: not JSON: 'NaN' is not a number JSON allows at line 1, column 38",
            "analyze", write("nan.json", "{\"words\": [{\"word\": \"i\", \"start\": NaN, \"end\": 1}]}"));
        assertFails(3, "cut.json: not JSON: Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 11)",
            "analyze", write("cut.json", "{\"words\": [{\"word\": \"i\", \"start\": 0.1, \"end\": 0.2}"));
        assertFails(3, "trailing.json: not JSON: ", "analyze", write("trailing.json",
            "{\"words\": [{\"word\": \"i\", \"start\": 0.1, \"end\": 0.2}]} {\"words\": []}"));
    }

    /** 1e400 reads as infinite and 1e300 is centuries: neither is a time in an answer (they gave a 9.2e16 s answer). */
    @Test
    void absurdTimesAreRefusedNamingTheWordAndTheLongestAnswer() throws IOException {
        assertFails(3, "inf.json: words[1].end: a number too large to be a time; the longest answer StarPace reads, 4 hours (14,400 s)",
            "analyze", write("inf.json", "{\"words\": [{\"word\": \"i\", \"start\": 0.1, \"end\": 0.2},"
                + " {\"word\": \"fixed\", \"start\": 0.5, \"end\": 1e400}]}"));
        assertFails(3, "huge.json: [0].result[0].start: 1.0E300 s is longer than the longest answer StarPace reads, 4 hours (14,400 s)",
            "analyze", write("huge.json", "[{\"result\": [{\"word\": \"i\", \"start\": 1e300, \"end\": 1e300}]}]"));
    }

    /** A card of the wrong shape: the field, what it should be and what it is, not `java.lang.String` or `JsonToken.START_ARRAY`. */
    @Test
    void aCardOfTheWrongShapeSaysSoInWords() throws IOException {
        Path ok = Path.of(write("ok.txt", WEAK));
        assertFails(4, "a.json: id: expected text, found a list at line 1, column 8", "analyze", "--cards", cards("list-id", "{\"id\": [\"x\"]}"), ok.toString());
        assertFails(4, "a.json: question: expected text, found an object at line 1, column ", "analyze", "--cards",
            cards("object-question", "{\"id\": \"x\", \"question\": {\"a\": 1}}"), ok.toString());
        assertFails(4, "a.json: (json): not valid JSON: lists and objects nested more than 1,000 deep", "analyze", "--cards",
            cards("deep", "{\"id\": \"x\", \"q\": " + "[".repeat(5000) + "]".repeat(5000) + "}"), ok.toString());
    }

    /**
     * Past the limits an answer is refused naming the limit, before analysis; and a file is read no further than its
     * limit: a 3 GB file (more than Java can read whole) is refused as quickly as a small one.
     */
    @Test
    void anAnswerPastItsLimitsIsRefusedNamingTheLimitWithoutReadingItWhole() throws IOException {
        assertFails(3, "long.txt: 6,000 words, more than the 5,000 a written answer may have", "analyze", write("long.txt", "I fixed it. ".repeat(2000)));
        assertFails(3, "huge.txt: larger than 64 KB, the most a written answer may be", "analyze", sparse("huge.txt"));
        assertFails(3, "huge.json: larger than 4 MB, the most a transcript may be", "analyze", sparse("huge.json"));
        StringBuilder many = new StringBuilder("{\"words\": [");
        for (int i = 0; i < 20_001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"word\": \"a\", \"start\": ").append(i).append(", \"end\": ").append(i).append(".5}");
        }
        assertFails(3, "many.json: 20,001 words, more than the 20,000 a transcript may have", "analyze", write("many.json", many.append("]}").toString()));
        assertEquals(0, run("analyze", write("longest.txt", "I fixed it. ".repeat(1600))).code(), "4,800 words are an answer");
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    /** A folder holding one card, a.json. */
    private String cards(String folder, String json) throws IOException {
        Path cards = Files.createDirectories(dir.resolve(folder));
        Files.writeString(cards.resolve("a.json"), json);
        return cards.toString();
    }

    /** A 3 GB file with nothing stored: as long to read whole as a real one, but no disk. */
    private String sparse(String name) throws IOException {
        Path file = dir.resolve(name);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        return file.toString();
    }

    @Test
    void eachCommandHasItsOwnHelpAndNoCommandIsAUsageError() {
        for (String command : new String[] {"analyze", "batch", "serve", "questions"}) {
            Run r = run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().startsWith("Usage: starpace " + command), r.out());
        }
        assertTrue(run("serve", "--help").out().contains("--allowed-host=NAME"));
        assertTrue(run("analyze", "--help").out().contains("--level=LEVEL"));
        Run top = run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("Exit codes:\n  0  done\n  1  internal error (a bug)\n"), top.out());
        assertTrue(top.out().contains("  4  unknown question or bad card"), top.out());
        assertEquals(0, run("help").code());
        assertEquals(0, run("-h").code());
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.out().startsWith("Usage: starpace"), none.out());
    }

    private static void assertFails(int code, String message, String... args) {
        Run r = run(args);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertEquals("", r.out());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("SQLITE"), r.err());
        for (String internal : new String[] {"`", "java.", "JsonToken", "JsonReadFeature", "StreamRead", "REDACTED", "0x"}) {
            assertFalse(r.err().contains(internal), "no internals: " + r.err());
        }
    }
}
