package dev.starpace.engine.segment.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.segment.PositionPrior;
import dev.starpace.engine.segment.PhaseChain;
import dev.starpace.engine.segment.PhaseClassifier;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import dev.starpace.engine.segment.StarSegmenter;
import dev.starpace.engine.segment.Unit;
import dev.starpace.engine.segment.UnitCutter;
import dev.starpace.engine.segment.UnitFeatures;
import dev.starpace.engine.segment.VectorFile;
import dev.starpace.engine.timing.Timing;
import dev.starpace.engine.transcript.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Trains the STAR model from labelled answers and measures it by cross-validation.
 *
 * <pre>
 * java -cp engine/target/classes:... dev.starpace.engine.segment.train.SegmenterTraining \
 *     --samples engine/src/test/resources/samples --corpus engine/corpus --out engine/src/main/resources/.../star-model.json
 * </pre>
 *
 * Deterministic: fixed seeds, fixed sums, one encoder thread. Each answer is trained on twice, timed as steady text and
 * as seeded speech (pauses missing or added); the classifier sees every unit as one example weighted by its words.
 * Cross-validation splits by answer: fold 0 is the ten shared samples, the rest is dealt into the other folds by a
 * seeded shuffle (or, {@code --by-writer}, one fold per writer's batch), so no answer is ever in both the training and
 * the test side of a fold.
 */
public final class SegmenterTraining {
    static final long SEED = 20261127L;
    static final int FOLDS = 5;
    /** The penalties the shipped model is fitted with (docs/segmentation.md, section 3). */
    static final Penalty PENALTY = new Penalty(0.01, 0.003);

    private static final int P = Phase.values().length;

    private final Function<String, float[]> encoder;
    private final CueBook cues = CueBook.standard();
    private final QuestionBank bank = QuestionBank.builtIn();

    public SegmenterTraining(Function<String, float[]> encoder) {
        this.encoder = encoder;
    }

    /** An answer cut into units, each with its vector, features and majority label. */
    record Prepared(LabelledAnswer answer, LabelledAnswer.Timed timed, List<Unit> units, int[] labels,
                    double[][] whole, double[][] live) {
    }

    Prepared prepare(LabelledAnswer answer, LabelledAnswer.Timed timed) {
        List<Word> words = timed.words();
        List<Unit> units = UnitCutter.cut(words);
        List<String> tokens = StarSegmenter.tokens(words);
        List<float[]> vectors = new ArrayList<>();
        for (Unit u : units) {
            vectors.add(encoder.apply(StarSegmenter.text(tokens, u)));
        }
        double budget = budgetSeconds(answer.level());
        int[] labels = new int[units.size()];
        double[][] whole = new double[units.size()][];
        double[][] live = new double[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            labels[u] = majority(timed.gold().subList(unit.from(), unit.to()));
            UnitFeatures.Placement place = StarSegmenter.wholePlacement(words, unit);
            if (without.contains("relative-only")) {
                place = new UnitFeatures.Placement(place.share(),
                    StarSegmenter.livePlacement(words, unit, words.get(0).start(), budget).sinceStart());
            }
            whole[u] = StarSegmenter.features(tokens, units, vectors, u, true, place, cues);
            live[u] = StarSegmenter.features(tokens, units, vectors, u, false,
                StarSegmenter.livePlacement(words, unit, words.get(0).start(), budget), cues);
            if (without.contains("signposts")) {
                UnitFeatures.clearSignposts(whole[u], cues);
                UnitFeatures.clearSignposts(live[u], cues);
            }
        }
        return new Prepared(answer, timed, units, labels, whole, live);
    }

    double budgetSeconds(Level level) {
        return Timing.budget(bank.defaultCard(), level)[1];
    }

    private static int majority(List<Phase> phases) {
        int[] count = new int[P];
        phases.forEach(p -> count[p.ordinal()]++);
        int best = 0;
        for (int p = 1; p < P; p++) {
            if (count[p] > count[best]) {
                best = p;
            }
        }
        return best;
    }

    /** An answer this long (words) or longer is also trained on condensed ({@link LabelledAnswer#condensed()}). */
    static final int CONDENSE_FROM = 120;

    /**
     * The training views of an answer: steady text timing and seeded speech timing, and for a long answer the same
     * story condensed to a typed answer's length, timed as text: the corpus's answers are mostly long, the people
     * using StarPace often are not, and a short answer's phases must not be read as a long one's opening.
     */
    List<Prepared> trainingViews(LabelledAnswer a) {
        return preparedViews.computeIfAbsent(a, this::prepareTrainingViews);
    }

    /**
     * Each answer's training views, prepared once: every cross-validation, the live one and the model on all answers
     * train on the same views (the settings they depend on are fixed before the first use).
     */
    private final Map<LabelledAnswer, List<Prepared>> preparedViews = new ConcurrentHashMap<>();

    private List<Prepared> prepareTrainingViews(LabelledAnswer a) {
        List<Prepared> out = new ArrayList<>(List.of(prepare(a, a.steady()), prepare(a, a.spoken(SEED))));
        if (!without.contains("condensed") && a.wordCount() >= CONDENSE_FROM) {
            LabelledAnswer brief = a.condensed();
            out.add(prepare(brief, brief.steady()));
        }
        if (tidyViews && a.wordCount() >= TIDY_FROM) {
            LabelledAnswer tidy = a.tidy();
            out.add(prepare(tidy, tidy.steady()));
        }
        return out;
    }

    /** An answer this long or longer is also trained on as a tidy typed answer when {@link #tidyViews}. */
    static final int TIDY_FROM = 80;
    /** Experiments (issue 20): a tidy typed view of each answer; each training view counting as one. */
    private boolean tidyViews;
    private boolean weighAnswers;
    /**
     * An experiment (issue 20): the position prior in a finished answer's decode, fitted on the training answers. Better
     * on the folds by genre, but with it (and the five new writers' answers) the rules lost on the held-out and noisy
     * recordings (docs/segmentation.md, section 3), so the shipped model has none.
     */
    private boolean positionPrior;

    SegmenterTraining weighAnswers(boolean on) {
        this.weighAnswers = on;
        return this;
    }

    SegmenterTraining positionPrior(boolean on) {
        this.positionPrior = on;
        return this;
    }

    SegmenterTraining tidyViews(boolean on) {
        this.tidyViews = on;
        return this;
    }

    /**
     * Parts of issue 20 left out, to measure what each is worth on the same folds
     * ({@code --without condensed,signposts,relative-only,relative-only}): the condensed training views, the signpost
     * features, or finished answers placed by relative position only (without it they see seconds since the start
     * again).
     */
    private java.util.Set<String> without = java.util.Set.of();

    /**
     * The live view's thresholds replayed by {@link #crossValidateLive}, each on the same fitted models
     * ({@code --steadiness SWITCH,RELABEL;SWITCH,RELABEL...}); the first is the one reported plainly.
     */
    private List<LiveStarSegmenter.Steadiness> steadiness = List.of(LiveStarSegmenter.STEADY);

    SegmenterTraining steadiness(List<LiveStarSegmenter.Steadiness> steadiness) {
        this.steadiness = List.copyOf(steadiness);
        return this;
    }

    SegmenterTraining without(java.util.Set<String> parts) {
        this.without = java.util.Set.copyOf(parts);
        return this;
    }

    /**
     * L2 penalties on the standardised emission weights: one for the 1,152 sentence-vector features (the unit's and
     * its neighbours'), one for the ~210 cue, grammar and position features. The vectors are many and each says
     * little, the rest are few and each was made to say something, so they are held back less; both chosen by
     * cross-validation (vectors over 0.003, 0.01, 0.03; the rest over 0.1, 0.3 and 1 times that).
     */
    record Penalty(double vectors, double rest) {
        double[] perFeature(int features) {
            double[] out = new double[features];
            for (int j = 0; j < features; j++) {
                out[j] = j < UnitFeatures.vectorFeatures(SentenceEncoder.DIMENSIONS) ? vectors : rest;
            }
            return out;
        }
    }

    /** Fits both chains; without {@code withLive} the live chain is the whole-answer one (cross-validation only scores that). */
    StarModel fit(List<Prepared> training, Penalty penalty, boolean withLive) {
        List<CrfFit.Sequence> whole = new ArrayList<>();
        List<CrfFit.Sequence> live = new ArrayList<>();
        double meanUnits = training.stream().mapToInt(a -> a.units().size()).average().orElse(1);
        for (Prepared a : training) {
            double[] byWords = CrfFit.byWords(a.units());
            double[] weight = byWords.clone();
            if (weighAnswers) {
                // an experiment (issue 20): each training view counts as much as the mean one, however many units it
                // has. Better on the folds by genre for short answers, but on the held-out recordings it cost the
                // reflection rule 3 points and the live chain 3.4 points of newest words right, so it is not shipped
                for (int u = 0; u < weight.length; u++) {
                    weight[u] *= meanUnits / weight.length;
                }
            }
            whole.add(new CrfFit.Sequence(a.whole(), a.labels(), weight));
            live.add(new CrfFit.Sequence(a.live(), a.labels(), byWords));
        }
        double[] perFeature = penalty.perFeature(whole.get(0).x()[0].length);
        // the two chains are independent fits: the live one on another thread (work-stealing, so folds fitted in a
        // parallel stream keep both cores busy), the same numbers as one after the other
        ForkJoinTask<PhaseChain> liveChain = withLive ? ForkJoinTask.adapt(() -> CrfFit.fit(live, perFeature)).fork() : null;
        PhaseChain wholeChain = CrfFit.fit(whole, perFeature);
        return new StarModel(StarModel.ENCODER, wholeChain, withLive ? liveChain.join() : wholeChain, PositionPrior.NONE);
    }

    /** What the position rule's phase adds to a unit's score in a finished answer's decode (docs/segmentation.md, section 3). */
    static final double PRIOR_WEIGHT = 0.5;

    /** The decode's position prior from the training answers: the position rule's cuts, and the short answers' own. */
    PositionPrior prior(List<LabelledAnswer> answers) {
        if (!positionPrior) {
            return PositionPrior.NONE;
        }
        return new PositionPrior(PositionRule.fit(answers).cuts(), shortRule(answers).cuts(), PRIOR_WEIGHT);
    }

    /** Both chains fitted on the training answers' views, with the prior from those answers. */
    StarModel fit(List<Prepared> training, List<LabelledAnswer> answers, Penalty penalty, boolean withLive) {
        return fit(training, penalty, withLive).withPrior(prior(answers));
    }

    /** Phases of a finished answer under a model (with its position prior), from the prepared features. */
    static List<Phase> decodeWhole(StarModel model, Prepared a) {
        return decodeWhole(model, a, DecodePriors.NONE, null); // no experiment's priors: the cues are not read
    }

    /** The same with the decode experiment's priors added to the chain's scores as well. */
    static List<Phase> decodeWhole(StarModel model, Prepared a, DecodePriors priors, CueBook cues) {
        double[][] emissions = new double[a.units().size()][];
        for (int u = 0; u < emissions.length; u++) {
            emissions[u] = model.whole().emission(a.whole()[u]);
        }
        int words = a.timed().words().size();
        emissions = priors.apply(model.prior().apply(emissions, a.units(), words), a.units(), words, a.whole(), cues);
        return new StarSegmenter.Scored(model.whole(), a.units(), emissions, words).phases();
    }

    /** The naive split: the answer's time cut by the card's target ratios (S 30, T 20, A 90, R 20, F 15). */
    static List<Phase> naiveSplit(List<Word> words) {
        double[] share = {30, 20, 90, 20, 15};
        double start = words.get(0).start();
        double length = words.get(words.size() - 1).end() - start;
        List<Phase> out = new ArrayList<>();
        for (Word w : words) {
            double at = (w.start() - start) / length * 175;
            int p = 0;
            double edge = share[0];
            while (p < P - 1 && at >= edge) {
                p++;
                edge += share[p];
            }
            out.add(Phase.values()[p]);
        }
        return out;
    }

    /** Fold of each answer: 0 for the shared samples, a seeded deal of the rest into 1..FOLDS-1. */
    static int[] folds(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        int[] fold = new int[samples.size() + corpus.size()];
        List<Integer> order = new ArrayList<>(IntStream.range(0, corpus.size()).boxed().toList());
        java.util.Collections.shuffle(order, new java.util.Random(SEED));
        for (int k = 0; k < order.size(); k++) {
            fold[samples.size() + order.get(k)] = 1 + k % (FOLDS - 1);
        }
        return fold;
    }

    /**
     * Fold of each answer by who wrote it: 0 for the shared samples, then one fold per batch, a batch being the id
     * without its number ("c-g05" and "c-g17" are one writer's; "extra-h3" the earlier tests'). A held-out answer's
     * writer is then never in training, as with the answers the product will meet.
     */
    static int[] foldsByWriter(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        return foldsBy(samples, corpus, LabelledAnswer::writer, null);
    }

    /**
     * Fold of each answer by its genre, each genre held out whole: a model is never tested on a kind of answer it
     * was trained on. The shared samples are two-minute spoken answers like the early corpus and go in its fold, 0.
     */
    static int[] foldsByGenre(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        return foldsBy(samples, corpus, LabelledAnswer::genre, LabelledAnswer.TWO_MINUTE_SPOKEN);
    }

    /** One fold per key of the corpus answers, numbered from 1 in key order; the samples take fold 0, with {@code samplesKey}'s answers. */
    private static int[] foldsBy(List<LabelledAnswer> samples, List<LabelledAnswer> corpus,
                                 Function<LabelledAnswer, String> key, String samplesKey) {
        int[] fold = new int[samples.size() + corpus.size()];
        Map<String, Integer> batches = new java.util.TreeMap<>();
        corpus.forEach(a -> batches.putIfAbsent(key.apply(a), 0));
        int k = 1;
        for (String batch : batches.keySet()) {
            batches.put(batch, batch.equals(samplesKey) ? 0 : k++);
        }
        for (int i = 0; i < corpus.size(); i++) {
            fold[samples.size() + i] = batches.get(key.apply(corpus.get(i)));
        }
        return fold;
    }

    /** The batch an answer's id names: its id without the trailing number. */
    static String writer(String id) {
        return id.replaceAll("\\d+$", "");
    }

    /** Every answer, its fold and its training views: what each fold trains on and what it holds out. */
    record Split(List<LabelledAnswer> all, int[] fold, List<List<Prepared>> views) {
        int folds() {
            return java.util.Arrays.stream(fold).max().orElse(0) + 1;
        }

        List<Prepared> training(int k) {
            List<Prepared> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (fold[i] != k) {
                    out.addAll(views.get(i));
                }
            }
            return out;
        }

        List<LabelledAnswer> trainingAnswers(int k) {
            return IntStream.range(0, all.size()).filter(i -> fold[i] != k).mapToObj(all::get).toList();
        }

        List<Integer> heldOut(int k) {
            return IntStream.range(0, all.size()).filter(i -> fold[i] == k).boxed().toList();
        }
    }

    Split split(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        List<LabelledAnswer> all = new ArrayList<>(samples);
        all.addAll(corpus);
        int[] fold = switch (foldBy) {
            case ANSWER -> folds(samples, corpus);
            case WRITER -> foldsByWriter(samples, corpus);
            case GENRE -> foldsByGenre(samples, corpus);
        };
        return new Split(all, fold, all.parallelStream().map(this::trainingViews).toList());
    }

    /** What cross-validation holds out together: a seeded deal of answers, one writer's batch, or one genre. */
    enum FoldBy { ANSWER, WRITER, GENRE }

    private FoldBy foldBy = FoldBy.ANSWER;

    SegmenterTraining foldBy(FoldBy foldBy) {
        this.foldBy = foldBy;
        return this;
    }

    /**
     * Cross-validated agreement of each method on each test view (time in the right phase), and the held-out
     * answers' words in the right phase, learned and position-only, per answer for breakdowns.
     */
    record Report(Map<String, Agreement> byMethodAndView, Map<String, Agreement> fold0, HeldOutScores words) {
    }

    /** The learned model's words, on the answer as read (steady text, as {@code analyze answer.txt} times it). */
    static final String LEARNED = "learned";
    /** The position-only rule's words, its cut points fitted on the same training side. */
    static final String POSITION = "position";

    /** Spoken versions of the answers, by id: held-out answers are also scored on what Vosk heard. */
    private Map<String, LabelledAnswer.Timed> spoken = Map.of();

    SegmenterTraining withSpoken(Map<String, LabelledAnswer.Timed> spoken) {
        this.spoken = spoken;
        return this;
    }

    Report crossValidate(List<LabelledAnswer> samples, List<LabelledAnswer> corpus, Penalty penalty) {
        Split split = split(samples, corpus);
        HeldOutScores words = new HeldOutScores();
        List<Map<String, List<Agreement>>> perFold = IntStream.range(0, split.folds()).parallel().mapToObj(k -> {
            StarModel model = fit(split.training(k), split.trainingAnswers(k), penalty, false);
            PositionRule position = PositionRule.fit(split.trainingAnswers(k));
            Map<String, List<Agreement>> out = new java.util.TreeMap<>();
            for (int i : split.heldOut(k)) {
                score(model, position, split.all().get(i), out, words);
            }
            return out;
        }).toList();
        return new Report(pooled(merged(perFold), Agreement::pooled), pooled(perFold.get(0), Agreement::pooled), words);
    }

    /** The folds' results, each key's lists joined. */
    private static <T> Map<String, List<T>> merged(List<Map<String, List<T>>> perFold) {
        Map<String, List<T>> out = new java.util.TreeMap<>();
        perFold.forEach(m -> m.forEach((key, list) -> out.computeIfAbsent(key, x -> new ArrayList<>()).addAll(list)));
        return out;
    }

    /** Each key's results pooled into one. */
    private static <T> Map<String, T> pooled(Map<String, List<T>> byKey, Function<List<T>, T> pool) {
        Map<String, T> out = new java.util.TreeMap<>();
        byKey.forEach((key, list) -> out.put(key, pool.apply(list)));
        return out;
    }

    /**
     * Scores one answer the model was not fitted on, in every test view, by the model and by the naive split; and its
     * words as read, by the model and by the position-only rule.
     */
    private void score(StarModel model, PositionRule position, LabelledAnswer a, Map<String, List<Agreement>> out,
                       HeldOutScores words) {
        LabelledAnswer.Timed read = a.steady();
        words.add(LEARNED, a, WordTally.of(read.gold(), decodeWhole(model, prepare(a, read))));
        words.add(POSITION, a, WordTally.of(read.gold(), position.label(a)));
        Map<String, LabelledAnswer.Timed> tests = new java.util.TreeMap<>(Map.of("steady", a.steady(),
            "no-pauses", a.withoutPauses(), "spoken", a.spoken(SEED + 1)));
        if (spoken.containsKey(a.id())) {
            tests.put("recognized", spoken.get(a.id()));
        }
        tests.forEach((view, timed) -> {
            Prepared p = prepare(a, timed);
            add(out, "learned " + view, Agreement.of(timed.words(), timed.gold(), decodeWhole(model, p)));
            add(out, "naive " + view, Agreement.of(timed.words(), timed.gold(), naiveSplit(timed.words())));
        });
    }

    /**
     * The model fitted on every training answer, scored on answers kept out of training altogether (written later,
     * by other writers, to another brief): a check that is not cross-validation on the answers it was tuned on.
     */
    Report heldOut(List<LabelledAnswer> samples, List<LabelledAnswer> corpus, List<LabelledAnswer> heldOut) {
        return heldOut(trainAll(samples, corpus), samples, corpus, heldOut); // scored on its whole-answer chain only
    }

    /**
     * {@code model} (the shipped one, say) scored on answers kept out of its training, beside the position-only rule fitted
     * on the training answers: a test set is checked without training anything.
     */
    Report heldOut(StarModel model, List<LabelledAnswer> samples, List<LabelledAnswer> corpus, List<LabelledAnswer> heldOut) {
        List<LabelledAnswer> training = new ArrayList<>(samples);
        training.addAll(corpus);
        PositionRule position = PositionRule.fit(training);
        Map<String, List<Agreement>> out = new java.util.TreeMap<>();
        HeldOutScores words = new HeldOutScores();
        heldOut.forEach(a -> score(model, position, a, out, words));
        return new Report(pooled(out, Agreement::pooled), Map.of(), words);
    }

    /**
     * Every text the figures encode, encoded once (into the vector cache when one is given): each answer's training
     * views and test views, and the answers kept out of training.
     */
    void encodeAll(List<LabelledAnswer> samples, List<LabelledAnswer> corpus, List<LabelledAnswer> heldOut) {
        List<LabelledAnswer> all = new ArrayList<>(samples);
        all.addAll(corpus);
        all.parallelStream().forEach(a -> {
            trainingViews(a);
            if (a.wordCount() >= TIDY_FROM) {
                prepare(a.tidy(), a.tidy().steady());
            }
        });
        all.addAll(heldOut);
        all.parallelStream().forEach(a -> {
            for (LabelledAnswer.Timed timed : List.of(a.steady(), a.withoutPauses(), a.spoken(SEED + 1))) {
                prepare(a, timed);
            }
            if (spoken.containsKey(a.id())) {
                prepare(a, spoken.get(a.id()));
            }
        });
    }

    private static final String POSITION_BY_LENGTH = "position by length";

    /** A decode of finished answers to compare on the same fitted models: the priors' weights (rule cuts per fold). */
    record Variant(double position, double signpost, boolean byLength) {
        DecodePriors with(PositionRule rule, PositionRule shortRule) {
            return new DecodePriors(new PositionPrior(rule.cuts(), byLength ? shortRule.cuts() : new double[0], position),
                signpost);
        }

        @Override
        public String toString() {
            return String.format("position %.1f%s signpost %.1f", position, byLength ? " by length" : "", signpost);
        }
    }

    /** The position rule for short answers: fitted on the training answers under 120 words and the others condensed. */
    static PositionRule shortRule(List<LabelledAnswer> answers) {
        return PositionRule.fit(answers.stream().map(a -> a.wordCount() < PositionPrior.SHORT ? a : a.condensed()).toList());
    }

    /** Each variant's words as read and time in the right phase per view, on held-out answers. */
    record VariantScores(HeldOutScores words, Map<String, List<Agreement>> views) {
        VariantScores() {
            this(new HeldOutScores(), new ConcurrentHashMap<>());
        }

        void add(String view, Agreement a) {
            views.computeIfAbsent(view, x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(a);
        }
    }

    /**
     * Decode variants on one fitted model per fold (by the fold rule chosen), then on the answers kept out of
     * training with the model fitted on all: one line per variant, words as read by length class and genre, the
     * views' time in the right phase, and the kept-out answers' figures.
     */
    void compareVariants(List<LabelledAnswer> samples, List<LabelledAnswer> corpus, List<LabelledAnswer> heldOut,
                         List<Variant> variants) {
        Split split = split(samples, corpus);
        List<VariantScores> folds = variants.stream().map(v -> new VariantScores()).toList();
        List<VariantScores> kept = variants.stream().map(v -> new VariantScores()).toList();
        // one more "fold" than the split has: the model fitted on every answer, scored on those kept out
        IntStream.range(0, split.folds() + 1).parallel().forEach(k -> {
            if (k == split.folds()) {
                StarModel model = fit(split.training(-1), PENALTY, false);
                PositionRule rule = PositionRule.fit(split.all());
                PositionRule shortRule = shortRule(split.all());
                heldOut.forEach(a -> scoreVariants(model, rule, shortRule, a, variants, kept));
            } else {
                StarModel model = fit(split.training(k), PENALTY, false);
                PositionRule rule = PositionRule.fit(split.trainingAnswers(k));
                PositionRule shortRule = shortRule(split.trainingAnswers(k));
                for (int i : split.heldOut(k)) {
                    scoreVariants(model, rule, shortRule, split.all().get(i), variants, folds);
                }
            }
            System.err.println("fold " + k + " done at " + java.time.LocalTime.now());
        });
        System.out.println("position only, folds: " + line(folds.get(0).words(), POSITION) + " || kept out: "
            + line(kept.get(0).words(), POSITION));
        System.out.println("position by length, folds: " + line(folds.get(0).words(), POSITION_BY_LENGTH)
            + " || kept out: " + line(kept.get(0).words(), POSITION_BY_LENGTH));
        for (int v = 0; v < variants.size(); v++) {
            System.out.println(variants.get(v) + " | folds " + line(folds.get(v).words(), LEARNED) + " | views "
                + views(folds.get(v)) + " || kept out " + line(kept.get(v).words(), LEARNED) + " | views "
                + views(kept.get(v)));
        }
    }

    private void scoreVariants(StarModel model, PositionRule rule, PositionRule shortRule, LabelledAnswer a,
                               List<Variant> variants, List<VariantScores> out) {
        Map<String, LabelledAnswer.Timed> tests = new java.util.TreeMap<>(Map.of("steady", a.steady(),
            "no-pauses", a.withoutPauses(), "spoken", a.spoken(SEED + 1)));
        if (spoken.containsKey(a.id())) {
            tests.put("recognized", spoken.get(a.id()));
        }
        Map<String, Prepared> prepared = new java.util.TreeMap<>();
        tests.forEach((view, timed) -> prepared.put(view, prepare(a, timed)));
        LabelledAnswer.Timed read = a.steady();
        for (int v = 0; v < variants.size(); v++) {
            DecodePriors priors = variants.get(v).with(rule, shortRule);
            VariantScores scores = out.get(v);
            scores.words().add(LEARNED, a, WordTally.of(read.gold(), decodeWhole(model, prepared.get("steady"), priors, cues)));
            scores.words().add(POSITION, a, WordTally.of(read.gold(), rule.label(a)));
            scores.words().add(POSITION_BY_LENGTH, a, WordTally.of(read.gold(),
                (a.wordCount() < PositionPrior.SHORT ? shortRule : rule).label(a)));
            tests.forEach((view, timed) -> scores.add(view, Agreement.of(timed.words(), timed.gold(),
                decodeWhole(model, prepared.get(view), priors, cues))));
        }
    }

    private static String line(HeldOutScores words, String method) {
        StringBuilder out = new StringBuilder();
        WordTally all = words.pooled(method);
        out.append(String.format("all %.1f (%.1f)", 100 * all.share(), 100 * all.mergedShare()));
        words.by(method, a -> (LengthClass.of(a.wordCount()).ordinal() + 1) + "").forEach((k, t) ->
            out.append(String.format(" L%s %.1f (%.1f)", k, 100 * t.share(), 100 * t.mergedShare())));
        words.by(method, LabelledAnswer::genre).forEach((k, t) ->
            out.append(String.format(" %s %.1f", k.length() > 8 ? k.substring(0, 8) : k, 100 * t.share())));
        return out.toString();
    }

    private static String views(VariantScores s) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(s.views()).forEach((view, list) -> {
            Agreement a = Agreement.pooled(list);
            out.append(String.format(" %s %.1f/%.2fs", view, 100 * a.timeInRightPhase(), a.medianDurationError()));
        });
        return out.toString();
    }

    /** Cross-validated live figures: each test answer replayed through the fold's live model. */
    Map<String, LiveReplay.Seen> crossValidateLive(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        Split split = split(samples, corpus);
        List<Map<String, List<LiveReplay.Seen>>> perFold = IntStream.range(0, split.folds()).parallel().mapToObj(k -> {
            StarModel model = fit(split.training(k), split.trainingAnswers(k), PENALTY, true);
            Map<String, List<LiveReplay.Seen>> out = new java.util.TreeMap<>();
            for (int i : split.heldOut(k)) {
                LabelledAnswer a = split.all().get(i);
                Map<Phase, Double> targets = Timing.targets(bank.defaultCard(), a.level());
                Map<String, LabelledAnswer.Timed> views = new java.util.TreeMap<>(Map.of("learned", a.spoken(SEED + 1)));
                if (spoken.containsKey(a.id())) {
                    views.put("learned, recognized", spoken.get(a.id()));
                }
                views.forEach((name, timed) -> {
                    List<Phase> report = decodeWhole(model, prepare(a, timed));
                    for (int v = 0; v < steadiness.size(); v++) {
                        String key = v == 0 ? name : name + " (" + steadiness.get(v) + ")";
                        out.computeIfAbsent(key, x -> new ArrayList<>()).add(LiveReplay.run(new LiveStarSegmenter(model,
                            encoder, cues, budgetSeconds(a.level()), steadiness.get(v)), timed.words(), timed.gold(),
                            report, targets));
                    }
                });
            }
            return out;
        }).toList();
        return pooled(merged(perFold), seen -> new LiveReplay.Seen(
            LiveWatch.Result.pooled(seen.stream().map(LiveReplay.Seen::watch).toList()),
            ScreenWatch.Result.pooled(seen.stream().map(LiveReplay.Seen::screen).toList())));
    }

    /** Per answer, held out: gold and predicted phase per unit, worst first, and a time-weighted confusion matrix. */
    void diagnose(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        Split split = split(samples, corpus);
        double[][] confusion = new double[P][P];
        List<String> lines = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int k = 0; k < split.folds(); k++) {
            StarModel model = fit(split.training(k), PENALTY, false);
            for (int i : split.heldOut(k)) {
                Prepared p = prepare(split.all().get(i), split.all().get(i).steady());
                List<Phase> predicted = decodeWhole(model, p);
                List<Word> words = p.timed().words();
                StringBuilder gold = new StringBuilder();
                StringBuilder pred = new StringBuilder();
                for (int w = 0; w < words.size(); w++) {
                    confusion[p.timed().gold().get(w).ordinal()][predicted.get(w).ordinal()] += Timing.wordSeconds(words, w);
                }
                for (Unit u : p.units()) {
                    gold.append(p.timed().gold().get(u.from()).letter());
                    pred.append(predicted.get(u.from()).letter());
                }
                double score = Agreement.of(words, p.timed().gold(), predicted).timeInRightPhase();
                scores.add(score);
                lines.add(String.format("%5.1f %% %-28s gold %s%n%37s pred %s", 100 * score, split.all().get(i).id(), gold, "", pred));
            }
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, lines.size()).boxed().toList());
        order.sort((a, b) -> Double.compare(scores.get(a), scores.get(b)));
        order.stream().limit(25).forEach(i -> System.out.println(lines.get(i)));
        System.out.println("seconds, rows gold, columns predicted (S T A R F):");
        for (int g = 0; g < P; g++) {
            StringBuilder row = new StringBuilder(Phase.values()[g].letter());
            for (int q = 0; q < P; q++) {
                row.append(String.format("%8.0f", confusion[g][q]));
            }
            System.out.println(row);
        }
    }

    private static void add(Map<String, List<Agreement>> out, String key, Agreement a) {
        out.computeIfAbsent(key, x -> new ArrayList<>()).add(a);
    }

    /**
     * The model trained on every answer, fitted once per set of answers: the rebuild check and the kept-out check
     * both need it, and it is the longest fit there is.
     */
    StarModel trainAll(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        return fittedOnAll.computeIfAbsent(List.of(List.copyOf(samples), List.copyOf(corpus)),
            k -> fit(trainingViews(samples, corpus), both(samples, corpus), PENALTY, true));
    }

    private static List<LabelledAnswer> both(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        List<LabelledAnswer> out = new ArrayList<>(samples);
        out.addAll(corpus);
        return out;
    }

    private final Map<List<List<LabelledAnswer>>, StarModel> fittedOnAll = new ConcurrentHashMap<>();

    /** The training views of every answer given. */
    private List<Prepared> trainingViews(List<LabelledAnswer> samples, List<LabelledAnswer> corpus) {
        List<Prepared> training = new ArrayList<>();
        for (LabelledAnswer a : samples) {
            training.addAll(trainingViews(a));
        }
        for (LabelledAnswer a : corpus) {
            training.addAll(trainingViews(a));
        }
        return training;
    }

    /** The model as its resource file: numbers to six significant digits, so the file is small and diffs stay readable. */
    public static String write(StarModel m) {
        PositionPrior p = m.prior();
        StarModel rounded = new StarModel(m.encoder(), round(m.whole()), round(m.live()),
            new PositionPrior(round(p.cuts()), round(p.shortCuts()), p.weight()));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rounded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PhaseChain round(PhaseChain c) {
        return new PhaseChain(round(c.emissions()), round(c.open()), round(c.move()));
    }

    private static PhaseClassifier round(PhaseClassifier c) {
        return new PhaseClassifier(round(c.mean()), round(c.scale()), round(c.weights()));
    }

    private static double[][] round(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = round(rows[i]);
        }
        return out;
    }

    /** Numbers to six significant digits: a model file stays small and its diffs readable. */
    public static double[] round(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new java.math.BigDecimal(values[i]).round(new java.math.MathContext(6)).doubleValue();
        }
        return out;
    }

    /** Encodes through the shared encoder, remembering each text's vector (in {@code file} too, when given, for quicker reruns). */
    static Function<String, float[]> caching(Function<String, float[]> encoder, Path file) {
        Map<String, float[]> cache = new ConcurrentHashMap<>(file == null ? Map.of() : VectorFile.read(file));
        if (file != null) {
            VectorFile.writeAtExit(file, cache);
        }
        return text -> cache.computeIfAbsent(text, encoder);
    }

    public static void main(String[] args) throws IOException {
        List<LabelledAnswer> samples = new ArrayList<>();
        List<LabelledAnswer> corpus = new ArrayList<>();
        List<LabelledAnswer> heldOut = new ArrayList<>();
        Path out = null;
        boolean cv = false;
        boolean search = false;
        boolean live = false;
        boolean diagnose = false;
        List<LabelledAnswer> check = new ArrayList<>();
        boolean encode = false;
        boolean tidy = false;
        boolean weigh = false;
        boolean prior = false;
        List<Variant> variants = new ArrayList<>();
        FoldBy foldBy = FoldBy.ANSWER;
        Path recognized = null;
        Path cache = null;
        java.util.Set<String> without = java.util.Set.of();
        List<LiveStarSegmenter.Steadiness> steadiness = List.of(LiveStarSegmenter.STEADY);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples" -> samples.addAll(LabelledAnswer.readAll(Path.of(args[++i])));
                case "--corpus" -> corpus.addAll(LabelledAnswer.readAll(Path.of(args[++i])));
                case "--held-out" -> heldOut.addAll(LabelledAnswer.readAll(Path.of(args[++i])));
                case "--out" -> out = Path.of(args[++i]);
                case "--cv" -> cv = true;
                case "--search" -> search = true;
                case "--live" -> live = true;
                case "--diagnose" -> diagnose = true;
                case "--check" -> check.addAll(LabelledAnswer.readAll(Path.of(args[++i])));
                case "--encode" -> encode = true;
                case "--tidy" -> tidy = true;
                case "--weigh-answers" -> weigh = true;
                case "--position-prior" -> prior = true;
                case "--variants" -> {
                    for (String variant : args[++i].split(";")) {
                        String[] t = variant.split(",");
                        variants.add(new Variant(Double.parseDouble(t[0]), Double.parseDouble(t[1]),
                            t.length > 2 && t[2].equals("short")));
                    }
                }
                case "--by-writer" -> foldBy = FoldBy.WRITER;
                case "--by-genre" -> foldBy = FoldBy.GENRE;
                case "--spoken" -> recognized = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--without" -> without = java.util.Set.of(args[++i].split(","));
                case "--steadiness" -> {
                    steadiness = new ArrayList<>();
                    for (String variant : args[++i].split(";")) {
                        String[] t = variant.split(",");
                        steadiness.add(new LiveStarSegmenter.Steadiness(Double.parseDouble(t[0]), Double.parseDouble(t[1])));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                    + " (expected --samples DIR --corpus DIR... [--held-out DIR] [--out FILE] [--spoken DIR] [--cv] [--live] [--search] [--by-writer | --by-genre] [--without condensed,signposts,relative-only] [--steadiness SWITCH,RELABEL;...] [--cache FILE] [--encode] [--variants POSITION,SIGNPOST[,short];...] [--tidy] [--weigh-answers] [--position-prior] [--check DIR])");
            }
        }
        SegmenterTraining training = new SegmenterTraining(caching(SentenceEncoder.shared()::encode, cache)).foldBy(foldBy).without(without)
            .steadiness(steadiness).tidyViews(tidy).weighAnswers(weigh).positionPrior(prior);
        if (recognized != null) {
            training.withSpoken(LabelledAnswer.readSpoken(recognized));
            System.out.printf("%d answers also spoken by festival and recognised by Vosk%n", training.spoken.size());
        }
        System.out.printf("%d shared samples (fold 0), %d corpus answers%n", samples.size(), corpus.size());
        if (encode) {
            training.encodeAll(samples, corpus, heldOut);
            System.out.println("encoded every text the figures use");
        }
        if (!variants.isEmpty()) {
            training.compareVariants(samples, corpus, heldOut, variants);
        }
        if (search) {
            for (double vectors : new double[] {0.003, 0.01, 0.03}) {
                for (double share : new double[] {0.1, 0.3, 1}) {
                    Report r = training.crossValidate(samples, corpus, new Penalty(vectors, share * vectors));
                    System.out.printf("penalty %.3f, rest %.4f: steady %s | spoken %s | no-pauses %s | recognized %s%n",
                        vectors, share * vectors, r.byMethodAndView().get("learned steady"),
                        r.byMethodAndView().get("learned spoken"), r.byMethodAndView().get("learned no-pauses"),
                        r.byMethodAndView().get("learned recognized"));
                }
            }
        }
        if (!check.isEmpty()) {
            // a test set checked against the model as shipped: nothing is trained or written
            System.out.println("the shipped model on " + check.size() + " answers (position-only rule fitted on the training answers):");
            Report r = training.heldOut(StarModel.builtIn(), samples, corpus, check);
            r.byMethodAndView().forEach((k, v) -> System.out.printf("  %-20s %s%n", k, v));
            System.out.print(r.words().table(LEARNED, POSITION));
            return;
        }
        if (cv) {
            Report r = training.crossValidate(samples, corpus, PENALTY);
            System.out.println("cross-validated, all folds:");
            r.byMethodAndView().forEach((k, v) -> System.out.printf("  %-20s %s%n", k, v));
            System.out.println("fold 0 (the shared samples, never trained on in this fold):");
            r.fold0().forEach((k, v) -> System.out.printf("  %-20s %s%n", k, v));
            System.out.println("words in the right phase, held out (" + foldBy + " folds), as read; in brackets Result"
                + " and Reflection as one; position-only rule fitted on the same training side:");
            System.out.print(r.words().table(LEARNED, POSITION));
        }
        if (cv && !heldOut.isEmpty()) {
            System.out.println("held out of training altogether (" + heldOut.size() + " answers), model fitted on all the rest:");
            Report r = training.heldOut(samples, corpus, heldOut);
            r.byMethodAndView().forEach((k, v) -> System.out.printf("  %-20s %s%n", k, v));
            System.out.print(r.words().table(LEARNED, POSITION));
        }
        if (diagnose) {
            training.diagnose(samples, corpus);
        }
        if (live) {
            System.out.println("live view, cross-validated, answers timed as speech, against the final report:");
            training.crossValidateLive(samples, corpus).forEach((k, v) -> System.out.printf("  %-20s %s%n  %-20s %s%n",
                k, v.watch(), "", v.screen()));
        }
        if (out != null) {
            Files.writeString(out, write(training.trainAll(samples, corpus)));
            System.out.println("wrote " + out);
        }
    }
}
