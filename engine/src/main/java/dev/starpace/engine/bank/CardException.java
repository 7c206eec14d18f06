package dev.starpace.engine.bank;

/** A card that cannot be used, naming its source, the field and the reason. */
public final class CardException extends RuntimeException {
    private final String source;
    private final String field;
    private final String reason;

    public CardException(String source, String field, String reason) {
        super(source + ": " + field + ": " + reason);
        this.source = source;
        this.field = field;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
