package io.github.camelwebwork.consumer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every consumable resource: the first scan emits exactly the records its list operation returns, as CREATED. */
class EveryResourceConsumerTest extends SandboxTestSupport {

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().rateLimit(3_000, Duration.ofMinutes(1));
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(3_000);
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "members|",
        "projects|",
        "project-viewers|",
        "contracts|",
        "tasks|&projectId=100",
        "timesheets|",
        "time-requests|&dateFrom=FROM&dateTo=TO",
        "leaves|",
        "expenses|",
        "time-entries|&userId=103&date=TO"
    })
    void theFirstScanEmitsWhatTheListReturns(String resource, String filter) throws Exception {
        String from = LocalDate.now(clock()).minusDays(7).toString();
        String to = LocalDate.now(clock()).toString();
        String filters = filter == null ? "" : filter.replace("FROM", from).replace("TO", to);
        context.start();
        Set<String> expected = new HashSet<>();
        String listUri = "webwork:" + resource + "?operation=list&workspaceId=1" + filters;
        for (Object record : (Iterable<?>) template.requestBody(listUri, (Object) null)) {
            expected.add("1:" + resource + ":" + idOf(record));
        }
        String consumerFilters = resource.equals("time-entries") ? "&userId=103&lookbackDays=0&timeZone=UTC"
                : resource.equals("time-requests") ? "&lookbackDays=7" : filters;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webwork:" + resource + "?workspaceId=1&delay=40" + consumerFilters).to("mock:changes");
            }
        });
        MockEndpoint changes = getMockEndpoint("mock:changes");

        await().atMost(Duration.ofSeconds(20)).until(() -> changes.getReceivedCounter() >= expected.size());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(30))
                .until(() -> changes.getReceivedCounter() == expected.size());
        List<String> keys = new ArrayList<>();
        changes.getReceivedExchanges().forEach(e -> {
            assertThat(e.getMessage().getHeader("CamelWebworkChangeType")).isEqualTo("CREATED");
            keys.add(e.getMessage().getHeader("CamelWebworkKey", String.class));
        });
        assertThat(keys).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        if (!resource.equals("time-entries")) {
            assertThat(expected).as("the seed has %s", resource).isNotEmpty();
        }
    }

    private static Object idOf(Object record) throws Exception {
        return record.getClass().getMethod("getId").invoke(record);
    }
}
