package io.github.camelwebwork.model;

/**
 * An enumeration the API transmits as an integer code (task status and priority, leave period, rate status and type).
 * Each constant carries its {@link Code}; {@link Codes} looks the constants up.
 */
public interface CodedValue {

    /** The integer the API transmits and the name the WebWork UI shows, e.g. 10 and "Doing". */
    record Code(int code, String label) {
    }

    Code codeAndLabel();

    default int code() {
        return codeAndLabel().code();
    }

    /** The name the WebWork UI shows, e.g. "Doing". */
    default String label() {
        return codeAndLabel().label();
    }
}
