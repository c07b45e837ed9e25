package io.github.camelwebwork.component;

import java.util.List;
import java.util.Map;

import io.github.camelwebwork.client.WebworkApiException;
import io.github.camelwebwork.client.WebworkAuthenticationException;
import io.github.camelwebwork.client.WebworkForbiddenException;
import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.client.WebworkTransportException;
import io.github.camelwebwork.client.WebworkUnprocessableException;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Error answers become typed exceptions with status, method, path and the API's words; never an empty result. */
class ErrorMappingTest extends SandboxTestSupport {

    private static final String TASKS = "webwork:tasks?workspaceId=1&projectId=100&operation=";

    private Throwable failure(String uri, Object body) {
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(uri, body));
        assertThat(e).as("the call should have failed").isNotNull();
        return e.getCause();
    }

    @Test
    void unknownTaskIsNotFound() {
        Throwable e = failure(TASKS + "get&taskId=999999", null);

        assertThat(e).isInstanceOf(WebworkNotFoundException.class);
        WebworkApiException api = (WebworkApiException) e;
        assertThat(api.getStatusCode()).isEqualTo(404);
        assertThat(api.getMethod()).isEqualTo("GET");
        assertThat(api.getPath()).isEqualTo("/api/v2/tasks/999999");
        assertThat(api.getApiMessage()).isNotBlank();
        assertThat(api.getMessage()).startsWith("WebWork API GET /api/v2/tasks/999999 failed with HTTP 404");
    }

    @Test
    void wrongTokenIsAnAuthenticationFailure() {
        Throwable e = failure("webwork:tasks?workspaceId=1&projectId=100&operation=get&taskId=500"
                              + "&accessToken=not-a-valid-token", null);

        assertThat(e).isInstanceOf(WebworkAuthenticationException.class);
        assertThat(((WebworkApiException) e).getStatusCode()).isEqualTo(401);
        assertThat(e.getMessage()).doesNotContain("not-a-valid-token");
    }

    @Test
    void aRegularUserMayNotCreateTasks() {
        Throwable e = failure(TASKS + "create&accessToken=" + WebworkSandbox.REGULAR_USER_TOKEN,
                Map.of("title", "Not allowed"));

        assertThat(e).isInstanceOf(WebworkForbiddenException.class);
        assertThat(((WebworkApiException) e).getStatusCode()).isEqualTo(403);
        assertThat(((WebworkApiException) e).getMethod()).isEqualTo("POST");
    }

    @Test
    void serverSideValidationCarriesTheFieldErrors() {
        // a member id that passes the client's checks but is not in the workspace: only the server can tell
        Throwable e = failure(TASKS + "create", Map.of("title", "Who?", "assignees", List.of(999999)));

        assertThat(e).isInstanceOf(WebworkUnprocessableException.class);
        WebworkUnprocessableException unprocessable = (WebworkUnprocessableException) e;
        assertThat(unprocessable.getStatusCode()).isEqualTo(422);
        assertThat(unprocessable.getFieldErrors()).containsOnlyKeys("assignees.0");
        assertThat(unprocessable.getMessage()).contains("assignees.0: ");
        assertThat(sandbox.state().tasks(1, 100)).noneMatch(t -> t.title().equals("Who?"));
    }

    @Test
    void anUnknownProjectIsNotFound() {
        Throwable e = failure("webwork:tasks?workspaceId=1&projectId=987654&operation=list", null);

        assertThat(e).isInstanceOf(WebworkNotFoundException.class);
    }

    @Test
    void aServerThatIsNotThereIsATransportFailureAfterEveryAttempt() {
        Throwable e = failure("webwork:tasks?workspaceId=1&projectId=100&operation=get&taskId=500"
                              + "&baseUrl=http://127.0.0.1:1/api/v2&connectTimeout=2s&maxAttempts=3"
                              + "&retryInitialBackoff=10&retryMaxBackoff=20", null);

        assertThat(e).isInstanceOf(WebworkTransportException.class)
                .hasMessageStartingWith("WebWork API GET /api/v2/tasks/500 got no answer")
                .hasMessageEndingWith("(after 3 attempts)");
        assertThat(((WebworkTransportException) e).isMaybeProcessed()).isFalse();
        assertThat(((WebworkTransportException) e).getAttempts()).isEqualTo(3);
        assertThat(((WebworkTransportException) e).getLastStatusCode()).isZero();
    }
}
