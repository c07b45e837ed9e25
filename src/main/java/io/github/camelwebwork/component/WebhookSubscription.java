package io.github.camelwebwork.component;

import org.apache.camel.Consumer;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The receiving side of a webhook: Camel's webhook consumer (the HTTP side, on platform-http) plus the registration
 * with WebWork, made once the HTTP side listens and removed before it stops.
 */
final class WebhookSubscription extends ServiceSupport {

    private final WebhookCapableEndpoint registrar;
    private final Consumer http;

    /** {@code http} is the webhook component's consumer; its delegate endpoint holds the webhook configuration. */
    WebhookSubscription(Consumer http) {
        this.http = http;
        this.registrar = (WebhookCapableEndpoint) ((DelegateEndpoint) http.getEndpoint()).getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(http);
        registrar.registerWebhook();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            registrar.unregisterWebhook();
        } finally {
            ServiceHelper.stopService(http);
        }
    }
}
