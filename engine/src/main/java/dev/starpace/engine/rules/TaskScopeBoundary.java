package dev.starpace.engine.rules;

import dev.starpace.engine.Phase;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.text.PhraseTrie;
import dev.starpace.engine.text.SpokenText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Task says outright that the work was outside the speaker's remit or unasked. Looks for a negated
 * claim of ownership ("not my team", "wasn't my job"), an absent request ("nobody had asked", "I hadn't
 * been asked"), an absent ticket ("no ticket", "there wasn't a bug filed") or another owner ("outside my
 * scope", "another team's"), a negation shortly before an owner ("none of that was mine", "wasn't even ours", "not
 * to us", "nothing to do with my roadmap", "weren't my orders"), the work given to another owner ("belonged to the
 * ledger team", "owned by head office"), a remit set against the work ("my task was the rota, not the stock"), plus the
 * card's own scope phrases. Patterns, not a learned judge: the sentence encoder does not tell "my team's" from "not my
 * team's" (docs/segmentation.md, section 7).
 */
public final class TaskScopeBoundary implements Rule {
    public static final String ID = "task-scope-boundary";

    private static final String NOT = "not|wasn't|isn't|weren't|never";
    private static final String MINE = "mine|my|our";
    private static final String OWNED = "team|team's|job|responsibility|responsibilities|duties|area|project|projects|"
        + "service|services|remit|scope|role|code|component|problem|system|backlog|roadmap|call|product|codebase|repo|"
        + "domain|plate|charter|lane|mandate|ownership|ticket|tickets|work";

    /**
     * A negation reaching an owner over up to three small words: "not to us", "wasn't even ours", "none of that was
     * mine", "nothing to do with my roadmap", "not on the roadmap". Only function words between, so "wasn't sure our code"
     * and "wasn't clear to us" are not boundaries. (As trie patterns the word runs between would multiply out.)
     */
    private static final Set<String> NEGATION = Set.of("not", "never", "none", "nothing", "wasn't", "isn't", "weren't", "aren't");
    private static final Set<String> BETWEEN = Set.of("even", "really", "actually", "technically", "formally", "of", "that",
        "this", "it", "was", "is", "were", "to", "for", "on", "in", "with", "do", "the", "part", "any", "at", "all", "by",
        "exactly", "yet", "strictly", "officially");
    private static final Set<String> OWNER = Set.of("mine", "ours", "us", "roadmap", "backlog");
    private static final Set<String> POSSESSIVE = Set.of("my", "our");
    /** After "not my": words that say how, not whose ("not my fault", "not my best work"). */
    private static final Set<String> NOT_A_THING = Set.of("fault", "best", "first", "usual", "favourite", "favorite",
        "strongest", "idea", "intention", "plan");
    private static final int MOST_BETWEEN = 3;

    private static final PhraseTrie<Boolean> STANDARD = new PhraseTrie<Boolean>()
        .add(NOT + " mine", true)
        .add(NOT + " " + MINE + " " + OWNED, true)
        .add(NOT + " on|in|part|under " + MINE + " " + OWNED, true)
        .add(NOT + " part of " + MINE + " " + OWNED, true)
        .add(NOT + " really " + MINE + " " + OWNED, true)
        .add("nobody|hadn't|wasn't|weren't|never asked|assigned|tasked", true)
        .add("nobody|hadn't|wasn't|weren't|never been|had asked|assigned|tasked", true)
        .add("no one asked|assigned|tasked", true)
        .add("no one had asked|assigned|tasked", true)
        .add("without being asked|assigned|told", true)
        .add("no|zero ticket|tickets|bug|jira|task|request", true)
        .add("wasn't|isn't|weren't|without a|any ticket|tickets|bug|jira|task|request", true)
        .add("wasn't|isn't|weren't a|any single ticket|bug|jira|task|request", true)
        .add("didn't|doesn't|don't report to me", true)
        .add("outside my|our", true)
        .add("outside of my|our", true)
        .add("another|other|different team's|person's|group's|org's", true)
        .add("someone|somebody else's", true)
        .add("nobody|nobody's owned|owns|owning|was", true)
        .add("nobody had|has|ever owned|maintained", true)
        .add("no one had|has|ever owned|maintained", true)
        .add("no one owned|owns|was", true)
        .add(NOT + " on anyone's|anybody's|my|our " + OWNED, true)
        .add("not|wasn't|isn't|weren't anyone's|anybody's|nobody's " + OWNED, true)
        .add("no|zero obligation|mandate", true)
        .add("not|wasn't|isn't my|our responsibility|job|place", true)
        .add("i was|am not supposed|allowed to", true)
        .add("i wasn't supposed|allowed to", true)
        .add("i'm not supposed|allowed to", true)
        .add("nobody really|formally|officially|ever owned|owns|asked|assigned|tasked|gave", true)
        .add("no one really|formally|officially|ever owned|owns|asked|assigned|tasked|gave", true)
        .add("nobody there|here felt|feels|feel|was responsible", true)
        .add("no one there|here felt|feels|feel|was responsible", true);


    private final PhraseTrie<Boolean> phrases = new PhraseTrie<>();

    public TaskScopeBoundary(Card card) {
        STANDARD.copyInto(phrases);
        if (card.rules().scopePhrases() != null) {
            card.rules().scopePhrases().forEach(p -> phrases.add(SpokenText.words(p).toArray(String[]::new), true));
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(Answer answer) {
        if (!answer.has(Phase.TASK)) {
            return RuleResult.fail(ID, null, "No Task heard: say whose work this was — \"this wasn't my team's service, and nobody had asked me\".", List.of());
        }
        List<Evidence> found = new ArrayList<>();
        int lastEnd = -1;
        for (PhraseTrie.Hit<Boolean> hit : answer.find(phrases)) {
            if (answer.phases().get(hit.from()) == Phase.TASK && hit.from() >= lastEnd) {
                found.add(answer.evidence(hit.from(), hit.to()));
                lastEnd = hit.to();
            }
        }
        if (found.isEmpty()) {
            found = negatedOwners(answer);
        }
        if (found.isEmpty()) {
            found = contrastedRemit(answer);
        }
        if (found.isEmpty()) {
            found = otherOwner(answer);
        }
        if (found.isEmpty()) {
            return RuleResult.fail(ID, null, "Your Task never says the work was outside your remit: state the scope boundary (\"not my team\", \"no ticket\", \"nobody asked me\") to prove the ownership was yours to take.", List.of());
        }
        return RuleResult.pass(ID, null, "Your Task states the scope boundary, so the ownership reads as self-initiated.", found);
    }

    private static final Set<String> REMIT = Set.of("job", "role", "team", "area", "focus", "remit", "work", "responsibility",
        "task");
    private static final Set<String> NOT_A_CONTRAST = Set.of("just", "only", "really", "yet", "sure");
    private static final int MOST_BEFORE_NOT = 6;

    /**
     * The speaker's remit set against the work: "my job was search features, not the build". A remit that is the work
     * itself ("my job was to fix the build, not just patch it") is no boundary, so "was to" and "not just" do not count.
     */
    static List<Evidence> contrastedRemit(Answer answer) {
        List<String> t = answer.tokens();
        for (int i = 0; i + 3 < t.size(); i++) {
            if (answer.phases().get(i) != Phase.TASK || !POSSESSIVE.contains(t.get(i)) || !REMIT.contains(t.get(i + 1))
                || !Set.of("was", "is", "were").contains(t.get(i + 2)) || t.get(i + 3).equals("to")) {
                continue;
            }
            for (int j = i + 4; j < t.size() - 1 && j <= i + 3 + MOST_BEFORE_NOT; j++) {
                if ((t.get(j).equals("not") || t.get(j).equals("rather")) && !NOT_A_CONTRAST.contains(t.get(j + 1))) {
                    return List.of(answer.evidence(i, Math.min(t.size(), j + 3)));
                }
            }
        }
        return List.of();
    }

    private static final Set<String> OWNING = Set.of("belong", "belongs", "belonged", "owned", "managed", "maintained", "run");
    private static final Set<String> SELF = Set.of("me", "my", "us", "our", "mine", "ours", "myself", "ourselves", "i", "we");

    /**
     * The work given to another owner: "it belonged to the ledger team", "owned by the platform group". An owner that is
     * the speaker ("belonged to my team") is no boundary.
     */
    static List<Evidence> otherOwner(Answer answer) {
        List<String> t = answer.tokens();
        for (int i = 0; i + 2 < t.size(); i++) {
            if (answer.phases().get(i) != Phase.TASK || !OWNING.contains(t.get(i))) {
                continue;
            }
            boolean belongs = t.get(i).startsWith("belong");
            if (!t.get(i + 1).equals(belongs ? "to" : "by")) {
                continue;
            }
            int owner = t.get(i + 2).equals("the") && i + 3 < t.size() ? i + 3 : i + 2;
            if (!SELF.contains(t.get(owner))) {
                return List.of(answer.evidence(i, Math.min(t.size(), owner + 2)));
            }
        }
        return List.of();
    }

    /**
     * The Task's negations that reach an owner: "not to us", "none of that was mine". With them the rule agrees with the
     * labels on 97.2 % of the labelled answers instead of 93.0 % (docs/noisy-recordings.md).
     */
    static List<Evidence> negatedOwners(Answer answer) {
        List<String> t = answer.tokens();
        List<Evidence> found = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (answer.phases().get(i) != Phase.TASK || !NEGATION.contains(t.get(i))) {
                continue;
            }
            for (int j = i + 1; j < t.size() && j <= i + 1 + MOST_BETWEEN; j++) {
                String w = t.get(j);
                int at = j;
                // "not my orders", "wasn't my section's kit": whatever the speaker says was not theirs
                int end = OWNER.stream().anyMatch(o -> answer.heardAs(at, o)) ? j + 1
                    : POSSESSIVE.contains(w) && j + 1 < t.size() && !NOT_A_THING.contains(t.get(j + 1)) ? j + 2 : -1;
                if (end > 0) {
                    found.add(answer.evidence(i, end));
                    i = end - 1;
                    break;
                }
                if (!BETWEEN.contains(w)) {
                    break;
                }
            }
        }
        return found;
    }
}
