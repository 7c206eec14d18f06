package dev.starpace.engine.segment.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.LiveStarSegmenter;
import dev.starpace.engine.segment.LiveView;
import dev.starpace.engine.segment.SentenceEncoder;
import dev.starpace.engine.segment.StarModel;
import dev.starpace.engine.segment.StarSegmenter;
import dev.starpace.engine.timing.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live view as a person sees it ({@link ScreenWatch}, issue 20 item 5) on many more answers than the three spoken
 * fixtures: every festival + Vosk transcript in {@code corpus/spoken} replayed as the recognizer delivers it through
 * the shipped model and {@link LiveView}. The answers fall in three sets, so that live settings are chosen on answers
 * that are neither the fixtures ({@code LiveScreenTest}) nor those kept out of training ({@code corpus/held-out}), and
 * those two are read once at the end:
 * <ul>
 *   <li>{@code choose}: the rest (the corpus's spoken answers and the shared samples; the model was trained on their
 *   text, so the labelling there flatters the live chain — the choices are between display settings);</li>
 *   <li>{@code held-out}: the spoken versions of the held-out answers;</li>
 *   <li>{@code fixtures}: the fixtures' festival transcripts (LiveScreenTest streams their audio instead).</li>
 * </ul>
 * Usage: {@code SpokenScreens --spoken DIR --held-out DIR [--set choose|held-out|fixtures] [--view LAG,SURE,SWITCH[,HOLD]]...};
 * each {@code --view} is measured on the same answers (the sentence vectors shared between them).
 */
public final class SpokenScreens {
    /** The spoken fixtures LiveScreenTest streams (server module, Fixtures.ids()). */
    static final Set<String> FIXTURES = Set.of("seed-strong", "seed-weak", "03-search-ranking-regression");

    /** A live setting to measure: the view's lag and certainty, the labeller's switch threshold. */
    record View(double lag, double sure, double switchAt, double holdBelow) {
        static final View SHIPPED = new View(LiveView.LAG, LiveView.SURE, LiveStarSegmenter.SWITCH, 0);

        static View parse(String text) {
            String[] t = text.split(",");
            return new View(Double.parseDouble(t[0]), Double.parseDouble(t[1]), Double.parseDouble(t[2]),
                t.length > 3 ? Double.parseDouble(t[3]) : 0);
        }

        @Override
        public String toString() {
            return "lag " + lag + " s, sure " + sure + ", switch " + switchAt + ", hold below " + holdBelow;
        }
    }

    private record Spoken(String id, Level level, LabelledAnswer.Timed timed) {
    }

    private SpokenScreens() {
    }

    public static void main(String[] args) throws IOException {
        Path spokenDir = null;
        Path heldOutDir = null;
        String set = "choose";
        List<View> views = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--spoken" -> spokenDir = Path.of(args[++i]);
                case "--held-out" -> heldOutDir = Path.of(args[++i]);
                case "--set" -> set = args[++i];
                case "--view" -> views.add(View.parse(args[++i]));
                default -> {
                    System.err.println("unknown argument '" + args[i] + "' (expected --spoken DIR --held-out DIR"
                        + " [--set choose|held-out|fixtures] [--view LAG,SURE,SWITCH[,HOLD]]...)");
                    System.exit(2);
                }
            }
        }
        if (spokenDir == null || heldOutDir == null) {
            System.err.println("give --spoken DIR and --held-out DIR");
            System.exit(2);
        }
        if (views.isEmpty()) {
            views.add(View.SHIPPED);
        }
        Set<String> heldOut = LabelledAnswer.readAll(heldOutDir).stream().map(LabelledAnswer::id)
            .collect(Collectors.toSet());
        List<Spoken> answers = answers(spokenDir, set, heldOut);
        System.out.printf("%d spoken answers in the '%s' set%n", answers.size(), set);
        Function<String, float[]> encoder = SegmenterTraining.caching(SentenceEncoder.shared()::encode, null);
        StarModel model = StarModel.builtIn();
        for (View v : views) {
            List<LiveReplay.Seen> seen = measure(model, encoder, answers, v);
            System.out.printf("%s: %s; %s%n", v,
                ScreenWatch.Result.pooled(seen.stream().map(LiveReplay.Seen::screen).toList()),
                LiveWatch.Result.pooled(seen.stream().map(LiveReplay.Seen::watch).toList()));
        }
    }

    /** Each answer replayed through its own live view with setting {@code v}. */
    static List<LiveReplay.Seen> measure(StarModel model, Function<String, float[]> encoder, List<Spoken> answers, View v) {
        CueBook cues = CueBook.standard();
        var card = QuestionBank.builtIn().defaultCard();
        StarSegmenter whole = new StarSegmenter(model, encoder, cues);
        return answers.parallelStream().map(a -> {
            Map<Phase, Double> targets = Timing.targets(card, a.level());
            LiveStarSegmenter live = new LiveStarSegmenter(model, encoder, cues, Timing.budget(card, a.level())[1],
                new LiveStarSegmenter.Steadiness(v.switchAt(), 0));
            List<Phase> report = whole.label(a.timed().words());
            return LiveReplay.run(new LiveView(live, targets, v.lag(), v.sure(), v.holdBelow()), a.timed().words(), a.timed().gold(),
                report, targets);
        }).toList();
    }

    private static List<Spoken> answers(Path dir, String set, Set<String> heldOut) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Spoken> out = new ArrayList<>();
        for (Map.Entry<String, LabelledAnswer.Timed> e : LabelledAnswer.readSpoken(dir).entrySet()) {
            String id = e.getKey();
            String in = FIXTURES.contains(id) ? "fixtures" : heldOut.contains(id) ? "held-out" : "choose";
            if (!in.equals(set)) {
                continue;
            }
            JsonNode level = json.readTree(dir.resolve(id + ".json").toFile()).get("level");
            out.add(new Spoken(id, level == null || level.isNull() ? Level.SDE2 : Level.parse(level.asText()),
                e.getValue()));
        }
        return out;
    }
}
