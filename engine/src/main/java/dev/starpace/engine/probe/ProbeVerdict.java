package dev.starpace.engine.probe;

import java.util.List;

/**
 * How a follow-up answer compares with the card's weak and strong answers: {@code strong}, {@code weak} or
 * {@code mixed}, the reasons, the strong answer's ideas it shares and the weak answer's it echoes.
 */
public record ProbeVerdict(int probe, String question, String verdict, List<String> reasons, List<String> sharedWithStrong,
                           List<String> sharedWithWeak, String keyLine) {
    public static final String STRONG = "strong";
    public static final String WEAK = "weak";
    public static final String MIXED = "mixed";
}
