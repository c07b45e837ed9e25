package io.github.camelwebwork.model;

import java.util.Optional;

/** Task status codes (reference §7.5). */
public enum TaskStatus implements CodedValue {
    INCOMPLETE(0, "Incomplete"),
    DOING(10, "Doing"),
    DONE(20, "Done"),
    COMPLETED(30, "Completed");

    private final Code code;

    TaskStatus(int code, String label) {
        this.code = new Code(code, label);
    }

    @Override
    public Code codeAndLabel() {
        return code;
    }

    /** The status of a code; empty for a code this version does not know (kept as is, house rule H4). */
    public static Optional<TaskStatus> fromCode(Integer code) {
        return Codes.fromCode(values(), code);
    }
}
