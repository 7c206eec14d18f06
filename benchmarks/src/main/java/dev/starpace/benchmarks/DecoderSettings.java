package dev.starpace.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.text.SpokenText;
import dev.starpace.engine.transcript.Word;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.speech.ModelLocator;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.speech.StreamingRecognizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vosk's search settings (model.conf) against what they cost and what they hear: raw decoding of each recording in
 * 100 ms frames as the live socket feeds it, in CPU seconds of the decoding thread per second of audio (CPU time, not
 * wall time: the machine is shared), the share of the reference words heard, and the share of words that differ from
 * the first setting's.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.starpace.benchmarks.DecoderSettings ROUNDS SETTING... -- WAV...</pre>
 * A SETTING is {@code max-active=2000,beam=8,lattice-beam=1} ({@code shipped} for the provisioned conf as it is); each
 * gets a copy of the provisioned model with those lines replaced; a folder is a model of its own. A WAV's reference text is the {@code sentences} of
 * the JSON beside it, or else of {@code engine/corpus/ID.json}. Settings alternate order each round.
 */
public final class DecoderSettings {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The live socket's frame: 100 ms of 16 kHz PCM16. */
    private static final int FRAME = 3_200;

    private DecoderSettings() {
    }

    record Recording(String id, byte[] pcm, double seconds, List<String> reference) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int split = Arrays.asList(args).indexOf("--");
        List<String> settings = Arrays.asList(args).subList(1, split);
        List<Recording> recordings = new ArrayList<>();
        AudioDecoder decoder = new AudioDecoder();
        for (String f : Arrays.asList(args).subList(split + 1, args.length)) {
            Path wav = Path.of(f);
            String id = wav.getFileName().toString().replaceFirst("\\.wav$", "");
            var audio = decoder.decode(wav);
            recordings.add(new Recording(id, audio.toPcm16(), audio.seconds(), reference(wav, id)));
        }
        double seconds = recordings.stream().mapToDouble(Recording::seconds).sum();
        Map<String, SpeechModel> models = new LinkedHashMap<>();
        for (String s : settings) {
            models.put(s, SpeechModel.at(variant(ModelLocator.find(null), s)));
        }
        Map<String, double[]> cpu = new HashMap<>();
        Map<String, List<List<String>>> heard = new HashMap<>();
        settings.forEach(s -> cpu.put(s, new double[rounds]));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < settings.size(); i++) {
                String s = settings.get((i + r) % settings.size());
                List<List<String>> words = new ArrayList<>();
                long t = threads.getCurrentThreadCpuTime();
                for (Recording rec : recordings) {
                    words.add(decode(models.get(s), rec.pcm()));
                }
                cpu.get(s)[r] = (threads.getCurrentThreadCpuTime() - t) / 1e9 / seconds;
                heard.put(s, words);
            }
        }
        System.out.printf(Locale.ROOT, "%d recordings, %.0f s of audio, %d rounds; CPU s per audio s is the median%n",
            recordings.size(), seconds, rounds);
        System.out.println("setting | CPU s per audio s | rounds | word recall % | words changed %");
        List<List<String>> first = heard.get(settings.get(0));
        for (String s : settings) {
            System.out.printf(Locale.ROOT, "%s | %.4f | %s | %.2f | %.2f%n", s, median(cpu.get(s)),
                Arrays.toString(Arrays.stream(cpu.get(s)).map(v -> Math.round(v * 1e4) / 1e4).toArray()),
                recall(recordings, heard.get(s)), changed(first, heard.get(s)));
        }
    }

    /** A copy of the model whose conf has the setting's lines replaced; the large parts are linked, not copied. */
    static Path variant(Path model, String setting) throws IOException {
        if (setting.equals("shipped")) {
            return model;
        }
        if (Files.isDirectory(Path.of(setting))) {
            return Path.of(setting);
        }
        Path dir = Files.createTempDirectory("vosk-" + setting.replaceAll("[^a-z0-9.=-]", "_") + "-");
        try (var parts = Files.list(model)) {
            for (Path p : parts.toList()) {
                if (!p.getFileName().toString().equals("conf")) {
                    Files.createSymbolicLink(dir.resolve(p.getFileName()), p.toAbsolutePath());
                }
            }
        }
        Files.createDirectory(dir.resolve("conf"));
        Files.copy(model.resolve("conf/mfcc.conf"), dir.resolve("conf/mfcc.conf"));
        List<String> conf = new ArrayList<>(Files.readAllLines(model.resolve("conf/model.conf")));
        for (String kv : setting.split(",")) {
            String key = "--" + kv.substring(0, kv.indexOf('=')) + "=";
            conf.removeIf(line -> line.startsWith(key));
            conf.add("--" + kv);
        }
        Files.write(dir.resolve("conf/model.conf"), conf);
        dir.toFile().deleteOnExit();
        return dir;
    }

    static List<String> decode(SpeechModel model, byte[] pcm) {
        List<String> words = new ArrayList<>();
        try (StreamingRecognizer r = model.recognizer()) {
            for (int at = 0; at < pcm.length; at += FRAME) {
                int n = Math.min(FRAME, pcm.length - at);
                r.accept(Arrays.copyOfRange(pcm, at, at + n), n).forEach(w -> words.add(w.word()));
            }
            r.finish().stream().map(Word::word).forEach(words::add);
        }
        return words;
    }

    private static List<String> reference(Path wav, String id) throws IOException {
        Path beside = wav.resolveSibling(id + ".json");
        Path json = Files.isRegularFile(beside) ? beside : Path.of("engine/corpus", id + ".json");
        List<String> words = new ArrayList<>();
        for (JsonNode s : JSON.readTree(json.toFile()).get("sentences")) {
            words.addAll(SpokenText.words(s.get("text").asText()));
        }
        return words;
    }

    /** Reference words heard, as a bag per recording (as NoiseRobustnessTest counts them), in percent. */
    private static double recall(List<Recording> recordings, List<List<String>> heard) {
        double said = 0;
        double recalled = 0;
        for (int i = 0; i < recordings.size(); i++) {
            Map<String, Integer> left = new HashMap<>();
            heard.get(i).forEach(w -> left.merge(w, 1, Integer::sum));
            for (String w : recordings.get(i).reference()) {
                said++;
                if (left.getOrDefault(w, 0) > 0) {
                    left.merge(w, -1, Integer::sum);
                    recalled++;
                }
            }
        }
        return 100 * recalled / said;
    }

    /** Word edits (Levenshtein) from the first setting's words to these, per word of the first, in percent. */
    static double changed(List<List<String>> first, List<List<String>> other) {
        double edits = 0;
        double words = 0;
        for (int i = 0; i < first.size(); i++) {
            edits += edits(first.get(i), other.get(i));
            words += first.get(i).size();
        }
        return 100 * edits / words;
    }

    private static int edits(List<String> a, List<String> b) {
        int[] row = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int up = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1));
                diagonal = up;
            }
        }
        return row[b.size()];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
