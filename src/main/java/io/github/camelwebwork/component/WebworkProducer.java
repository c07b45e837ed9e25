package io.github.camelwebwork.component;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.model.Pagination;
import io.github.camelwebwork.operation.IdempotencyKeys;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.OperationExecutor;
import io.github.camelwebwork.operation.OperationResult;
import io.github.camelwebwork.operation.OutputType;
import io.github.camelwebwork.operation.Reading;
import io.github.camelwebwork.operation.RequestResolver;
import io.github.camelwebwork.operation.ResolvedCall;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs one operation per exchange: resolves and validates the request from options, headers and body, sends it, and
 * puts the typed result in the body and the API's message and pagination in headers.
 */
public class WebworkProducer extends DefaultProducer {

    private final WebworkEndpoint endpoint;
    private final RequestResolver resolver;
    private final OperationExecutor executor;
    private Reading endpointReading = Reading.DEFAULT;
    private WebworkProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public WebworkProducer(WebworkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.resolver = new RequestResolver(endpoint.getComponent().objectMapper(),
                endpoint.getComponent().clock());
        this.executor = new OperationExecutor(endpoint.getComponent().objectMapper());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpointReading = Reading.of(OutputType.of(endpoint.getConfiguration().getOutputType()),
                endpoint.getConfiguration().isStrictModels());
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (repository != null) {
            healthCheck = new WebworkProducerHealthCheck(endpoint);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            repository.addHealthCheck(healthCheck);
            healthCheckRepository = repository;
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        OperationDef op = endpoint.operationFor(message.getHeader(WebworkConstants.OPERATION, String.class));
        Map<String, Object> headers = message.getHeaders();
        ResolvedCall call = resolver.resolve(op, endpoint.parameterSource(), headers, message.getBody());
        Boolean dryRun = message.getHeader(WebworkConstants.DRY_RUN, Boolean.class);
        if (dryRun != null ? dryRun : endpoint.getConfiguration().isDryRun()) {
            message.setBody(dryRun(call));
            return;
        }
        WebworkClient client = endpoint.client();
        OperationResult result;
        try {
            Reading reading = reading(message);
            result = op.lookup() != null ? create(exchange, client, call, reading)
                    : executor.execute(client, call, endpoint.getConfiguration().getMaxResults(), null, null, reading);
            endpoint.health().success();
        } catch (RuntimeException e) {
            endpoint.health().failure(e);
            throw e;
        } finally {
            if (client.getBudget() != null) {
                // as of this call's answer (or refusal): read without the budget's lock
                message.setHeader(WebworkConstants.RATE_LIMIT_REMAINING, client.getBudget().remainingAtLastChange());
            }
        }
        if (result.hasBody()) {
            message.setBody(result.body());
        }
        message.setHeader(WebworkConstants.MESSAGE, result.message());
        result.extras().forEach((wireName, value) -> message.setHeader(headerFor(wireName), value));
        Pagination pagination = result.pagination();
        if (pagination != null) {
            message.setHeader(WebworkConstants.PAGINATION_TOTAL, pagination.getTotal());
            message.setHeader(WebworkConstants.PAGINATION_PER_PAGE, pagination.getPerPage());
            message.setHeader(WebworkConstants.PAGINATION_CURRENT_PAGE, pagination.getCurrentPage());
            message.setHeader(WebworkConstants.PAGINATION_LAST_PAGE, pagination.getLastPage());
        }
    }

    /**
     * A create with an idempotency key (header, default the exchange id), kept in the endpoint's repository; the
     * operation layer decides from it and from the create's look-up whether the create happened.
     */
    private OperationResult create(Exchange exchange, WebworkClient client, ResolvedCall call, Reading reading) {
        Message message = exchange.getMessage();
        String given = message.getHeader(WebworkConstants.IDEMPOTENCY_KEY, String.class);
        String key = call.operation().qualifiedName() + ":" + (given != null ? given : exchange.getExchangeId());
        OperationResult result = executor.execute(client, call, endpoint.getConfiguration().getMaxResults(),
                keys(endpoint.idempotentRepository()), key, reading);
        message.setHeader(WebworkConstants.RECOVERED, result.recovered());
        if (result.recovered()) {
            endpoint.getComponent().metrics().createRecovered(call.operation().resource(), call.operation().name());
        }
        return result;
    }

    /** The outputType header, else the option (read once at start), and strictModels: nothing allocated per message. */
    private Reading reading(Message message) {
        String header = message.getHeader(WebworkConstants.OUTPUT_TYPE, String.class);
        return header == null ? endpointReading : Reading.of(OutputType.of(header), endpointReading.strict());
    }

    private static IdempotencyKeys keys(IdempotentRepository repository) {
        return new IdempotencyKeys() {
            @Override
            public boolean add(String key) {
                return repository.add(key);
            }

            @Override
            public void confirm(String key) {
                repository.confirm(key);
            }

            @Override
            public void remove(String key) {
                repository.remove(key);
            }
        };
    }

    private WebworkDryRun dryRun(ResolvedCall call) {
        ApiRequest request = call.request();
        if (call.walksPages()) {
            request = request.withQueryParam("page", "1");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", WebworkDryRun.MASKED_AUTHORIZATION);
        headers.put("Accept", "application/json");
        String body = null;
        if (request.body() != null) {
            headers.put("Content-Type", "application/json");
            try {
                body = endpoint.getComponent().objectMapper().writeValueAsString(request.body());
            } catch (JsonProcessingException e) {
                throw new WebworkException("Cannot write the JSON body of " + request.method() + " " + request.path(),
                        e);
            }
        }
        String base = endpoint.getConfiguration().getBaseUrl();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new WebworkDryRun(request.method(), base + request.pathAndQuery(), headers, body);
    }

    /** saved_minutes → CamelWebworkSavedMinutes. */
    static String headerFor(String wireName) {
        StringBuilder sb = new StringBuilder("CamelWebwork");
        for (String part : wireName.split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
