package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.http.Router;

/** The linked time sections: contracts (§7.4), tracker (§7.7), time entries (§7.8), timesheets (§7.9), requests (§7.10). */
public final class TimeApis {

    private TimeApis() {
    }

    public static void register(Router router, SandboxState state, Access access) {
        register(router, state, access, WebhookEvents.NONE);
    }

    /** {@code events} receives the tracker events (§8.1) of the tracker and contract endpoints. */
    public static void register(Router router, SandboxState state, Access access, WebhookEvents events) {
        new ContractsApi(state, access, events).register(router);
        new TimeTrackingApi(state, access, events).register(router);
        new TimeEntriesApi(state, access).register(router);
        new TimesheetsApi(state, access).register(router);
        new TimeRequestsApi(state, access).register(router);
    }
}
