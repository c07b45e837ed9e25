package io.github.camelwebwork.component;

import java.util.List;
import java.util.Map;

import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.RateBudget;
import io.github.camelwebwork.client.WebworkClient;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether a webwork: producer's credential works, and how much of its shared rate budget remains. DOWN when the API
 * refused the credential (401/403) since it last worked; otherwise UP when a call worked in the last minute, else
 * after one cheap probe ({@code GET /workspaces?page=1&per_page=1}).
 */
final class WebworkProducerHealthCheck extends AbstractHealthCheck {

    private final WebworkEndpoint endpoint;

    WebworkProducerHealthCheck(WebworkEndpoint endpoint) {
        super("camel", "producer:webwork-" + endpoint.getResource());
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        WebworkHealth health = endpoint.health();
        WebworkClient client = endpoint.client();
        RateBudget budget = client.getBudget();
        builder.detail("credential", health.credentialKey());
        try {
            if (health.refusal() != null) {
                builder.message(health.refusal()).down();
                return;
            }
            if (!health.workedRecently()) {
                try {
                    client.execute(new ApiRequest("GET", "/workspaces",
                            List.of(Map.entry("page", "1"), Map.entry("per_page", "1")), null));
                    health.success();
                } catch (RuntimeException e) {
                    health.failure(e);
                    builder.message(e.getMessage()).error(e).down();
                    return;
                }
            }
            builder.up();
        } finally {
            if (budget != null) {
                builder.detail("rate.limit", budget.limit());
                builder.detail("rate.window", budget.window().toString());
                builder.detail("rate.remaining", budget.remaining());
            }
        }
    }
}
