package dev.starpace.server.web;

/** What a client sent, fit to quote back in an error: at most 64 characters, control characters removed. */
final class Echo {
    static final int MAX = 64;

    private Echo() {
    }

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() <= MAX ? clean : clean.substring(0, MAX) + "… (" + clean.length() + " characters)";
    }
}
