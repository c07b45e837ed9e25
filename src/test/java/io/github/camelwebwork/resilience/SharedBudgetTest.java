package io.github.camelwebwork.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.BudgetedComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One budget per credential in a JVM (issue 16): two CamelContexts, each with its own webwork component, calling the
 * same API with the same token, as two applications of one JVM do. Each used to keep its own budget of the limit, so
 * together they sent up to twice the limit in a window and got 429s.
 */
class SharedBudgetTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final String GET = "webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=500";

    private final WebworkSandbox sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start();
    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        sandbox.close();
    }

    @Test
    void twoContextsOnOneTokenShareOneBudgetAndGetNo429() throws Exception {
        ProducerTemplate a = context().createProducerTemplate();
        ProducerTemplate b = context().createProducerTemplate();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 4 * LIMIT; i++) {
            ProducerTemplate template = i % 2 == 0 ? a : b;
            calls.add(callers.submit(() -> template.requestBody(GET, (Object) null)));
        }
        for (Future<?> call : calls) {
            assertThat(call.get(2, TimeUnit.MINUTES)).isNotNull();
        }
        callers.shutdown();

        assertThat(sandbox.rateLimitedCount()).as("429s").isZero();
        assertThat(sandbox.requests()).hasSize(4 * LIMIT);
    }

    private CamelContext context() {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("webwork", BudgetedComponent.of(sandbox, LIMIT, WINDOW));
        context.start();
        contexts.add(context);
        return context;
    }
}
