package dev.starpace.engine.score;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.starpace.engine.Phase;
import dev.starpace.engine.delivery.DeliveryRules;
import dev.starpace.engine.rules.ActionFirstPerson;
import dev.starpace.engine.rules.NoDisqualifiers;
import dev.starpace.engine.rules.ReflectionSpecific;
import dev.starpace.engine.rules.ResultQuantified;
import dev.starpace.engine.rules.TaskScopeBoundary;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a check is presented, declared once: its id, the name a person reads, the phase it is about (null when it
 * is about the whole answer), whether it is content or delivery, what passing it shows and what failing it leaves a
 * Strong Hire needing. The verdict, the reports and the web page (through /api/facts) all read these.
 */
public record Check(String id, String name, Phase phase, Kind kind, String strength, String need) {
    public enum Kind {
        CONTENT, DELIVERY;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final List<Check> ALL = List.of(
        new Check(ActionFirstPerson.ID, "Action told in the first person", Phase.ACTION, Kind.CONTENT,
            "you own the Action", "an Action told with \"I\""),
        new Check(ResultQuantified.ID, "Result in numbers", Phase.RESULT, Kind.CONTENT,
            "the Result is in numbers", "a Result in numbers"),
        new Check(TaskScopeBoundary.ID, "Task shows the work was beyond your remit", Phase.TASK, Kind.CONTENT,
            "the Task shows the work went beyond your remit", "a Task that says the work was beyond your remit"),
        new Check(ReflectionSpecific.ID, "Reflection specific to this story", Phase.REFLECTION, Kind.CONTENT,
            "the reflection is specific", "a reflection specific to this story"),
        new Check(NoDisqualifiers.ID, "Ownership kept (no hand-off)", null, Kind.CONTENT,
            "you keep ownership", "no hand-off: you fix it yourself"),
        new Check(DeliveryRules.PACE, "Pace", null, Kind.DELIVERY, "a steady pace",
            "a pace of " + (int) DeliveryRules.SLOWEST_WPM + "–" + (int) DeliveryRules.FASTEST_WPM + " words a minute"),
        new Check(DeliveryRules.FILLERS, "Fillers", null, Kind.DELIVERY, "few fillers",
            "no more than " + (int) DeliveryRules.MAX_FILLERS_PER_MINUTE + " fillers a minute"),
        new Check(DeliveryRules.LONG_PAUSES, "Long silences", null, Kind.DELIVERY, "no long silences",
            "no silence of " + (int) DeliveryRules.LONG_PAUSE_SECONDS + " s or more"));

    public static Optional<Check> of(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether a rule id is a delivery check (a rule StarPace does not know is treated as content, as the card applies it). */
    public static boolean delivery(String id) {
        return of(id).map(c -> c.kind() == Kind.DELIVERY).orElse(false);
    }

    /** The name a person reads for a rule id, also for one StarPace does not know. */
    public static String nameOf(String id) {
        return of(id).map(Check::name).orElse(id);
    }
}
