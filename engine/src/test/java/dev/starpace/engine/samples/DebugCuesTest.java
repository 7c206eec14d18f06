package dev.starpace.engine.samples;

import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.OnlineSegmenter;
import dev.starpace.engine.text.PhraseTrie;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugCuesTest {
    @Test
    void dump() {
        Analyzer analyzer = new Analyzer(QuestionBank.builtIn());
        CueBook book = CueBook.standard();
        for (String id : System.getProperty("ids", "seed-strong").split(",")) {
            LabelledSample s = LabelledSample.load(id);
            OnlineSegmenter seg = analyzer.segmenter(analyzer.bank().defaultCard());
            s.words().forEach(seg::accept);
            List<String> toks = s.words().stream().map(w -> w.word()).toList();
            System.out.println("=== " + id);
            for (int i = 0; i < toks.size(); i++) {
                List<PhraseTrie.Hit<CueBook.Cue>> hits = new ArrayList<>();
                book.endingAt(toks, i, 0, hits);
                StringBuilder h = new StringBuilder();
                for (var x : hits) h.append(" ").append(x.value().phase().letter()).append(x.value().weight()).append("[").append(String.join(" ", toks.subList(x.from(), x.to()))).append("]");
                Phase g = s.gold().get(i), p = seg.phaseOf(i);
                System.out.printf("%s %s %s %-18s %s%n", g.letter(), p.letter(), g == p ? " " : "X", toks.get(i), h);
            }
        }
    }
}
