package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.http.Router;

/** Every emulated API section, registered on one router. A new section is one more line here. */
public final class SandboxApis {

    private SandboxApis() {
    }

    /** Without webhook deliveries. */
    public static Router router(SandboxState state) {
        return router(state, WebhookEvents.NONE);
    }

    /** {@code events} receives the §8.1 events the handlers cause. */
    public static Router router(SandboxState state, WebhookEvents events) {
        Router router = new Router();
        Access access = new Access(state);
        new WorkspacesApi(state).register(router);
        new MembersApi(state, access, events).register(router);
        new ProjectsApi(state, access, events).register(router);
        new ProjectViewersApi(state, access).register(router);
        new WebhooksApi(state, access).register(router);
        new TasksApi(state, access, events).register(router);
        TimeApis.register(router, state, access, events);
        LeaveExpenseReportApis.register(router, state, access);
        return router;
    }
}
