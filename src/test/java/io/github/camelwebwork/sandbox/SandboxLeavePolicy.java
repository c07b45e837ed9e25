package io.github.camelwebwork.sandbox;

import java.util.Objects;
import java.util.Set;

/**
 * A leave policy (§7.11, fields chosen by the sandbox: the reference names the operation only). {@code unit} says
 * whether leaves of the policy are requested in whole or half days, or in hours between two clock times;
 * {@code allowancePerYear} is counted in that unit, null meaning unlimited (no balance is kept). Ids are integers
 * because {@code GET /leaves} filters on an integer {@code policy_id}; 0 means "next free id".
 */
public record SandboxLeavePolicy(long id, long workspaceId, String name, boolean paid, String unit,
                                 Double allowancePerYear) {

    public static final String DAYS = "days";
    public static final String HOURS = "hours";
    public static final Set<String> UNITS = Set.of(DAYS, HOURS);

    public SandboxLeavePolicy {
        Objects.requireNonNull(name, "name");
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("leave policy unit must be one of " + UNITS + ": " + unit);
        }
    }

    public boolean isHourBased() {
        return HOURS.equals(unit);
    }

    public boolean isUnlimited() {
        return allowancePerYear == null;
    }

    public SandboxLeavePolicy withId(long newId) {
        return new SandboxLeavePolicy(newId, workspaceId, name, paid, unit, allowancePerYear);
    }
}
