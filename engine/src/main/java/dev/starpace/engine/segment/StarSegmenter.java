package dev.starpace.engine.segment;

import dev.starpace.engine.Phase;
import dev.starpace.engine.transcript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Labels a finished answer with STAR phases using the learned model: cut into units, encode each unit, score its
 * phases from its vector, its neighbours', cues, grammar and its share of the answer, add the model's position prior
 * (the phase the unit's place alone suggests), then find the best phase
 * sequence under the chain's moves with exact Viterbi. Thread-safe; one instance serves every answer.
 */
public final class StarSegmenter {
    private static final Phase[] PHASES = Phase.values();

    private final StarModel model;
    private final Function<String, float[]> encoder;
    private final CueBook cues;

    /** @param encoder a unit's text to its sentence vector */
    public StarSegmenter(StarModel model, Function<String, float[]> encoder, CueBook cues) {
        this.model = model;
        this.encoder = encoder;
        this.cues = cues;
    }

    /** The shipped model, the shared encoder and the general cues. */
    public static StarSegmenter standard() {
        return new StarSegmenter(StarModel.builtIn(), SentenceEncoder.shared()::encode, CueBook.standard());
    }

    public StarModel model() {
        return model;
    }

    /** A phase for every word of a finished answer. */
    public List<Phase> label(List<Word> words) {
        return score(words).phases();
    }

    /**
     * How likely each phase is for every word of a finished answer, given all of it (the chain's posterior
     * marginals): where {@link #label} gives the single best labelling, this says how sure it is of each word.
     */
    public double[][] likelihoods(List<Word> words) {
        return score(words).likelihoods();
    }

    /** A finished answer cut into units and scored once, for its best labelling, its likelihoods, or both. */
    public Scored score(List<Word> words) {
        List<Unit> units = UnitCutter.cut(words);
        List<String> tokens = tokens(words);
        List<float[]> vectors = new ArrayList<>(units.size());
        for (Unit u : units) {
            vectors.add(encoder.apply(text(tokens, u)));
        }
        double[][] emissions = new double[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            double[] x = features(tokens, units, vectors, u, true, wholePlacement(words, units.get(u)), cues);
            emissions[u] = model.whole().emission(x);
        }
        return new Scored(model.whole(), units, model.prior().apply(emissions, units, words.size()), words.size());
    }

    /** A finished answer's units and each unit's phase scores under the whole-answer chain. */
    public record Scored(PhaseChain chain, List<Unit> units, double[][] emissions, int words) {
        /** The best labelling, a phase per word (Viterbi). */
        public List<Phase> phases() {
            return spread(units, UnitViterbi.decode(emissions, chain.open(), chain.move()), words);
        }

        /** Each word's phase likelihoods (forward-backward), shared by the words of a unit. */
        public double[][] likelihoods() {
            double[][] byUnit = UnitViterbi.marginals(emissions, chain.open(), chain.move());
            double[][] out = new double[words][];
            for (int u = 0; u < units.size(); u++) {
                for (int i = units.get(u).from(); i < units.get(u).to(); i++) {
                    out[i] = byUnit[u];
                }
            }
            return out;
        }
    }

    /** The features of unit {@code u} given the units' vectors; the next unit is seen only when {@code whole}. */
    public static double[] features(List<String> tokens, List<Unit> units, List<float[]> vectors, int u,
                                    boolean whole, UnitFeatures.Placement place, CueBook cues) {
        float[] next = whole && u + 1 < vectors.size() ? vectors.get(u + 1) : null;
        float[] previous = u == 0 ? null : vectors.get(u - 1);
        return UnitFeatures.of(tokens, units.get(u), vectors.get(u), previous, next, place, cues);
    }

    /**
     * Where a unit of a finished answer sits: its middle as a share of the answer's time, and nothing absolute — a
     * finished answer's phases are placed by its own length, whether it lasted 20 seconds or 4 minutes.
     */
    public static UnitFeatures.Placement wholePlacement(List<Word> words, Unit unit) {
        double start = words.get(0).start();
        double end = words.get(words.size() - 1).end();
        double middle = middle(words, unit);
        return new UnitFeatures.Placement((middle - start) / Math.max(1e-6, end - start), Double.NaN);
    }

    /**
     * Where a unit of an answer still being spoken sits: its middle as a share of the level's budget (all that is
     * known of the length), and seconds since the answer began ({@code answerStart}, its first word's start).
     */
    public static UnitFeatures.Placement livePlacement(List<Word> words, Unit unit, double answerStart,
                                                       double budgetSeconds) {
        double middle = middle(words, unit);
        return new UnitFeatures.Placement(middle / budgetSeconds, middle - answerStart);
    }

    private static double middle(List<Word> words, Unit unit) {
        return (words.get(unit.from()).start() + words.get(unit.to() - 1).end()) / 2;
    }

    public static List<String> tokens(List<Word> words) {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.word().toLowerCase());
        }
        return out;
    }

    public static String text(List<String> tokens, Unit unit) {
        return String.join(" ", tokens.subList(unit.from(), unit.to()));
    }

    /** Word labels from unit labels. */
    public static List<Phase> spread(List<Unit> units, int[] path, int words) {
        List<Phase> out = new ArrayList<>(words);
        for (int u = 0; u < units.size(); u++) {
            for (int i = units.get(u).from(); i < units.get(u).to(); i++) {
                out.add(PHASES[path[u]]);
            }
        }
        return out;
    }
}
