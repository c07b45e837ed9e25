package io.github.camelwebwork.component;

import org.apache.camel.Consumer;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("webwork:webhooks")}: Camel's webhook consumer (the HTTP side, on platform-http) plus the registration
 * with WebWork, made when the route starts (after the HTTP side listens) and removed when it stops.
 */
final class WebhookRouteConsumer extends DefaultConsumer {

    private final WebhookCapableEndpoint registrar;
    private final Consumer http;

    /** {@code http} is the webhook component's consumer; its delegate endpoint holds the webhook configuration. */
    WebhookRouteConsumer(WebworkEndpoint endpoint, Processor processor, Consumer http) {
        super(endpoint, processor);
        this.http = http;
        this.registrar = (WebhookCapableEndpoint) ((DelegateEndpoint) http.getEndpoint()).getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(http);
        registrar.registerWebhook();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            registrar.unregisterWebhook();
        } finally {
            ServiceHelper.stopService(http);
            super.doStop();
        }
    }
}
