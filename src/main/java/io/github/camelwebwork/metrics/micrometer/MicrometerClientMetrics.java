package io.github.camelwebwork.metrics.micrometer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.camelwebwork.client.WebworkApiException;
import io.github.camelwebwork.client.WebworkTooManyRequestsException;
import io.github.camelwebwork.metrics.ClientMetrics;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.OperationPaths;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The meters of one credential's client; the credential tag is its fingerprint. */
final class MicrometerClientMetrics implements ClientMetrics {

    /** Outcomes of an attempt ({@code outcome} of camel.webwork.requests) and causes of a retry. */
    static final String SUCCESS = "success";
    static final String RATE_LIMITED = "rate_limited";
    static final String CLIENT_ERROR = "client_error";
    static final String SERVER_ERROR = "server_error";
    static final String TRANSPORT = "transport";
    static final String TOKEN_REFRESH = "token_refresh";

    private final MeterRegistry registry;
    private final String credential;

    MicrometerClientMetrics(MeterRegistry registry, String credential) {
        this.registry = registry;
        this.credential = credential;
    }

    @Override
    public void request(String method, String path, int status, Throwable failure, long nanos) {
        OperationDef op = OperationPaths.of(method, path).orElse(null);
        int answered = failure instanceof WebworkApiException api ? api.getStatusCode() : status;
        Timer.builder(MicrometerMetrics.PREFIX + "requests").description("HTTP attempts to the WebWork API")
                .tags("resource", op == null ? "other" : op.resource(), "operation", op == null ? "other" : op.name(),
                        "status", answered == 0 ? "none" : String.valueOf(answered), "outcome", outcome(failure))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (failure instanceof WebworkTooManyRequestsException) {
            Counter.builder(MicrometerMetrics.PREFIX + "rate.limited").description("Answers HTTP 429 (rate limited)")
                    .tag("credential", credential).register(registry).increment();
        }
    }

    /** success, rate_limited, client_error (4xx), server_error (5xx) or transport (no usable answer). */
    private static String outcome(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        if (failure instanceof WebworkTooManyRequestsException) {
            return RATE_LIMITED;
        }
        if (failure instanceof WebworkApiException api) {
            return api.getStatusCode() >= 500 ? SERVER_ERROR : CLIENT_ERROR;
        }
        return TRANSPORT;
    }

    @Override
    public void retry(Throwable failure) {
        retried(outcome(failure));
    }

    @Override
    public void tokenRefreshed() {
        retried(TOKEN_REFRESH);
    }

    private void retried(String cause) {
        Counter.builder(MicrometerMetrics.PREFIX + "retries").description("Attempts made again, by cause")
                .tags("credential", credential, "cause", cause).register(registry).increment();
    }

    @Override
    public void budgetWait(String lane, long nanos, boolean granted) {
        Timer.builder(MicrometerMetrics.PREFIX + "budget.wait").description("Waits for the rate budget")
                .tags("credential", credential, "lane", lane.toLowerCase(Locale.ROOT))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (!granted) {
            Counter.builder(MicrometerMetrics.PREFIX + "budget.refused")
                    .description("Requests refused by the rate budget after its maximum wait")
                    .tags("credential", credential, "lane", lane.toLowerCase(Locale.ROOT)).register(registry)
                    .increment();
        }
    }
}
