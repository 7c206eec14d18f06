package dev.starpace.engine.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.starpace.engine.rules.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    @Test
    void fillerAdviceNamesTheFillersThisAnswerUsed() {
        List<Evidence> said = List.of(new Evidence(1, 2, "kind of"), new Evidence(3, 4, "basically"), new Evidence(5, 6, "kind of"),
            new Evidence(7, 8, "you know"), new Evidence(9, 10, "Kind of"));
        assertEquals("\"kind of\", \"basically\" and \"you know\"", DeliveryRules.mostUsed(said));
        assertEquals("\"um\"", DeliveryRules.mostUsed(List.of(new Evidence(1, 2, "um"))));
    }
}
