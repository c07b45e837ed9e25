package io.github.camelwebwork.model;

import java.util.Optional;

/** Whether a member may see rates: {@code rate_status} (reference §7.2). */
public enum RateStatus implements CodedValue {
    HIDDEN(0, "Hidden"),
    VISIBLE(1, "Visible");

    private final int code;
    private final String label;

    RateStatus(int code, String label) {
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

    /** The rate status of a code; empty for a code this version does not know (kept as is, house rule H4). */
    public static Optional<RateStatus> fromCode(Integer code) {
        return Codes.fromCode(values(), code);
    }
}
