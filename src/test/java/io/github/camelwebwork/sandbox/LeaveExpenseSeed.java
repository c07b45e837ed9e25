package io.github.camelwebwork.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.http.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * The seed's leave policies, leaves, expense categories and expenses (§7.11, §7.12), read from the top-level keys
 * {@code leave_policies}, {@code leaves}, {@code expense_categories}, {@code expenses}; a seed without them has
 * none. When {@code leaves_and_expenses_week} names a Monday, leaves and expenses are written as if that were the
 * current week and move by whole weeks to the sandbox clock's current week (UTC), so a pending leave stays in the
 * future and recent expenses stay recent whatever the date; without it their dates are taken as they are.
 */
public record LeaveExpenseSeed(LocalDate anchorMonday, List<SandboxLeavePolicy> policies, List<SandboxLeave> leaves,
                               List<SandboxExpenseCategory> categories, List<SandboxExpense> expenses) {

    public static final LeaveExpenseSeed EMPTY = new LeaveExpenseSeed(null, List.of(), List.of(), List.of(),
            List.of());

    public LeaveExpenseSeed {
        policies = List.copyOf(policies);
        leaves = List.copyOf(leaves);
        categories = List.copyOf(categories);
        expenses = List.copyOf(expenses);
    }

    static LeaveExpenseSeed read(JsonNode root) {
        return new LeaveExpenseSeed(date(root, "leaves_and_expenses_week"),
                list(root, "leave_policies", LeaveExpenseSeed::policy), list(root, "leaves", LeaveExpenseSeed::leave),
                list(root, "expense_categories", LeaveExpenseSeed::category),
                list(root, "expenses", LeaveExpenseSeed::expense));
    }

    /** Adds everything to {@code state}, which must already hold the users, workspaces and projects. */
    void applyTo(SandboxState state) {
        long weeks = anchorMonday == null ? 0 : ChronoUnit.WEEKS.between(anchorMonday,
                SandboxTime.weekStart(LocalDate.ofInstant(state.clock().instant(), ZoneOffset.UTC)));
        policies.forEach(state::addLeavePolicy);
        leaves.forEach(l -> state.addLeave(l.shiftedByWeeks(weeks)));
        categories.forEach(state::addExpenseCategory);
        expenses.forEach(e -> state.addExpense(e.shiftedByWeeks(weeks)));
    }

    private static SandboxLeavePolicy policy(JsonNode n) {
        return new SandboxLeavePolicy(n.path("id").asLong(), n.path("workspace_id").asLong(), text(n, "name"),
                n.path("is_paid").asBoolean(true), n.hasNonNull("unit") ? text(n, "unit") : SandboxLeavePolicy.DAYS,
                n.hasNonNull("allowance_per_year") ? n.get("allowance_per_year").asDouble() : null);
    }

    private static SandboxLeave leave(JsonNode n) {
        return new SandboxLeave(text(n, "id"), n.path("workspace_id").asLong(), n.path("user_id").asLong(),
                n.path("policy_id").asLong(), n.hasNonNull("status") ? text(n, "status") : SandboxLeave.PENDING,
                text(n, "note"), date(n, "start_date"), date(n, "end_date"), time(n, "start_time"),
                time(n, "end_time"), n.hasNonNull("hours_per_day") ? n.get("hours_per_day").asDouble() : null,
                n.path("leave_period").asInt(0), n.path("created_by").asLong(n.path("user_id").asLong()),
                id(n, "approved_by"), id(n, "rejected_by"), text(n, "reject_reason"),
                Json.parseTimestamp(text(n, "created_at")), Json.parseTimestamp(text(n, "updated_at")));
    }

    private static SandboxExpenseCategory category(JsonNode n) {
        return new SandboxExpenseCategory(text(n, "id"), n.path("workspace_id").asLong(), text(n, "name"));
    }

    private static SandboxExpense expense(JsonNode n) {
        return new SandboxExpense(text(n, "id"), n.path("workspace_id").asLong(), n.path("user_id").asLong(),
                text(n, "expense_name"), date(n, "date"), new BigDecimal(n.path("amount").asText()),
                text(n, "category_id"), id(n, "project_id"), text(n, "note"), n.path("is_billable").asBoolean(),
                Json.parseTimestamp(text(n, "created_at")), Json.parseTimestamp(text(n, "updated_at")),
                Json.parseTimestamp(text(n, "deleted_at")));
    }

    private static <T> List<T> list(JsonNode root, String field, Function<JsonNode, T> reader) {
        return StreamSupport.stream(root.path(field).spliterator(), false).map(reader).toList();
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Long id(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asLong() : null;
    }

    private static LocalDate date(JsonNode n, String field) {
        return n.hasNonNull(field) ? LocalDate.parse(n.get(field).asText()) : null;
    }

    private static LocalTime time(JsonNode n, String field) {
        return n.hasNonNull(field) ? LocalTime.parse(n.get(field).asText()) : null;
    }
}
