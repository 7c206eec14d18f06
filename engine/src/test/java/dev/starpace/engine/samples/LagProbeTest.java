package dev.starpace.engine.samples;

import dev.starpace.engine.segment.CueBook;
import dev.starpace.engine.segment.OnlineSegmenter;
import dev.starpace.engine.segment.PhaseModel;
import org.junit.jupiter.api.Test;

class LagProbeTest {
    @Test
    void probe() {
        LabelledSample s = LabelledSample.load(System.getProperty("id", "02-mobile-launch-crash"));
        for (int lag : new int[] {48, 100, 1000}) {
            OnlineSegmenter seg = new OnlineSegmenter(CueBook.standard(), new PhaseModel(), lag);
            s.words().forEach(seg::accept);
            StringBuilder b = new StringBuilder();
            seg.phases().forEach(p -> b.append(p.letter()));
            System.out.println(lag + " " + b);
        }
    }
}
