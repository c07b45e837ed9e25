package io.github.camelwebwork.operation;

import java.util.Locale;

/** What an operation or consumer puts in the body: the typed model, or the answer's {@code data} as sent. */
public enum OutputType {
    /** The typed model (default): a drifted value is kept in the model's drifted values, see docs/drift.md. */
    MODEL,
    /** The {@code data} as Jackson reads it untyped: {@code Map}, {@code List}, strings, numbers, booleans. */
    MAP,
    /** The {@code data} as JSON text. */
    JSON;

    /** {@code model}, {@code map} or {@code json}, in any case; null is {@link #MODEL}. */
    public static OutputType of(String text) {
        if (text == null) {
            return MODEL;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outputType must be model, map or json (got " + text + ")", e);
        }
    }
}
