package io.github.camelwebwork.consumer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.camelwebwork.support.LoopbackHttpServer;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code from("webwork:webhooks")} with outputType: the delivery as JSON text or a Map, its headers as with a model. */
class WebhookOutputTypeTest extends SandboxTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T08:00:05Z"), ZoneOffset.UTC);

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LoopbackHttpServer.addTo(context, port);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String from = "webwork:webhooks?workspaceId=1&events=tracker.started&webhookExternalUrl=http://127.0.0.1:"
                      + port;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from + "&webhookPath=/json&outputType=json").to("mock:json");
                from(from + "&webhookPath=/map&outputType=map").to("mock:map");
            }
        };
    }

    @Test
    void theDeliveryIsTheBodyAsSent() throws Exception {
        MockEndpoint json = getMockEndpoint("mock:json");
        MockEndpoint map = getMockEndpoint("mock:map");
        json.expectedHeaderReceived("CamelWebworkEvent", "tracker.started");
        map.expectedHeaderReceived("CamelWebworkEvent", "tracker.started");

        template.requestBody("webwork:time-tracking?operation=start&workspaceId=1&userId=103&contractId=303",
                (Object) null);

        MockEndpoint.assertIsSatisfied(json, map);
        assertThat(json.getReceivedExchanges().get(0).getMessage().getBody())
                .isInstanceOf(String.class).asString().startsWith("{").contains("\"tracker.started\"");
        Object body = map.getReceivedExchanges().get(0).getMessage().getBody();
        assertThat(body).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) body).get("event")).isEqualTo("tracker.started");
    }
}
