package dev.starpace.engine.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.delivery.Fillers;
import dev.starpace.engine.text.Hesitations;
import dev.starpace.engine.text.SpokenText;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hesitations (um, uh, er) in the spoken corpus: festival read each labelled answer, fillers and all, and Vosk wrote
 * what it heard. Per sentence (its time in the audio is known), the fillers its text holds against the hesitations
 * found among the words heard in it; and on the written answers, hesitations found where the writer wrote none.
 */
class SpokenFillersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static int said;
    static int found;
    static int matched;
    static int writtenExtra;
    static int writtenWords;
    /** Words rewritten as a held filler in a sentence whose text has no such filler. */
    static int heldWhereNoneSaid;
    static final List<String> MISSES = new ArrayList<>();

    @BeforeAll
    static void measure() throws IOException {
        for (Path f : SlipMatchingTest.answersIn(Path.of("corpus/spoken"))) {
            JsonNode heard = JSON.readTree(f.toFile());
            List<JsonNode> words = new ArrayList<>();
            heard.get("words").forEach(words::add);
            // as a recording is scored: a held filler the recognizer wrote as a word is written as the filler first
            List<String> asHeard = words.stream().map(w -> w.get("word").asText()).toList();
            List<String> tokens = Hesitations.heard(words.stream().map(w -> new Word(w.get("word").asText(),
                w.get("start").asDouble(), w.get("end").asDouble(), w.get("conf").isNull() ? 1.0 : w.get("conf").asDouble())).toList())
                .stream().map(Word::word).toList();
            double[] gaps = new double[words.size()];
            for (int i = 0; i + 1 < words.size(); i++) {
                gaps[i] = words.get(i + 1).get("start").asDouble() - words.get(i).get("end").asDouble();
            }
            for (JsonNode s : heard.get("sentences")) {
                List<String> text = SpokenText.words(s.get("text").asText());
                int known = 0;
                for (int i = 0; i < text.size(); i++) {
                    boolean written = Hesitations.at(text, new double[text.size()], i);
                    known += List.of("um", "umm", "uh", "er", "erm").contains(text.get(i)) ? 1 : 0;
                    if (written && !List.of("um", "umm", "uh", "er", "erm").contains(text.get(i))) {
                        writtenExtra++;
                        MISSES.add("written " + String.join(" ", text.subList(Math.max(0, i - 3), Math.min(text.size(), i + 3))));
                    }
                }
                writtenWords += text.size();
                int hits = 0;
                List<String> heardHere = new ArrayList<>();
                for (int i = 0; i < words.size(); i++) {
                    double mid = (words.get(i).get("start").asDouble() + words.get(i).get("end").asDouble()) / 2;
                    if (mid >= s.get("start").asDouble() && mid < s.get("end").asDouble()) {
                        heardHere.add(tokens.get(i));
                        hits += Hesitations.at(tokens, gaps, i) ? 1 : 0;
                        if (!tokens.get(i).equals(asHeard.get(i)) && !text.contains(tokens.get(i))) {
                            heldWhereNoneSaid++;
                            MISSES.add("held " + asHeard.get(i) + " as " + tokens.get(i) + " in: " + s.get("text").asText());
                        }
                    }
                }
                said += known;
                found += hits;
                matched += Math.min(known, hits);
                if (known != hits) {
                    MISSES.add(known + " said, " + hits + " found: " + String.join(" ", heardHere));
                }
            }
        }
        System.out.printf("%nhesitations in the spoken corpus: %d said, %d found, recall %.1f %%, precision %.1f %%;"
            + " on the written text %d found where none was written (%d words); %d held words taken for a filler none said%n",
            said, found, 100.0 * matched / said, 100.0 * matched / found, writtenExtra, writtenWords, heldWhereNoneSaid);
        MISSES.stream().limit(80).forEach(System.out::println);
    }

    /**
     * Measured 47.9 % recall (124 of 259) and 73.4 % precision (124 of 169); 7 false hesitations in 70117 written words.
     * Festival reads a typed "um" clipped, never held, so holding rules (Hesitations.heard) find one more here and take
     * 20 words drawn out at a phrase's end or misheard ("sat there.", "separate your" for "separator") for fillers: the
     * precision was 82.0 % before them. Held fillers are measured on the filler fixtures (FillerFixtureTest).
     */
    @Test
    void hesitationsWrittenAsWordsAreFoundAndWordsDoingRealWorkAreNot() {
        org.junit.jupiter.api.Assertions.assertTrue(100.0 * matched / said >= 45, matched + " of " + said);
        org.junit.jupiter.api.Assertions.assertTrue(100.0 * matched / found >= 70, matched + " of " + found + " found");
        org.junit.jupiter.api.Assertions.assertTrue(writtenExtra <= 10, writtenExtra + " in written text");
        org.junit.jupiter.api.Assertions.assertTrue(heldWhereNoneSaid <= 25, heldWhereNoneSaid + " held words taken for fillers");
    }
}
