package io.github.camelwebwork.model;

import java.util.Optional;

/** Task status codes (reference §7.5). */
public enum TaskStatus implements CodedValue {
    INCOMPLETE(0, "Incomplete"),
    DOING(10, "Doing"),
    DONE(20, "Done"),
    COMPLETED(30, "Completed");

    private final int code;
    private final String label;

    TaskStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The status of a code; empty for a code this version does not know (kept as is, house rule H4). */
    public static Optional<TaskStatus> fromCode(Integer code) {
        return Codes.fromCode(values(), code);
    }
}
