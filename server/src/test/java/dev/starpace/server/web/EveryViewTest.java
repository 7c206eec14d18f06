package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Every view at a desktop's width and a phone's: nothing scrolls sideways, and a screenshot of each to look at. */
class EveryViewTest extends BrowserCase {
    @Test
    void everyViewFitsADesktopAndAPhone() {
        AtomicReference<String> spoken = new AtomicReference<>();
        AtomicReference<String> written = new AtomicReference<>();
        serve(s -> {
            spoken.set(s.spoken("seed-strong"));
            written.set(s.written(CandidateDefectsTest.ONE_GAP));
        });
        Map<String, String[]> views = views(spoken.get(), written.get());
        Browser b = browser(Browser.DESKTOP);
        List<String> tooWide = new ArrayList<>();
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            b.width(width);
            for (Map.Entry<String, String[]> v : views.entrySet()) {
                b.open(base() + v.getValue()[0]);
                b.waitFor(v.getValue()[1]);
                if (b.pageWidth() > width) {
                    tooWide.add(v.getKey() + " at " + width + ": " + b.pageWidth() + " px");
                }
                b.shot("view-" + v.getKey() + "-" + width);
            }
        }
        assertEquals(List.of(), tooWide);
    }

    /** Every view, by name: its route, and what shows it has drawn. {@code spoken} and {@code written} are two takes of the seed. */
    static Map<String, String[]> views(String spoken, String written) {
        String q = "#/q/" + Seeds.SEED;
        Map<String, String[]> views = new LinkedHashMap<>();
        views.put("picker", new String[] {"#/", "#question-list .question"});
        views.put("study", new String[] {q + "/study?level=sde2", ".quiz"});
        views.put("practice", new String[] {q + "/practice?level=sde2", "#start-answer"});
        views.put("write", new String[] {q + "/write?level=sde2", "#typed-answer"});
        views.put("mock", new String[] {q + "/mock?level=sde2", "#begin-mock"});
        views.put("report", new String[] {"#/attempt/" + spoken, "#answer-timeline"});
        views.put("written-report", new String[] {"#/attempt/" + written, "#answer-timeline"});
        views.put("history", new String[] {"#/history", ".progress-chart"});
        views.put("compare", new String[] {"#/compare/" + spoken + "/" + written, "#compare-table"});
        views.put("stories", new String[] {"#/stories", "#story-form"});
        return views;
    }
}
