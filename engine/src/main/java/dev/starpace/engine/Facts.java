package dev.starpace.engine;

import dev.starpace.engine.delivery.DeliveryRules;
import dev.starpace.engine.score.BarRaiser;
import dev.starpace.engine.score.Check;
import java.util.Arrays;
import java.util.List;

/**
 * The facts a person reads in more than one place — the good-pace band, each phase's title, each check's name, phase
 * and wording, the Strong Hire score — as the engine defines them, served to the web page (GET /api/facts) so the page
 * never writes them again.
 */
public record Facts(Pace pace, List<PhaseFact> phases, List<Check> checks, int strongHireScore) {
    /** The pace the pace check passes: words a minute, inclusive. */
    public record Pace(double slowest, double fastest) {
    }

    public record PhaseFact(Phase id, String title) {
    }

    public static Facts standard() {
        return new Facts(new Pace(DeliveryRules.SLOWEST_WPM, DeliveryRules.FASTEST_WPM),
            Arrays.stream(Phase.values()).map(p -> new PhaseFact(p, p.title())).toList(), Check.ALL, BarRaiser.STRONG_HIRE_SCORE);
    }
}
