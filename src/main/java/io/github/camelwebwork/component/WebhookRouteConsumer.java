package io.github.camelwebwork.component;

import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("webwork:webhooks")}: the webhook's subscription (HTTP side and registration), made when the route
 * starts and removed when it stops.
 */
final class WebhookRouteConsumer extends DefaultConsumer {

    private final WebhookSubscription subscription;

    WebhookRouteConsumer(WebworkEndpoint endpoint, Processor processor, WebhookSubscription subscription) {
        super(endpoint, processor);
        this.subscription = subscription;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(subscription);
    }

    @Override
    protected void doStop() throws Exception {
        try {
            ServiceHelper.stopService(subscription);
        } finally {
            super.doStop();
        }
    }
}
