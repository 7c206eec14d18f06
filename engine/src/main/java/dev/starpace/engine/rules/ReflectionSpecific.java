package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.text.Lexicon;
import dev.starpace.engine.text.PhraseTrie;
import dev.starpace.engine.text.SpokenText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reflection is specific to the story. Value {@code missing} when there is no reflection,
 * {@code specific} when it ties back to the story, {@code generic} when it is a platitude ("communication is
 * important"). The verdict is {@link ReflectionJudge}'s, learned from labelled answers over the word-overlap reading
 * (reused story words, the card's reflection phrases) and the sentence encoder's closeness to platitudes and to the
 * story; the evidence is the words that tie back, or the platitude.
 */
public final class ReflectionSpecific implements Rule {
    public static final String ID = "reflection-specific";
    public static final int MIN_WORDS = 5;
    static final int SPECIFIC_OVERLAP = 3;

    private static final PhraseTrie<Boolean> PLATITUDES = new PhraseTrie<Boolean>()
        .add("communication|communicate|communicating|teamwork|collaboration|collaborate|patience|listening", true)
        .add("is|are|was|it's really|very|super|so|quite|extremely important", true)
        .add("is|are|was|it's important", true)
        .add("importance of", true)
        .add("open to", true)
        .add("other people's|others opinions|ideas|perspectives|views", true)
        .add("learned a lot", true)
        .add("work|working together", true)
        .add("be more", true)
        .add("on the same page", true);

    /**
     * A habit changed since, in the speaker's own words: what a specific reflection names and a platitude does not
     * ("so now I write down an owner for every shared tool", "since then I check labels myself", "I still do that
     * whenever"). One measure of the judge's, so its weight is learned, not assumed.
     */
    private static final PhraseTrie<Boolean> CHANGED_HABIT = new PhraseTrie<Boolean>()
        .add("now i|we", true)
        .add("i|we now", true)
        .add("since then|that", true)
        .add("i|we still", true)
        .add("whenever|every time", true)
        .add("made it a rule", true)
        .add("i|i'd would have", true)
        .add("next time", true)
        .add("from then on", true)
        .add("these days", true);

    private final PhraseTrie<Boolean> cardPhrases = new PhraseTrie<>();
    private final String cardExample;
    private final ReflectionJudge judge;
    private final ReflectionMeasurer measurer;

    /** The rule with the shipped reflection model on the shared sentence encoder. */
    public ReflectionSpecific(Card card) {
        this(card, ReflectionJudge.builtIn(), ReflectionMeasurer.shared());
    }

    public ReflectionSpecific(Card card, ReflectionJudge judge, ReflectionMeasurer measurer) {
        this.judge = judge;
        this.measurer = measurer;
        this.cardExample = card.phase(Phase.REFLECTION).strongExample();
        List<String> phrases = new ArrayList<>();
        if (card.rules().reflectionPhrases() != null) {
            phrases.addAll(card.rules().reflectionPhrases());
        }
        phrases.addAll(card.phase(Phase.REFLECTION).keyPhrases());
        for (String p : phrases) {
            List<String> words = SpokenText.words(p);
            if (words.size() >= 2) {
                cardPhrases.add(words.toArray(String[]::new), true);
            }
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The judge's distance from its line; a reflection too short to judge is missing without it. */
    @Override
    public double margin(Answer answer) {
        List<Integer> reflection = answer.indicesOf(Phase.REFLECTION);
        if (reflection.size() < MIN_WORDS) {
            return 0.5;
        }
        Lexical lexical = lexical(answer, reflection);
        ReflectionJudge.Measures measures = measurer.measure(answer, reflection, lexical.specific(), lexical.changedHabit(),
            cardExample);
        return Math.abs(judge.specific(measures) - 0.5);
    }

    @Override
    public RuleResult check(Answer answer) {
        List<Integer> reflection = answer.indicesOf(Phase.REFLECTION);
        if (reflection.size() < MIN_WORDS) {
            return RuleResult.fail(ID, "missing", "No reflection: close with what you would do differently, tied to this story.", List.of());
        }
        Lexical lexical = lexical(answer, reflection);
        ReflectionJudge.Measures measures = measurer.measure(answer, reflection, lexical.specific(), lexical.changedHabit(),
            cardExample);
        if (judge.specific(measures) >= 0.5) {
            List<Evidence> evidence = lexical.ties().isEmpty()
                ? List.of(answer.evidence(reflection.get(0), reflection.get(reflection.size() - 1) + 1)) : lexical.ties();
            String because = lexical.ties().isEmpty() ? "" : " ("
                + String.join(", ", lexical.ties().stream().map(Evidence::text).limit(4).toList()) + ")";
            return RuleResult.pass(ID, "specific", "Your reflection is specific: it ties back to this story" + because + ".",
                evidence);
        }
        int[] closest = measures.closestPlatitudeSpan();
        List<Evidence> evidence = lexical.platitudes().isEmpty()
            ? List.of(answer.evidence(closest[0], closest[1])) : lexical.platitudes();
        return RuleResult.fail(ID, "generic", "Your reflection is generic: a lesson like \"communication is important\" tells the"
            + " interviewer nothing. Name what you would change in this story, and why.", evidence);
    }

    /**
     * The word-overlap reading of a reflection: specific when it uses the card's reflection phrases or reuses enough
     * of the story's own content words; its ties to the story and its platitude phrases as evidence.
     */
    public record Lexical(boolean specific, List<Evidence> ties, List<Evidence> platitudes, boolean changedHabit) {
    }

    /** The word-overlap reading of the reflection at {@code reflection} (answer indices, at least one). */
    public Lexical lexical(Answer answer, List<Integer> reflection) {
        Set<Integer> inReflection = new HashSet<>(reflection);
        Set<String> storyStems = new HashSet<>();
        for (int i = 0; i < answer.size(); i++) {
            if (!inReflection.contains(i) && isContent(answer.tokens().get(i))) {
                storyStems.add(Lexicon.stem(answer.tokens().get(i)));
            }
        }
        Map<String, Integer> tiedBack = new LinkedHashMap<>();
        for (int i : reflection) {
            String w = answer.tokens().get(i);
            if (isContent(w) && storyStems.contains(Lexicon.stem(w))) {
                tiedBack.putIfAbsent(Lexicon.stem(w), i);
            }
        }
        List<Evidence> ties = new ArrayList<>(hitsIn(cardPhrases, answer, inReflection).stream().distinct().toList());
        boolean cardHit = !ties.isEmpty();
        List<Evidence> platitudes = hitsIn(PLATITUDES, answer, inReflection);
        int overlap = tiedBack.size();
        tiedBack.values().forEach(i -> ties.add(answer.evidence(i, i + 1)));
        boolean specific = cardHit || overlap >= SPECIFIC_OVERLAP || overlap >= 2 && platitudes.isEmpty();
        return new Lexical(specific, List.copyOf(ties), platitudes, !hitsIn(CHANGED_HABIT, answer, inReflection).isEmpty());
    }

    private static boolean isContent(String w) {
        return w.length() >= 4 && !Lexicon.STOPWORDS.contains(w) && !Lexicon.isCardinal(w);
    }

    private static List<Evidence> hitsIn(PhraseTrie<Boolean> trie, Answer answer, Set<Integer> scope) {
        List<Evidence> out = new ArrayList<>();
        for (PhraseTrie.Hit<Boolean> hit : answer.find(trie)) {
            if (scope.contains(hit.from())) {
                out.add(answer.evidence(hit.from(), hit.to()));
            }
        }
        return out;
    }
}
