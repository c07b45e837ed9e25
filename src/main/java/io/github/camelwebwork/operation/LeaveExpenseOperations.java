package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.model.Expense;
import io.github.camelwebwork.model.ExpenseCategory;
import io.github.camelwebwork.model.Leave;
import io.github.camelwebwork.model.LeaveBalance;
import io.github.camelwebwork.model.LeavePeriod;
import io.github.camelwebwork.model.LeavePolicy;
import io.github.camelwebwork.model.LeaveStatus;
import io.github.camelwebwork.model.PaidFilter;

import static io.github.camelwebwork.operation.Sections.PROJECT_ID;
import static io.github.camelwebwork.operation.Sections.USER_ID;
import static io.github.camelwebwork.operation.Sections.dateRange;
import static io.github.camelwebwork.operation.Sections.inWorkspace;

/** Leaves (§7.11) and Expenses (§7.12), with the paths house rule H8 infers. */
final class LeaveExpenseOperations {

    private static final Field LEAVE_ID = Field.stringId("leave_id");
    private static final Field EXPENSE_ID = Field.stringId("expense_id");

    private LeaveExpenseOperations() {
    }

    static List<OperationDef> all() {
        return List.of(
                dateRange(inWorkspace("leaves", "list", "GET", "/leaves")
                        .query(null, Field.stringId("id"))
                        .query("policyId", Field.integerId("policy_id"))
                        .query("isPaid", Field.choice("is_paid", PaidFilter.values()))
                        .query("status", Field.choice("status", LeaveStatus.values())), false)
                        .query("userId", USER_ID)
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Leave.class)
                        .consumable(ScanPartition.WHOLE)
                        .describedAs("Lists leave requests")
                        .build(),
                inWorkspace("leaves", "create", "POST", "/leaves")
                        .body("policyId", Field.integerId("policy_id").required())
                        .body(null, Field.date("start").required())
                        .body(null, Field.date("end").required())
                        .body("userId", USER_ID.required())
                        .body(null, Field.time("start_time"))
                        .body(null, Field.time("end_time"))
                        .body(null, Field.number("hours_per_day").positive())
                        .body(null, Field.code("leave_period", LeavePeriod.values()))
                        .body(null, Field.text("reason").length(0, 1024).nullable())
                        .rule(CrossRule.notBefore("start", "end"))
                        .rule(CrossRule.timeAfter("start_time", "end_time"))
                        .returns(ResultShape.OPTIONAL_OBJECT, Leave.class)
                        .foundBy(CreateLookups.LEAVE)
                        .describedAs("Requests leave for a member (hour-based policies take times)")
                        .build(),
                dateRange(inWorkspace("leaves", "balances", "GET", "/leaves/balances")
                        .query("userId", USER_ID), true)
                        .query("page", Field.integer("page").atLeast(1))
                        .returns(ResultShape.LIST, LeaveBalance.class)
                        .describedAs("Leave balances per member for a period")
                        .build(),
                inWorkspace("leaves", "policies", "GET", "/leaves/policies")
                        .returns(ResultShape.LIST, LeavePolicy.class)
                        .describedAs("Lists the leave policies (path per house rule H8)")
                        .build(),
                inWorkspace("leaves", "approve", "PUT", "/leaves/{leaveId}/approve")
                        .path("leaveId", LEAVE_ID).modelId("leaveId")
                        .stateVerb("approved", "list")
                        .describedAs("Approves a pending leave request (H8)")
                        .build(),
                inWorkspace("leaves", "reject", "PUT", "/leaves/{leaveId}/reject")
                        .path("leaveId", LEAVE_ID).modelId("leaveId")
                        .body("reason", Field.text("reason").length(1, 1024).required())
                        .stateVerb("rejected", "list")
                        .describedAs("Rejects a pending leave request (H8)")
                        .build(),

                dateRange(inWorkspace("expenses", "list", "GET", "/expenses")
                        .query(null, Field.stringId("id")), false)
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Expense.class)
                        .consumable(ScanPartition.WHOLE)
                        .describedAs("Lists expenses")
                        .build(),
                expenseFields(inWorkspace("expenses", "create", "POST", "/expenses"), true)
                        .returns(ResultShape.OBJECT, Expense.class)
                        .foundBy(CreateLookups.EXPENSE)
                        .describedAs("Records an expense")
                        .build(),
                expenseFields(inWorkspace("expenses", "update", "PUT", "/expenses/{expenseId}")
                        .path("expenseId", EXPENSE_ID).modelId("expenseId"), false)
                        .requiresChange()
                        .returns(ResultShape.OPTIONAL_OBJECT, Expense.class)
                        .describedAs("Changes an expense")
                        .build(),
                inWorkspace("expenses", "delete", "DELETE", "/expenses/{expenseId}")
                        .path("expenseId", EXPENSE_ID).modelId("expenseId")
                        .describedAs("Deletes an expense (H8)")
                        .build(),
                inWorkspace("expenses", "categories", "GET", "/expenses/categories")
                        .returns(ResultShape.LIST, ExpenseCategory.class)
                        .describedAs("Lists the expense categories (path per house rule H8)")
                        .build());
    }

    /** §7.12: expense_name, date, amount and category_id are required on create, optional on update. */
    private static OperationDef.Builder expenseFields(OperationDef.Builder builder, boolean create) {
        Field name = Field.text("expense_name").length(1, 255);
        Field date = Field.date("date");
        Field amount = Field.number("amount").positive();
        Field category = Field.stringId("category_id");
        return builder
                .body(null, create ? name.required() : name)
                .body("date", create ? date.required() : date)
                .body(null, create ? amount.required() : amount)
                .body("categoryId", create ? category.required() : category)
                .body("projectId", PROJECT_ID.nullable())
                .body(null, Field.text("note").length(0, 65535).nullable())
                .body(null, Field.bool("is_billable"));
    }
}
