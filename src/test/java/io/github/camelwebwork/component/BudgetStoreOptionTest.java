package io.github.camelwebwork.component;

import io.github.camelwebwork.client.LocalBudgetStore;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.client.StoreBudget;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budgetStore option: without it nothing changes (the JVM's own budget, no store in the call path); with a
 * BudgetStore bean every request also takes a slot in the store, keyed by a fingerprint.
 */
class BudgetStoreOptionTest extends SandboxTestSupport {

    private static final String GET = "webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=500";

    @Test
    void withoutAStoreTheCallsUseTheJvmBudgetAlone() throws Exception {
        WebworkEndpoint endpoint = context.getEndpoint(GET, WebworkEndpoint.class);
        endpoint.start();
        WebworkEndpoint other = context.getEndpoint(GET + "&budgetLane=bulk", WebworkEndpoint.class);
        other.start();

        assertThat(endpoint.client().getStoreBudget()).isNull();
        assertThat(endpoint.consumerClient().getStoreBudget()).isNull();
        assertThat(other.client().getBudget()).as("one budget per credential in the JVM, as before")
                .isSameAs(endpoint.client().getBudget());
        int before = endpoint.client().getBudget().remaining();
        assertThat(template.requestBody(GET, (Object) null)).isNotNull();
        assertThat(endpoint.client().getBudget().remaining()).isEqualTo(before - 1);
    }

    @Test
    void aStoreBeanTakesEveryRequestKeyedByAFingerprint() throws Exception {
        LocalBudgetStore store = new LocalBudgetStore();
        context.getRegistry().bind("budgets", store);
        WebworkEndpoint endpoint = context.getEndpoint(GET + "&budgetStore=#bean:budgets", WebworkEndpoint.class);
        endpoint.start();

        StoreBudget shared = endpoint.client().getStoreBudget();
        assertThat(shared).isNotNull();
        assertThat(shared.store()).isSameAs(store);
        assertThat(shared.mode()).isEqualTo("shared");
        assertThat(endpoint.consumerClient().getStoreBudget()).isSameAs(shared);
        for (int i = 0; i < 3; i++) {
            assertThat(template.requestBody(GET + "&budgetStore=#bean:budgets", (Object) null)).isNotNull();
        }
        String key = "webwork-" + Sha256.hex(sandbox.baseUrl() + " token-" + WebworkComponent.fingerprint(sandbox.token()),
                16);
        assertThat(store.held(key)).as("slots held in the store under the fingerprint").isEqualTo(3);
        assertThat(key + shared).doesNotContain(sandbox.token());
    }
}
