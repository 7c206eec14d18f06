package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import dev.starpace.engine.text.PhraseTrie;
import java.util.ArrayList;
import java.util.List;

/**
 * The Action is told with "I". Counts who does things in the Action: "I" against "we", "they" and
 * "the team" as subjects. Fails when the others take {@value #LIMIT} or more of the subjects, or "I" is absent.
 */
public final class ActionFirstPerson implements Rule {
    public static final String ID = "action-first-person";
    static final double LIMIT = 0.4;

    private static final PhraseTrie<Boolean> SUBJECTS = new PhraseTrie<Boolean>()
        .add("i|i'd|i've|i'm|i'll|myself", true)
        .add("we|we'd|we've|we're|we'll|they|they'd|they've|they're|they'll", false)
        .add("the|our|my|whole team #past", false)
        .add("the|our|my|whole team also|then|eventually|finally #past", false)
        .add("the two of them", false)
        .add("everyone|everybody #act", false);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(Answer answer) {
        List<Integer> action = answer.indicesOf(Phase.ACTION);
        if (action.isEmpty()) {
            return RuleResult.fail(ID, null, "No Action heard: walk through the steps you took yourself, each starting with \"I\".", List.of());
        }
        int mine = 0;
        List<Evidence> others = new ArrayList<>();
        for (PhraseTrie.Hit<Boolean> hit : SUBJECTS.findAll(answer.tokens())) {
            if (answer.phases().get(hit.from()) != Phase.ACTION) {
                continue;
            }
            if (hit.value()) {
                mine++;
            } else {
                others.add(answer.evidence(hit.from(), Math.min(hit.to() + 1, answer.size())));
            }
        }
        int total = mine + others.size();
        double share = total == 0 ? 0 : (double) others.size() / total;
        double value = Math.round(share * 100) / 100.0;
        if (mine == 0) {
            return RuleResult.fail(ID, value, "Your Action never says \"I\": say what you did yourself (\"I traced…\", \"I wrote…\").", others);
        }
        if (share >= LIMIT) {
            return RuleResult.fail(ID, value, "Your Action says \"we\" or \"they\" " + times(others.size()) + " and \"I\" "
                + times(mine) + ": the interviewer cannot see what you did. Say \"I\" for your own steps.", others);
        }
        return RuleResult.pass(ID, value, "Your Action is in the first person: \"I\" " + times(mine)
            + (others.isEmpty() ? "." : ", \"we\"/\"they\" " + times(others.size()) + "."), others);
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
