package io.github.camelwebwork.operation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A rule over several fields of one request, checked after each field was valid on its own. */
@FunctionalInterface
public interface CrossRule {

    /** Adds a violation for {@code values} (wire name to normalised value) when the rule is broken. */
    void check(Map<String, Object> values, List<String> violations);

    /** {@code end} must not be before {@code start} when both are dates in the request. */
    static CrossRule notBefore(String start, String end) {
        return (values, violations) -> {
            if (values.get(start) instanceof String s && values.get(end) instanceof String e
                && LocalDate.parse(e).isBefore(LocalDate.parse(s))) {
                violations.add(end + ": must not be before " + start + " (" + e + " < " + s + ")");
            }
        };
    }
}
