package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.text.Lexicon;
import dev.starpace.engine.text.PhraseTrie;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The phase cues the segmenter looks for: general English cues and signposts (cues.txt) plus a card's key phrases.
 * A signpost is the speaker naming the part ("the result was", "what I learned"): it is kept apart from the
 * general cues because it says most where it opens a unit ({@link UnitFeatures}).
 */
public final class CueBook {
    /**
     * Evidence a matched cue gives its phase.
     *
     * @param general  the cue's index among the general cues (each has its own learned weight), or -1 for a card's
     *                 phrase or a signpost
     * @param signpost whether the speaker names the part ("my task was"): a line whose phase is marked with '+'
     */
    public record Cue(Phase phase, double weight, int general, boolean signpost) {
    }

    private final PhraseTrie<Cue> trie;
    private final int generalCues;

    private CueBook(PhraseTrie<Cue> trie, int generalCues) {
        this.trie = trie;
        this.generalCues = generalCues;
    }

    /** How many general cues there are (their indices run from 0). */
    public int generalCues() {
        return generalCues;
    }

    /** The general English cues that ship with StarPace. */
    public static CueBook standard() {
        PhraseTrie<Cue> trie = new PhraseTrie<Cue>().lookingThrough(Lexicon.TRANSPARENT);
        try (InputStream in = CueBook.class.getResourceAsStream("cues.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            int general = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+", 3);
                if (parts.length < 3) {
                    throw new IllegalStateException("cues.txt line " + number + ": expected PHASE WEIGHT PATTERN");
                }
                boolean signpost = parts[0].endsWith("+");
                Phase phase = Phase.parse(signpost ? parts[0].substring(0, parts[0].length() - 1) : parts[0]);
                trie.add(parts[2], new Cue(phase, Double.parseDouble(parts[1]), signpost ? -1 : general++, signpost));
            }
            return new CueBook(trie, general);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cues whose last word is {@code words[end]}, looking back no further than {@code floor}. */
    public void endingAt(List<String> words, int end, int floor, List<PhraseTrie.Hit<Cue>> out) {
        trie.endingAt(words, end, floor, out);
    }
}
