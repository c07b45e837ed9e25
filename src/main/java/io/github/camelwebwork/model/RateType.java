package io.github.camelwebwork.model;

import java.util.Optional;

/** Where a contract's rate comes from: {@code rate_type} (reference §7.4). */
public enum RateType implements CodedValue {
    CUSTOM_RATE(1, "Custom Rate"),
    MEMBER_RATE(2, "Member Rate"),
    PROJECT_RATE(3, "Project Rate");

    private final Code code;

    RateType(int code, String label) {
        this.code = new Code(code, label);
    }

    @Override
    public Code codeAndLabel() {
        return code;
    }

    /** The rate type of a code; empty for a code this version does not know (kept as is, house rule H4). */
    public static Optional<RateType> fromCode(Integer code) {
        return Codes.fromCode(values(), code);
    }
}
