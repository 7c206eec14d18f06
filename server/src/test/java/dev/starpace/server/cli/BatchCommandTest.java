package dev.starpace.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.server.Fixtures;
import dev.starpace.server.audio.NoisyAudio;
import dev.starpace.server.audio.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void analysesAFolderReportsABadFileAndGoesOn() throws IOException {
        Path in = Files.createDirectories(dir.resolve("answers/week1"));
        Files.copy(Fixtures.wav("seed-weak"), in.resolve("weak-take.wav"));
        Files.copy(Fixtures.wav("seed-weak"), dir.resolve("answers/again.wav"));
        Files.write(in.resolve("corrupt.wav"), "RIFF nonsense".getBytes());
        Files.writeString(in.resolve("notes.md"), "not a recording");
        Path out = dir.resolve("out");

        MainTest.Run first = MainTest.run("batch", "--question", "customer-obsession-above-and-beyond", "--out", out.toString(),
            "--jobs", "2", dir.resolve("answers").toString());
        assertEquals(3, first.code(), "a failed recording makes the exit code 3 (bad input): " + first.err());
        assertTrue(first.out().contains("3 recordings: 2 analysed, 0 skipped, 1 failed"), first.out());
        assertTrue(first.out().matches("(?s).*s of audio in .* s with 2 jobs: .*x real time.*"), first.out());
        assertTrue(first.err().contains("corrupt.wav: failed: "), first.err());

        assertTrue(Files.isRegularFile(out.resolve("weak-take.json")));
        assertTrue(Files.isRegularFile(out.resolve("again.json")));
        assertFalse(Files.exists(out.resolve("corrupt.json")), "nothing half-written for a bad recording");
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")));
        }
        var json = new ObjectMapper().readTree(out.resolve("weak-take.json").toFile());
        assertEquals("customer-obsession-above-and-beyond", json.get("question").get("id").asText());
        assertTrue(json.get("delivery").has("audio"));

        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(4, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("file,status,error,question,level,duration_s,situation_s,situation_target_s"), csv.get(0));
        assertTrue(csv.get(0).contains("action-first-person") && csv.get(0).endsWith("wpm,fillers,score,verdict,snr_db,input_quality"), csv.get(0));
        assertEquals(csv.get(0).split(",", -1).length, csv.get(1).split(",", -1).length, "every row has every column");
        assertTrue(csv.stream().anyMatch(l -> l.contains("corrupt.wav,failed,") && l.contains("not a WAV file")), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.contains("weak-take.wav,analysed,,customer-obsession-above-and-beyond,sde2")));

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2>weak-take.wav</h2>") && html.contains("class=\"seg\""), "timeline per answer");
        assertTrue(html.contains("Failed: ") && html.contains("corrupt.wav"));

        MainTest.Run again = MainTest.run("batch", "--question", "customer-obsession-above-and-beyond", "--out", out.toString(),
            dir.resolve("answers").toString());
        assertTrue(again.out().contains("3 recordings: 0 analysed, 2 skipped, 1 failed"), again.out());
        assertEquals(4, Files.readAllLines(out.resolve("summary.csv")).size());

        MainTest.Run forced = MainTest.run("batch", "--force", "--question", "customer-obsession-above-and-beyond",
            "--out", out.toString(), in.resolve("weak-take.wav").toString());
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("1 recordings: 1 analysed, 0 skipped, 0 failed"), forced.out());
    }

    @Test
    void aNoisyRecordingIsNamedInTheSummary() throws IOException {
        Path in = Files.createDirectories(dir.resolve("noisy"));
        WavFile.write(in.resolve("fan-on.wav"), NoisyAudio.withWhiteNoise(Fixtures.audio("seed-weak"), 14, 5));
        Path out = dir.resolve("noisy-out");
        MainTest.Run run = MainTest.run("batch", "--out", out.toString(), in.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().matches("(?s).*fan-on.wav: score \\d+; noisy recording, 1[345] dB: results less certain.*"), run.err());
        assertTrue(run.out().contains("1 recording is noisy, clipped or very quiet: results less certain"), run.out());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(csv.get(1).contains(",\"noisy recording, 1") && csv.get(1).endsWith("dB: results less certain\""), csv.get(1));
        assertTrue(Files.readString(out.resolve("report.html")).contains("noisy recording, 1"), "the report says so too");
    }

    @Test
    void badArgumentsAreOneClearLine() {
        MainTest.Run none = MainTest.run("batch");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing required parameter: 'INPUT'"), none.err());
        assertEquals(3, MainTest.run("batch", dir.resolve("nope").toString()).code());
        assertTrue(MainTest.run("batch", dir.resolve("nope").toString()).err().contains("no such file or folder"));
        assertTrue(MainTest.run("batch", dir.toString()).err().contains("no recordings found"));
        assertTrue(MainTest.run("batch", "--jobs", "0", dir.toString()).err().contains("--jobs must be a number from 1 to 64"));
    }

    @Test
    void analyzingARecordingFromTheCommandLine() throws IOException {
        MainTest.Run r = MainTest.run("analyze", "--format", "text", "--question", "customer-obsession-above-and-beyond",
            Fixtures.wav("seed-weak").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("from the audio: "), r.out());
        Path corrupt = dir.resolve("bad.wav");
        Files.write(corrupt, new byte[100]);
        MainTest.Run bad = MainTest.run("analyze", corrupt.toString());
        assertEquals(3, bad.code());
        assertEquals("", bad.out(), "nothing written for a bad recording");
        assertTrue(bad.err().startsWith("starpace: " + corrupt + ": not a WAV file"), bad.err());
        MainTest.Run noModel = MainTest.run("analyze", "--model", dir.toString(), Fixtures.wav("seed-weak").toString());
        assertEquals(3, noModel.code());
        assertTrue(noModel.err().contains("not a Vosk model: no am/final.mdl under " + dir), noModel.err());
    }
}
