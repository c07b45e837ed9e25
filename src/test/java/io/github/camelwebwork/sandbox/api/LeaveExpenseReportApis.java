package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.http.Router;

/** Leaves (§7.11), expenses (§7.12) and reports (§7.14), with the H8 paths. */
public final class LeaveExpenseReportApis {

    private LeaveExpenseReportApis() {
    }

    public static void register(Router router, SandboxState state, Access access) {
        new LeavesApi(state, access).register(router);
        new ExpensesApi(state, access).register(router);
        new ReportsApi(state, access).register(router);
    }
}
