package io.github.camelwebwork.model;

import java.util.Optional;

/** Task priority codes (reference §7.5). */
public enum TaskPriority implements CodedValue {
    URGENT(10, "Urgent"),
    HIGH(20, "High"),
    NORMAL(30, "Normal"),
    LOW(40, "Low");

    private final Code code;

    TaskPriority(int code, String label) {
        this.code = new Code(code, label);
    }

    @Override
    public Code codeAndLabel() {
        return code;
    }

    /** The priority of a code; empty for a code this version does not know (kept as is, house rule H4). */
    public static Optional<TaskPriority> fromCode(Integer code) {
        return Codes.fromCode(values(), code);
    }
}
