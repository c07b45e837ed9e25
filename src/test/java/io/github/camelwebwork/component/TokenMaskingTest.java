package io.github.camelwebwork.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.operation.RequestResolver;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token appears in no log line, exception message, toString() or endpoint URI that Camel shows. */
class TokenMaskingTest extends SandboxTestSupport {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead").logExhausted(true).logExhaustedMessageHistory(true)
                        .logStackTrace(true));
                from("direct:get").routeId("get-task")
                        .to("webwork:tasks?operation=get&workspaceId=1&projectId=100&accessToken=RAW("
                            + sandbox.token() + ")")
                        .log("got ${body}");
            }
        };
    }

    /**
     * What docs/reference.md ("Secrets") says of a secret given in an endpoint URI: Camel masks it in toString() (and
     * so in its logs and route dumps), while getEndpointUri() is the URI as written; hence the advice to set secrets on
     * the component.
     */
    @Test
    void aTokenInTheUriIsMaskedInToStringButNotInTheRawEndpointUri() {
        WebworkEndpoint endpoint = context.getEndpoint(
                "webwork:tasks?operation=get&accessToken=uri-token-3f9a&workspaceId=1", WebworkEndpoint.class);

        assertThat(endpoint.toString()).doesNotContain("uri-token-3f9a").contains("accessToken=xxxxxx");
        assertThat(endpoint.getEndpointUri()).contains("uri-token-3f9a");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("uri-token-3f9a");
    }

    @Test
    void theTokenIsNeverShown() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:get", null, WebworkConstants.TASK_ID, 500);
        template.sendBodyAndHeader("direct:get", null, WebworkConstants.TASK_ID, 999999);

        dead.assertIsSatisfied();
        Exception failure = dead.getExchanges().get(0).getProperty("CamelExceptionCaught", Exception.class);
        String token = sandbox.token();
        assertThat(requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
        assertThat(failure.getMessage()).doesNotContain(token);
        for (Endpoint endpoint : context.getEndpoints()) {
            assertThat(endpoint.toString()).doesNotContain(token);
            if (endpoint instanceof WebworkEndpoint webwork) {
                assertThat(webwork.getConfiguration().toString()).doesNotContain(token);
                assertThat(webwork.getEndpointBaseUri()).doesNotContain(token);
            }
        }
        ApiRequest request = new RequestResolver(WebworkJson.newMapper(), Clock.systemUTC())
                .resolve(context.getEndpoint("webwork:tasks?operation=get", WebworkEndpoint.class).getOperationDef(),
                        name -> null, Map.of(WebworkConstants.WORKSPACE_ID, 1, WebworkConstants.PROJECT_ID, 100,
                                WebworkConstants.TASK_ID, 500),
                        null)
                .request();
        assertThat(request.toString()).doesNotContain(token);
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).as("something was logged").contains("get-task").contains("/api/v2/tasks/500");
        assertThat(output).doesNotContain(token);
    }

    @Test
    void oauthSecretsAreMaskedInTheConfigurationAndTheEndpointUri() {
        WebworkEndpoint endpoint = context.getEndpoint("webwork:tasks?operation=list&clientId=app-1"
                                                       + "&clientSecret=RAW(cs-very-secret-1)&refreshToken=RAW(rt-very-secret-2)",
                WebworkEndpoint.class);

        for (String shown : List.of(endpoint.toString(), endpoint.getConfiguration().toString(),
                endpoint.getEndpointBaseUri())) {
            assertThat(shown).doesNotContain("cs-very-secret-1").doesNotContain("rt-very-secret-2");
        }
        assertThat(endpoint.getConfiguration().toString()).contains("clientId=app-1")
                .contains("clientSecret=xxxxxx").contains("refreshToken=xxxxxx");
    }
}
