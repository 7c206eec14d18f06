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
        assertTrue(csv.get(0).contains("action-first-person") && csv.get(0).endsWith("wpm,filler_count,score,verdict,snr_db,input_quality,most_used,openers,hedges"), csv.get(0));
        List<String> header = List.of(csv.get(0).split(",", -1));
        assertEquals(header.size(), new java.util.HashSet<>(header).size(), "every column has its own name: " + header);
        assertEquals(csv.get(0).split(",", -1).length, csv.get(1).split(",", -1).length, "every row has every column");
        assertTrue(csv.stream().anyMatch(l -> l.contains("corrupt.wav,failed,") && l.contains("not a WAV file")), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.contains("weak-take.wav,analysed,,customer-obsession-above-and-beyond,sde2")));

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2>weak-take.wav</h2>") && html.contains("class=\"seg\""), "timeline per answer");
        assertTrue(html.contains("Failed: ") && html.contains("corrupt.wav"));
        // the engine's word habits, in the JSON and the summary alike
        var habits = json.get("habits");
        assertTrue(habits.has("mostUsed") && habits.has("openers") && habits.has("hedges") && habits.has("fillers"), habits.toString());
        if (!habits.get("mostUsed").isEmpty()) {
            assertTrue(html.contains("Most used: " + habits.get("mostUsed").get(0).get("text").asText()), html);
        }

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
        assertTrue(csv.get(1).contains(",\"noisy recording, 1") && csv.get(1).contains("dB: results less certain\","), csv.get(1));   // then the word habits
        assertTrue(Files.readString(out.resolve("report.html")).contains("noisy recording, 1"), "the report says so too");
    }

    /**
     * File names become cells of summary.csv, which people open in a spreadsheet: one that starts like a formula
     * shows as text (a quote ahead of it), and one holding a carriage return or a newline stays in its row.
     * Run as a user types it, in the recordings' folder, so that the names are the cells' first characters.
     */
    @Test
    void fileNamesInTheSummaryCannotRunAsFormulasOrSplitARow() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("hostile"));
        List<String> names = List.of("=HYPERLINK(\"evil.example\",\"open\").wav", "+1+1.wav", "-2+3.wav", "@SUM(1,1).wav",
            "\t=1.wav", "\r=1.wav", "a\rb.wav", "c\nd.wav");
        for (String name : names) {
            Files.write(folder.resolve(name), "RIFF nonsense".getBytes());
        }
        List<String> args = new java.util.ArrayList<>(List.of("batch", "--model", dev.starpace.server.speech.ModelLocator.find(null).toString(), "--out", "out", "--"));
        args.addAll(names);
        MainTest.Run run = runIn(folder, args);
        assertEquals(3, run.code(), run.err());

        List<List<String>> csv = parseCsv(Files.readString(folder.resolve("out/summary.csv")));
        assertEquals(1 + names.size(), csv.size(), "a row per recording and no more: " + csv);
        for (int i = 0; i < names.size(); i++) {
            List<String> row = csv.get(i + 1);
            assertEquals(csv.get(0).size(), row.size(), "every row has every column: " + row);
            String name = names.get(i);
            String shown = "=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
            assertEquals(shown, row.get(0), "the file's name, as text");
            assertEquals("failed", row.get(1));
            assertTrue(row.get(2).startsWith(shown + ": not a WAV file"), row.get(2));
        }
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks; a bare one ends the row. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    /** The real command in a process of its own, started in {@code cwd}. */
    static MainTest.Run runIn(Path cwd, List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).start();
        p.getOutputStream().close();
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("starpace " + args + " did not finish");
        }
        return new MainTest.Run(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8),
            new String(err.get(), java.nio.charset.StandardCharsets.UTF_8));
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
