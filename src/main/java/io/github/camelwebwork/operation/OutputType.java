package io.github.camelwebwork.operation;

/** What an operation or consumer puts in the body: the typed model, or the answer's {@code data} as sent. */
public enum OutputType {
    /** The typed model (default): a drifted value is kept in the model's drifted values, see docs/drift.md. */
    MODEL,
    /** The {@code data} as Jackson reads it untyped: {@code Map}, {@code List}, strings, numbers, booleans. */
    MAP,
    /** The {@code data} as JSON text. */
    JSON;

    private static final OutputType[] VALUES = values();

    /** {@code model}, {@code map} or {@code json}, in any case; null is {@link #MODEL}. Allocates nothing. */
    public static OutputType of(String text) {
        if (text == null) {
            return MODEL;
        }
        for (OutputType type : VALUES) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        String trimmed = text.trim();
        if (!trimmed.equals(text)) {
            return of(trimmed);
        }
        throw new IllegalArgumentException("outputType must be model, map or json (got " + text + ")");
    }
}
