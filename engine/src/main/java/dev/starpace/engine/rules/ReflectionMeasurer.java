package dev.starpace.engine.rules;

import dev.starpace.engine.Lazy;
import dev.starpace.engine.Phase;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitCutter;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Measures a reflection against its story with the sentence encoder, for {@link ReflectionJudge}: how close its units
 * come to known platitudes, to the story's own units and to the card's strong reflection. Thread-safe.
 */
public final class ReflectionMeasurer {
    /**
     * Platitudes a reflection can be close to: a documented prior (the families of generic lessons coaches warn
     * about), written from coaching guidance, not from the labelled answers. How much closeness counts is learned.
     */
    public static final List<String> PLATITUDES = List.of(
        "communication is really important",
        "teamwork is key",
        "i learned a lot from this experience",
        "always be open to other people's ideas",
        "it is important to stay calm under pressure",
        "i learned the importance of working together",
        "be more proactive",
        "you should always put the customer first",
        "i grew a lot as an engineer",
        "it taught me to never give up");

    /** Units' vectors kept (1.5 kB each): a few answers' worth. */

    private static final Lazy<ReflectionMeasurer> SHARED =
        new Lazy<>(() -> new ReflectionMeasurer(SentenceEncoder.shared()::encode));

    private final Function<String, float[]> encoder;
    private final List<float[]> platitudes;

    public ReflectionMeasurer(Function<String, float[]> encoder) {
        this.encoder = RememberingEncoder.of(encoder);
        this.platitudes = PLATITUDES.stream().map(encoder).toList();
    }

    /** The measurer on the process-wide encoder, made on first use. */
    public static ReflectionMeasurer shared() {
        return SHARED.get();
    }

    /**
     * Measures an answer's reflection (the words at {@code reflection}, in order) against its story.
     *
     * @param lexicalSpecific whether the word-overlap test already calls it specific
     * @param changedHabit    whether it names a habit changed since ("i now", "since then i", "whenever")
     * @param cardExample     the card's strong reflection, or null
     */
    public ReflectionJudge.Measures measure(Answer answer, List<Integer> reflection, boolean lexicalSpecific,
                                            boolean changedHabit, String cardExample) {
        List<Integer> story = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            if (answer.phases().get(i) != Phase.REFLECTION) {
                story.add(i);
            }
        }
        List<int[]> reflectionSpans = spans(answer, reflection);
        List<float[]> mine = encodeAll(answer, reflectionSpans);
        List<float[]> storyUnits = encodeAll(answer, spans(answer, story));
        float[] card = cardExample == null || cardExample.isBlank() ? null : encoder.apply(cardExample.toLowerCase());
        double closestPlatitude = -1, closestStory = -1, closestCard = -1, meanPlatitude = 0;
        int[] closestSpan = reflectionSpans.get(0);
        for (int u = 0; u < mine.size(); u++) {
            float[] r = mine.get(u);
            double unitPlatitude = closest(r, platitudes);
            if (unitPlatitude > closestPlatitude) {
                closestPlatitude = unitPlatitude;
                closestSpan = reflectionSpans.get(u);
            }
            meanPlatitude += unitPlatitude / mine.size();
            closestStory = Math.max(closestStory, closest(r, storyUnits));
            if (card != null) {
                closestCard = Math.max(closestCard, cosine(r, card));
            }
        }
        return new ReflectionJudge.Measures(lexicalSpecific ? 1 : 0, closestPlatitude, closestStory, closestCard, meanPlatitude,
            Math.log(reflection.size()), changedHabit ? 1 : 0, closestSpan);
    }

    /** The word spans [from, to) of the units that the given words (answer indices, in order) cut into. */
    private static List<int[]> spans(Answer answer, List<Integer> indices) {
        List<Word> words = new ArrayList<>(indices.size());
        indices.forEach(i -> words.add(answer.words().get(i)));
        List<int[]> out = new ArrayList<>();
        for (Unit u : UnitCutter.cut(words)) {
            out.add(new int[] {indices.get(u.from()), indices.get(u.to() - 1) + 1});
        }
        return out;
    }

    private List<float[]> encodeAll(Answer answer, List<int[]> spans) {
        List<float[]> out = new ArrayList<>(spans.size());
        for (int[] s : spans) {
            out.add(encoder.apply(String.join(" ", answer.tokens().subList(s[0], s[1]))));
        }
        return out;
    }

    private static double closest(float[] v, List<float[]> others) {
        double best = -1;
        for (float[] o : others) {
            best = Math.max(best, cosine(v, o));
        }
        return best;
    }

    /** Cosine of two unit-length vectors. */
    private static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
