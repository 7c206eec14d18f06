package dev.starpace.engine.score;

/** One part of the score: points earned out of the part's maximum, and what earned them. */
public record ScorePart(String part, double points, double max, String note) {
}
