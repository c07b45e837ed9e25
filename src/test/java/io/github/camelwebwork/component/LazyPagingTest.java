package io.github.camelwebwork.component;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.operation.PagedResult;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A list without a page walks the pages lazily: one request per page, only as far as the route reads. */
class LazyPagingTest extends SandboxTestSupport {

    private long project;
    private String list;

    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        project = sandbox.state().addProject(1, "Big export").id();
        list = "webwork:tasks?operation=list&workspaceId=1&projectId=" + project;
        IntStream.rangeClosed(1, 1000).forEach(i -> sandbox.state().addTask(1, project, "Task " + i));
    }

    @BeforeEach
    void noRequestsYet() {
        sandbox.clearRequests();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all")
                        .to(list + "&perPage=100")
                        .split(body()).streaming()
                        .to("mock:task");
            }
        };
    }

    @Test
    void aThousandTasksAtAHundredPerPageTakeTenRequests() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:task");
        mock.expectedMessageCount(1000);

        template.sendBody("direct:all", null);

        mock.assertIsSatisfied();
        List<RecordedRequest> requests = requests();
        assertThat(requests).hasSize(10);
        assertThat(requests).extracting(RecordedRequest::rawQuery).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(
                        p -> "workspace_id=1&project_id=" + project + "&page=" + p + "&per_page=100").toList());
        assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getBody(Task.class).getTitle())
                .first().isEqualTo("Task 1");
        assertThat(mock.getExchanges().get(999).getMessage().getBody(Task.class).getTitle()).isEqualTo("Task 1000");
    }

    @Test
    void pagesAreFetchedOnlyAsTheIterationReachesThem() {
        Exchange exchange = template.request(list + "&perPage=100", e -> {
        });

        assertThat(requests()).hasSize(1);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_TOTAL)).isEqualTo(1000);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_LAST_PAGE)).isEqualTo(10);

        PagedResult<?> result = exchange.getMessage().getBody(PagedResult.class);
        AtomicInteger read = new AtomicInteger();
        for (Object ignored : result) {
            if (read.incrementAndGet() == 250) {
                break;
            }
        }
        assertThat(requests()).hasSize(3);
    }

    @Test
    void maxResultsStopsAtThePageHoldingTheLastRecord() {
        @SuppressWarnings("unchecked")
        List<Task> tasks = template.requestBody(list + "&maxResults=150", null, List.class);

        assertThat(tasks).hasSize(150);
        assertThat(requests()).hasSize(2);
    }

    @Test
    void aGivenPageFetchesOnlyThatPage() {
        @SuppressWarnings("unchecked")
        List<Task> tasks = template.requestBodyAndHeader(list + "&perPage=50", null, WebworkConstants.PAGE, 3,
                List.class);

        assertThat(tasks).hasSize(50);
        assertThat(tasks.get(0).getTitle()).isEqualTo("Task 101");
        assertThat(requests()).singleElement().extracting(RecordedRequest::rawQuery)
                .isEqualTo("workspace_id=1&project_id=" + project + "&page=3&per_page=50");
    }
}
