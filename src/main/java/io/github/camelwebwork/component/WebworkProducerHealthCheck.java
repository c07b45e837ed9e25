package io.github.camelwebwork.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.RateBudget;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.client.WebworkRateLimitException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether a webwork: producer's calls work (its base URL, credential and HTTP settings), and how much of its shared
 * rate budget remains. DOWN when the API refused the credential (401/403) since a call last worked; otherwise UP when a call worked in the last minute, else after one cheap probe
 * ({@code GET /workspaces?page=1&per_page=1}): a single attempt answered within {@link #PROBE_TIMEOUT}, so that a
 * dead endpoint is told within 2 s rather than after the retries a route's call would make.
 */
final class WebworkProducerHealthCheck extends AbstractHealthCheck {

    /** How long a probe may take, for the budget and the answer alike. */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

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
        builder.detail("base.url", client.getBaseUrl());
        try {
            if (health.refusal() != null) {
                builder.message(health.refusal()).down();
                return;
            }
            if (!health.workedRecently()) {
                try {
                    client.probe(new ApiRequest("GET", "/workspaces",
                            List.of(Map.entry("page", "1"), Map.entry("per_page", "1")), null), PROBE_TIMEOUT);
                    health.success();
                } catch (WebworkRateLimitException noBudget) {
                    // the budget is spent on real calls: no news is no failure
                    builder.detail("probe", "skipped: " + noBudget.getMessage()).up();
                    return;
                } catch (RuntimeException e) {
                    health.failure(e);
                    builder.message(e.getMessage() + " (one probe attempt, timeout " + PROBE_TIMEOUT.toMillis()
                                    + " ms)").error(e).down();
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
            if (client.getStoreBudget() != null) {
                builder.detail("rate.store", client.getStoreBudget().mode());
            }
        }
    }
}
