package dev.starpace.engine.bank;

import dev.starpace.engine.Level;
import dev.starpace.engine.Phase;
import dev.starpace.engine.rules.RuleSet;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a parsed card against the documented format, failing on the first problem with its field. */
final class CardValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final String source;

    CardValidator(String source) {
        this.source = source;
    }

    Card validate(Card card) {
        require(card.id() != null && ID.matcher(card.id()).matches(), "id",
            "must be lowercase letters, digits and dashes, e.g. customer-obsession-above-and-beyond");
        text(card.question(), "question");
        text(card.lp(), "lp");
        require(card.phases() != null, "phases", "missing; give all five: situation, task, action, result, reflection");
        for (Phase phase : Phase.values()) {
            Card.PhaseGuide guide = card.phases().get(phase);
            String field = "phases." + phase.id();
            require(guide != null, field, "missing");
            require(guide.targetSeconds() > 0 && guide.targetSeconds() <= 600, field + ".targetSeconds",
                "must be between 0 and 600 seconds, was " + guide.targetSeconds());
            require(guide.keyPhrases() != null && !guide.keyPhrases().isEmpty(), field + ".keyPhrases",
                "give at least one phrase that carries this phase");
            nonBlankItems(guide.keyPhrases(), field + ".keyPhrases");
        }
        List<Card.Probe> probes = card.probes() == null ? List.of() : card.probes();
        for (int i = 0; i < probes.size(); i++) {
            Card.Probe probe = probes.get(i);
            String field = "probes[" + i + "]";
            text(probe.question(), field + ".question");
            require(probe.weak() != null, field + ".weak", "missing");
            text(probe.weak().answer(), field + ".weak.answer");
            require(probe.strong() != null, field + ".strong", "missing");
            text(probe.strong().answer(), field + ".strong.answer");
        }
        List<Card.QuizQuestion> quiz = card.quiz() == null ? List.of() : card.quiz();
        for (int i = 0; i < quiz.size(); i++) {
            Card.QuizQuestion q = quiz.get(i);
            String field = "quiz[" + i + "]";
            text(q.question(), field + ".question");
            text(q.explanation(), field + ".explanation");
            if (q.options() != null) {
                require(q.answer() != null && q.answer() >= 0 && q.answer() < q.options().size(), field + ".answer",
                    "must be the index of one of the " + q.options().size() + " options");
            }
        }
        if (card.levels() != null) {
            for (var entry : card.levels().entrySet()) {
                Card.LevelVariant v = entry.getValue();
                String field = "levels." + entry.getKey().id();
                require(v.maxSeconds() > 0 && v.minSeconds() >= 0 && v.minSeconds() <= v.maxSeconds(),
                    field, "needs 0 <= minSeconds <= maxSeconds and maxSeconds > 0");
            }
        }
        require(card.rules() != null && card.rules().apply() != null, "rules.apply",
            "name the rules that apply, from: " + String.join(", ", RuleSet.CONTENT_RULE_IDS));
        for (String id : card.rules().apply()) {
            require(RuleSet.CONTENT_RULE_IDS.contains(id), "rules.apply",
                "unknown rule '" + id + "'; known: " + String.join(", ", RuleSet.CONTENT_RULE_IDS));
        }
        nonBlankItems(card.rules().scopePhrases(), "rules.scopePhrases");
        nonBlankItems(card.rules().disqualifierPhrases(), "rules.disqualifierPhrases");
        nonBlankItems(card.rules().reflectionPhrases(), "rules.reflectionPhrases");
        if (card.reflections() != null) {
            for (Level level : card.reflections().keySet()) {
                text(card.reflections().get(level), "reflections." + level.id());
            }
        }
        return card;
    }

    private void text(String value, String field) {
        require(value != null && !value.isBlank(), field, "missing or empty");
    }

    private void nonBlankItems(List<String> items, String field) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            require(items.get(i) != null && !items.get(i).isBlank(), field + "[" + i + "]", "empty phrase");
        }
    }

    private void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new CardException(source, field, reason);
        }
    }
}
