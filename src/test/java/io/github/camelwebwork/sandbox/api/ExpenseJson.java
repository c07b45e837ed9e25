package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxExpense;
import io.github.camelwebwork.sandbox.SandboxExpenseCategory;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Expense of §7.12: names rather than ids for member, project and category, and dates formatted for display
 * like the reference's "Jan 15, 2024" (PHP's {@code M d, Y}, so days are two digits: "Jan 05, 2024");
 * {@code added_dte} (sic) is the day it was recorded, in UTC.
 */
final class ExpenseJson {

    static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("MMM dd, yyyy", Locale.ENGLISH);

    private ExpenseJson() {
    }

    static ObjectNode expense(SandboxExpense e, SandboxState state) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("member", state.user(e.userId()).map(SandboxUser::fullName).orElse(null));
        n.put("expense_date", DISPLAY_DATE.format(e.date()));
        n.put("expense_name", e.name());
        n.put("project", e.projectId() == null ? null
                : state.project(e.projectId()).map(SandboxProject::name).orElse(null));
        n.put("category", e.categoryId() == null ? null
                : state.expenseCategory(e.categoryId()).map(SandboxExpenseCategory::name).orElse(null));
        n.put("amount", e.amount());
        n.put("note", e.note());
        n.put("type", e.billable() ? "billable" : "non-billable");
        n.put("added_dte", DISPLAY_DATE.format(LocalDate.ofInstant(e.createdAt(), ZoneOffset.UTC)));
        return n;
    }

    static ObjectNode category(SandboxExpenseCategory c) {
        return Json.object().put("id", c.id()).put("name", c.name());
    }
}
