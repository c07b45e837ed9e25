package io.github.camelwebwork.model;

import java.util.Optional;

/** Whether a member may see rates: {@code rate_status} (reference §7.2). */
public enum RateStatus implements CodedValue {
    HIDDEN(0, "Hidden"),
    VISIBLE(1, "Visible");

    private final Code code;

    RateStatus(int code, String label) {
        this.code = new Code(code, label);
    }

    @Override
    public Code codeAndLabel() {
        return code;
    }

    /** The rate status of a code; empty for a code this version does not know (kept as is, house rule H4). */
    public static Optional<RateStatus> fromCode(Integer code) {
        return Codes.fromCode(values(), code);
    }
}
