package dev.starpace.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpokenTextTest {
    @Test
    void spellsNumbersTheWayVoskWritesThem() {
        assertEquals("a persistent zero point three percent webhook drop rate",
            SpokenText.of("a persistent 0.3% webhook drop rate"));
        assertEquals("recovered eight thousand dollars in weekly revenue", SpokenText.of("recovered $8K in weekly revenue"));
        assertEquals("about four hundred million rows", SpokenText.of("about 400,000,000 rows"));
        assertEquals("one hundred eighty milliseconds to about sixty", SpokenText.of("180 milliseconds to about 60"));
        assertEquals("version four point one two", SpokenText.of("version 4.12"));
        assertEquals("ninety nine point seven percent", SpokenText.of("99.7%"));
        assertEquals("one point two million dollars", SpokenText.of("$1.2M"));
        assertEquals("p ninety nine latency", SpokenText.of("p99 latency"));
    }

    @Test
    void dropsPunctuationAndCaseButKeepsContractions() {
        assertEquals("this service belonged to the platform team not mine",
            SpokenText.of("This service belonged to the Platform team - not mine."));
        assertEquals("i'd push for a b tests that'd run", SpokenText.of("I'd push for A/B tests that'd run!"));
        assertEquals("home goods retailer", SpokenText.of("home-goods retailer"));
    }
}
