package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.http.Router;

/** Every emulated API section, registered on one router. A new section is one more line here. */
public final class SandboxApis {

    private SandboxApis() {
    }

    public static Router router(SandboxState state) {
        Router router = new Router();
        Access access = new Access(state);
        new WorkspacesApi(state).register(router);
        new MembersApi(state, access).register(router);
        new ProjectsApi(state, access).register(router);
        new ProjectViewersApi(state, access).register(router);
        new WebhooksApi(state, access).register(router);
        new TasksApi(state, access).register(router);
        TimeApis.register(router, state, access);
        LeaveExpenseReportApis.register(router, state, access);
        return router;
    }
}
