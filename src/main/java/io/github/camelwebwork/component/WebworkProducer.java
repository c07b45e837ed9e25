package io.github.camelwebwork.component;

import java.util.Map;

import io.github.camelwebwork.model.Pagination;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.OperationExecutor;
import io.github.camelwebwork.operation.OperationResult;
import io.github.camelwebwork.operation.RequestResolver;
import io.github.camelwebwork.operation.ResolvedCall;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs one operation per exchange: resolves and validates the request from options, headers and body, sends it, and
 * puts the typed result in the body and the API's message and pagination in headers.
 */
public class WebworkProducer extends DefaultProducer {

    private final WebworkEndpoint endpoint;
    private final RequestResolver resolver;
    private final OperationExecutor executor;

    public WebworkProducer(WebworkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.resolver = new RequestResolver(endpoint.getComponent().objectMapper());
        this.executor = new OperationExecutor(endpoint.getComponent().objectMapper());
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        OperationDef op = endpoint.operationFor(message.getHeader(WebworkConstants.OPERATION, String.class));
        Map<String, Object> headers = message.getHeaders();
        ResolvedCall call = resolver.resolve(op, endpoint.parameterSource(), headers, message.getBody());
        OperationResult result = executor.execute(endpoint.client(), call,
                endpoint.getConfiguration().getMaxResults());
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

    /** saved_minutes → CamelWebworkSavedMinutes. */
    static String headerFor(String wireName) {
        StringBuilder sb = new StringBuilder("CamelWebwork");
        for (String part : wireName.split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
