package io.github.camelwebwork.model;

import java.util.Optional;

/** The {@code leave_period} of a leave request (reference §7.11). */
public enum LeavePeriod implements CodedValue {
    FULL_DAY(0, "Full day"),
    FIRST_HALF(1, "First half"),
    SECOND_HALF(2, "Second half");

    private final Code code;

    LeavePeriod(int code, String label) {
        this.code = new Code(code, label);
    }

    @Override
    public Code codeAndLabel() {
        return code;
    }

    /** The period of a code; empty for a code this version does not know (kept as is, house rule H4). */
    public static Optional<LeavePeriod> fromCode(Integer code) {
        return Codes.fromCode(values(), code);
    }
}
