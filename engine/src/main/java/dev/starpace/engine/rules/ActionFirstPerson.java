package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import dev.starpace.engine.text.Hesitations;
import dev.starpace.engine.text.PhraseTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Action is told with "I". Counts who does things in the Action: "I" against "we", "they" and "the team" as
 * subjects, and who comes before a verb that does something ("we deleted", "my manager took it"). Fails when
 * {@link ActionJudge}, learned from labelled answers over those counts, says the others carry the Action, or "I" is
 * absent.
 */
public final class ActionFirstPerson implements Rule {
    public static final String ID = "action-first-person";

    private static final PhraseTrie<Boolean> SUBJECTS = new PhraseTrie<Boolean>()
        .add("i|i'd|i've|i'm|i'll|myself", true)
        .add("we|we'd|we've|we're|we'll|they|they'd|they've|they're|they'll", false)
        .add("the|our|my|whole team #past", false)
        .add("the|our|my|whole team also|then|eventually|finally #past", false)
        .add("the two of them", false)
        .add("everyone|everybody #act", false);

    /** Who does something: a subject right before a past-tense action verb, or one word before it ("we then ran"). */
    private static final String OTHERS = "we|they|he|she|everyone|everybody";
    private static final String PEOPLE = "team|manager|lead|pm|director|boss|vp|cto";
    private static final String THEN = "also|then|both|all|just|finally|eventually|together";
    private static final PhraseTrie<Boolean> ACTING = new PhraseTrie<Boolean>()
        .add("i #act", true)
        .add("i " + THEN + " #act", true)
        .add(OTHERS + " #act", false)
        .add(OTHERS + " " + THEN + " #act", false)
        .add("the|our|my|whole|tech|team " + PEOPLE + " #act", false)
        .add("the|our|my|whole|tech|team " + PEOPLE + " " + THEN + " #act", false);

    private final ActionJudge judge;

    /** The rule with the shipped Action model. */
    public ActionFirstPerson() {
        this(ActionJudge.builtIn());
    }

    public ActionFirstPerson(ActionJudge judge) {
        this.judge = judge;
    }

    /** Who does things in an Action: the speaker's subjects, the others' (as evidence), and the judge's measures. */
    public record Count(int mine, List<Evidence> others, ActionJudge.Measures measures) {
    }

    /** Counts the subjects in the answer's Action. */
    public static Count count(Answer answer) {
        int mine = 0;
        List<Evidence> others = new ArrayList<>();
        Set<Integer> shown = new HashSet<>();
        double[] gaps = answer.gapsAfter();
        for (PhraseTrie.Hit<Boolean> hit : SUBJECTS.findAll(answer.tokens())) {
            // an "um" the recognizer wrote as "i'm" is not the speaker owning a step
            if (answer.phases().get(hit.from()) != Phase.ACTION || Hesitations.at(answer.tokens(), gaps, hit.from())) {
                continue;
            }
            if (hit.value()) {
                mine++;
            } else {
                others.add(answer.evidence(hit.from(), Math.min(hit.to() + 1, answer.size())));
                shown.add(hit.from());
            }
        }
        int subjects = mine + others.size();
        double share = subjects == 0 ? 0 : (double) others.size() / subjects;
        double logOthers = Math.log1p(others.size());
        int mineActing = 0;
        int othersActing = 0;
        for (PhraseTrie.Hit<Boolean> hit : ACTING.findAll(answer.tokens())) {
            if (answer.phases().get(hit.from()) != Phase.ACTION) {
                continue;
            }
            if (hit.value()) {
                mineActing++;
            } else {
                othersActing++;
                if (!shown.contains(hit.from()) && !shown.contains(hit.from() + 1)) {
                    others.add(answer.evidence(hit.from(), hit.to()));   // "my manager took", "he fixed"
                }
            }
        }
        others.sort(Comparator.comparingDouble(Evidence::start));
        int acting = mineActing + othersActing;
        return new Count(mine, others, new ActionJudge.Measures(share, acting == 0 ? 0 : (double) othersActing / acting,
            Math.log1p(mine), logOthers));
    }

    @Override
    public String id() {
        return ID;
    }

    /** The judge's distance from its line; an Action missing or without "I" fails without it. */
    @Override
    public double margin(Answer answer) {
        if (!answer.has(Phase.ACTION)) {
            return 0.5;
        }
        Count count = count(answer);
        return count.mine() == 0 ? 0.5 : Math.abs(judge.others(count.measures()) - 0.5);
    }

    @Override
    public RuleResult check(Answer answer) {
        if (!answer.has(Phase.ACTION)) {
            return RuleResult.fail(ID, null, "No Action heard: walk through the steps you took yourself, each starting with \"I\".", List.of());
        }
        Count count = count(answer);
        int mine = count.mine();
        List<Evidence> others = count.others();
        double value = Math.round(count.measures().share() * 100) / 100.0;
        if (mine == 0) {
            return RuleResult.fail(ID, value, "Your Action never says \"I\": say what you did yourself (\"I traced…\", \"I wrote…\").", others);
        }
        if (judge.others(count.measures()) >= 0.5) {
            return RuleResult.fail(ID, value, "Your Action says \"we\", \"they\" or someone else " + times(others.size()) + " and \"I\" "
                + times(mine) + ": the interviewer cannot see what you did. Say \"I\" for your own steps.", others);
        }
        return RuleResult.pass(ID, value, "Your Action is in the first person: \"I\" " + times(mine)
            + (others.isEmpty() ? "." : ", \"we\"/\"they\" " + times(others.size()) + "."), others);
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
