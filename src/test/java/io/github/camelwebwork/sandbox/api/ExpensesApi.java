package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelwebwork.sandbox.SandboxExpense;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * §7.12 Expenses, recorded by the calling member. Everyone sees their own, team managers their team's, owners and
 * executive managers all ({@link Access#seesTimeOf}); an expense the caller cannot see is 404, one they see but
 * may not change (a teammate's) is 403. Delete (H8: {@code DELETE /expenses/{id}}, body {@code workspace_id}) is a
 * soft delete: the expense disappears from every read and a second delete is 404.
 */
public final class ExpensesApi {

    private final SandboxState state;
    private final Access access;

    public ExpensesApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/expenses", this::list)
                .add("POST", "/expenses", this::create)
                .add("GET", "/expenses/categories", this::categories)
                .add("PUT", "/expenses/{expenseId}", this::update)
                .add("DELETE", "/expenses/{expenseId}", this::delete);
    }

    /** Newest expense date first, then newest recorded first. */
    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String id = v.queryText(r, "id", null);
        LocalDate from = TimeFields.queryDate(r, "date_from", false, v);
        LocalDate to = TimeFields.queryDate(r, "date_to", false, v);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("date_to", Messages.afterOrEqual("date_to", "date_from"));
        }
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list expenses", ws -> {
            v.throwIfInvalid();
            SandboxMember caller = access.caller(ws, r.callerId());
            List<SandboxExpense> expenses = state.expenses(ws.id()).stream()
                    .filter(e -> access.seesTimeOf(caller, e.userId()))
                    .filter(e -> id == null || e.id().equals(id))
                    .filter(e -> from == null || !e.date().isBefore(from))
                    .filter(e -> to == null || !e.date().isAfter(to))
                    .sorted(Comparator.comparing(SandboxExpense::date).thenComparing(SandboxExpense::createdAt)
                            .reversed())
                    .toList();
            return page.respond("Expenses retrieved successfully", expenses, e -> ExpenseJson.expense(e, state));
        });
    }

    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        ExpenseInput input = ExpenseInput.read(r.body(), true, v);
        return access.inWorkspace(r, scope, v, Access.STAFF, "record expenses", ws -> {
            input.checkReferences(state, ws, v);
            v.throwIfInvalid();
            SandboxExpense added = state.addExpense(input.create(ws.id(), r.callerId()));
            return ApiResponse.created("Expense created successfully", ExpenseJson.expense(added, state));
        });
    }

    ApiResponse update(ApiRequest r) {
        String id = r.pathParams().get("expenseId");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        ExpenseInput input = ExpenseInput.read(r.body(), false, v);
        return access.inWorkspace(r, scope, v, Access.STAFF, "update expenses", ws -> {
            SandboxExpense expense = changeable(ws, id, r.callerId(), "update expenses");
            input.checkReferences(state, ws, v);
            v.throwIfInvalid();
            SandboxExpense saved = state.saveExpense(input.update(expense, state.now()));
            return ApiResponse.ok("Expense updated successfully", ExpenseJson.expense(saved, state));
        });
    }

    ApiResponse delete(ApiRequest r) {
        String id = r.pathParams().get("expenseId");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.STAFF, "delete expenses", ws -> {
            SandboxExpense expense = changeable(ws, id, r.callerId(), "delete expenses");
            state.saveExpense(expense.deleted(state.now()));
            return ApiResponse.message("Expense deleted successfully");
        });
    }

    /** H8 {@code GET /expenses/categories}: every category of the workspace, unpaginated. */
    ApiResponse categories(ApiRequest r) {
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "list expense categories", ws -> {
            ArrayNode data = Json.array();
            state.expenseCategories(ws.id()).forEach(c -> data.add(ExpenseJson.category(c)));
            return ApiResponse.ok("Expense categories retrieved successfully", data);
        });
    }

    private SandboxExpense changeable(SandboxWorkspace ws, String id, long callerId, String action) {
        SandboxMember caller = access.caller(ws, callerId);
        SandboxExpense expense = state.expense(id)
                .filter(e -> e.workspaceId() == ws.id() && !e.isDeleted() && access.seesTimeOf(caller, e.userId()))
                .orElseThrow(() -> ApiException.notFound("Expense"));
        access.requireSelfOrAdmin(ws, callerId, expense.userId(), action);
        return expense;
    }
}
