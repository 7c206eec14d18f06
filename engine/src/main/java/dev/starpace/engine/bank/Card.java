package dev.starpace.engine.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import java.util.List;
import java.util.Map;

/**
 * One question card: everything StarPace coaches, times and checks for one behavioural question.
 * The format is documented in docs/card-format.md; {@link CardValidator} enforces it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record Card(
    String id,
    String title,
    String lp,
    String question,
    Scenario scenario,
    Map<Phase, PhaseGuide> phases,
    Map<Level, String> reflections,
    List<Probe> probes,
    WeakAnswer weakAnswer,
    List<QuizQuestion> quiz,
    List<LpAngle> lpAngles,
    Map<Level, LevelVariant> levels,
    RuleSettings rules) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scenario(String overview, String summary) {
    }

    /** How one phase should sound: its target time, a strong example, the phrases that carry it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhaseGuide(double targetSeconds, String strongExample, List<String> keyPhrases, String coaching,
                             String commonMistake) {
    }

    /** A follow-up an interviewer asks, what it tests, and how a weak and a strong answer sound. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Probe(String question, String probes, ProbeAnswer weak, ProbeAnswer strong) {
    }

    /** A probe answer; {@code why} explains a weak one, {@code keyLine} sums up a strong one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProbeAnswer(String answer, String why, String keyLine) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WeakAnswer(String text, List<String> flags, String barRaiser) {
    }

    /** {@code answer} is the index of the right option. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuizQuestion(String question, List<String> options, Integer answer, String explanation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LpAngle(String lp, String leadWith, String emphasize, String downplay) {
    }

    /** What a level expects: the time budget, the focus, the reflection and the bar. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LevelVariant(double minSeconds, double maxSeconds, String focus, String reflection, String bar) {
    }

    /** Which rules apply to this card and the card's own phrases for them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleSettings(List<String> apply, List<String> scopePhrases, List<String> disqualifierPhrases,
                               List<String> reflectionPhrases) {
    }

    public PhaseGuide phase(Phase phase) {
        return phases.get(phase);
    }
}
