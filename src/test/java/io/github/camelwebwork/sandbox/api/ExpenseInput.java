package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxExpense;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * The body of §7.12 create and update. On create {@code expense_name}, {@code date}, {@code amount} and
 * {@code category_id} are required; on update every field is optional, a required one sent empty is "required"
 * (Laravel's {@code sometimes|required}) and {@code project_id}/{@code note} sent as null clear the value.
 * {@code amount} is a number above 0 (numeric strings count), kept to two decimals; {@code is_billable} takes
 * Laravel's boolean values (true, false, 1, 0, "1", "0") and defaults to false.
 */
final class ExpenseInput {

    static final int MAX_NOTE = 1000;
    private static final Set<String> BOOLEAN_TEXT = Set.of("0", "1");

    private final JsonNode body;
    private String name;
    private LocalDate date;
    private BigDecimal amount;
    private String categoryId;
    private Long projectId;
    private String note;
    private Boolean billable;

    private ExpenseInput(JsonNode body) {
        this.body = body;
    }

    static ExpenseInput read(JsonNode body, boolean create, Validation v) {
        ExpenseInput in = new ExpenseInput(body);
        BodyFields fields = new BodyFields(body, v);
        in.name = fields.presentText("expense_name", create, BodyFields.MAX_STRING);
        in.date = TimeFields.date(body, "date", create, v);
        in.amount = amount(body, create, v);
        in.categoryId = fields.presentText("category_id", create, BodyFields.MAX_STRING);
        in.projectId = TimeFields.nullableId(body, "project_id", v);
        in.note = TimeFields.text(body, "note", MAX_NOTE, v);
        in.billable = bool(body, "is_billable", v);
        return in;
    }

    /** Checks the category and project belong to the workspace (a deleted project is not selectable). */
    void checkReferences(SandboxState state, SandboxWorkspace ws, Validation v) {
        if (categoryId != null && state.expenseCategory(categoryId).filter(c -> c.workspaceId() == ws.id())
                .isEmpty()) {
            v.add("category_id", Messages.invalidChoice("category_id"));
        }
        if (projectId != null && state.project(projectId)
                .filter(p -> p.workspaceId() == ws.id() && !p.isDeleted()).isEmpty()) {
            v.add("project_id", Messages.invalidChoice("project_id"));
        }
    }

    SandboxExpense create(long workspaceId, long userId) {
        return new SandboxExpense(null, workspaceId, userId, name, date, amount, categoryId, projectId, note,
                Boolean.TRUE.equals(billable), null, null, null);
    }

    /** The expense with the sent fields changed, the others kept. */
    SandboxExpense update(SandboxExpense e, Instant now) {
        return e.withDetails(name != null ? name : e.name(), date != null ? date : e.date(),
                amount != null ? amount : e.amount(), categoryId != null ? categoryId : e.categoryId(),
                body.has("project_id") ? projectId : e.projectId(), body.has("note") ? note : e.note(),
                billable != null ? billable : e.billable(), now);
    }

    private static BigDecimal amount(JsonNode body, boolean create, Validation v) {
        JsonNode n = body.get("amount");
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            if (create || n != null) {
                v.add("amount", Messages.required("amount"));
            }
            return null;
        }
        BigDecimal value;
        try {
            value = n.isNumber() ? n.decimalValue() : n.isTextual() ? new BigDecimal(n.asText().trim()) : null;
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            v.add("amount", "The amount must be a number.");
            return null;
        }
        if (value.signum() <= 0) {
            v.add("amount", "The amount must be greater than 0.");
            return null;
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static Boolean bool(JsonNode body, String field, Validation v) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if ((n.isIntegralNumber() && (n.asLong() == 0 || n.asLong() == 1))
                || (n.isTextual() && BOOLEAN_TEXT.contains(n.asText()))) {
            return n.asText().equals("1");
        }
        v.add(field, "The " + Messages.attribute(field) + " field must be true or false.");
        return null;
    }
}
