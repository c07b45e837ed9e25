package io.github.camelwebwork.component;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.RateBudget;
import io.github.camelwebwork.client.RetrySettings;
import io.github.camelwebwork.client.StoreBudget;
import io.github.camelwebwork.consumer.ConsumerSettings;
import io.github.camelwebwork.consumer.WebworkConsumer;
import io.github.camelwebwork.metrics.WebworkMetrics;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.operation.FieldType;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.operation.ParameterSource;
import org.apache.camel.Category;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.util.URISupport;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.ObjectHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Manage WebWork Tracker workspaces, members, projects, tasks and time through the WebWork REST API V2.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "webwork", title = "WebWork Tracker", syntax = "webwork:resource",
             category = { Category.SAAS, Category.API }, headersClass = WebworkConstants.class)
public class WebworkEndpoint extends ScheduledPollEndpoint implements WebhookCapableEndpoint {

    /** Filters of these types can let a record leave a consumer's view when the record changes. */
    private static final Set<FieldType> LEAVABLE = EnumSet.of(FieldType.CODE, FieldType.CHOICE, FieldType.BOOLEAN);

    /**
     * A consumer's default delay between polls: a minute, not Camel's 500 ms. At 500 ms an idle incremental scan alone
     * (one or two requests a poll) asks for 7,200 or more requests an hour of a user's 3,600 (60 a minute, H5), so any
     * consumer left at Camel's default is bound by the rate budget whatever changes; a minute is the delay of every
     * shipped route and Kamelet.
     */
    static final long DEFAULT_POLL_DELAY = 60_000;

    @UriPath(enums = "workspaces,members,projects,project-viewers,contracts,tasks,time-tracking,time-entries,"
                     + "timesheets,time-requests,leaves,expenses,webhooks,reports")
    @Metadata(required = true, description = "The API resource: its path segment, e.g. tasks")
    private final String resource;
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_POLL_DELAY,
              description = "Milliseconds before the next poll: a minute, not Camel's usual 500 ms, as WebWork allows 60"
                            + " requests a minute per user and every poll takes at least one of them.")
    private long delay = DEFAULT_POLL_DELAY;
    @UriParam
    private WebworkConfiguration configuration;

    private OperationDef operation;
    private volatile WebworkClient client;
    private volatile WebworkClient consumerClient;
    private final WebhookReceiver webhooks = new WebhookReceiver(this);
    private WebhookConfiguration webhookConfiguration;
    private volatile WebworkHealth health;
    private volatile IdempotentRepository idempotentRepository;

    public WebworkEndpoint(String uri, WebworkComponent component, String resource,
                           WebworkConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
        super.setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    @Override
    public WebworkComponent getComponent() {
        return (WebworkComponent) super.getComponent();
    }

    /** Fails at once, naming the valid ones, when the operation option names one the resource does not have. */
    void validateOperation() {
        operation = configuration.getOperation() == null
                ? null : OperationCatalogue.require(resource, configuration.getOperation());
    }

    /** The operation of the endpoint's option; null when every message names its own by header. */
    public OperationDef getOperationDef() {
        return operation;
    }

    /** The operation for one message: the CamelWebworkOperation header, else the option. */
    OperationDef operationFor(String header) {
        if (header == null || operation != null && header.equals(operation.name())) {
            return operation != null ? operation : OperationCatalogue.require(resource, null);
        }
        return OperationCatalogue.require(resource, header);
    }

    /** Reads an option's value through the generated (reflection-free) configurer. */
    ParameterSource parameterSource() {
        PropertyConfigurer configurer = getComponent().getEndpointPropertyConfigurer();
        if (!(configurer instanceof PropertyConfigurerGetter getter)) {
            throw new IllegalStateException("The generated endpoint configurer of webwork is missing from the jar");
        }
        return name -> getter.getOptionValue(this, name, false);
    }

    @Override
    public Producer createProducer() throws Exception {
        return new WebworkProducer(this);
    }

    /**
     * A change-capture consumer of a list resource (tasks, time-entries, members, ...): one exchange per created,
     * updated or deleted record; with trigger=webhook, also subscribed to the resource's webhook events.
     */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if ("webhooks".equals(resource)) {
            return new WebhookRouteConsumer(this, processor, webhookSubscription(processor));
        }
        WebworkEndpoint endpoint = this;
        WebworkConsumer consumer = new WebworkConsumer(this, processor, new WebworkConsumer.Source() {
            @Override
            public String resource() {
                return resource;
            }

            @Override
            public WebworkClient client() {
                return endpoint.consumerClient();
            }

            @Override
            public ParameterSource options() {
                return endpoint.parameterSource();
            }

            @Override
            public ObjectMapper mapper() {
                return getComponent().objectMapper();
            }

            @Override
            public ConsumerSettings settings() {
                return consumerSettings();
            }

            @Override
            public Clock clock() {
                return getComponent().clock();
            }

            @Override
            public WebworkMetrics metrics() {
                return getComponent().metrics();
            }
        });
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        if (consumer.isWebhookTriggered()) {
            consumer.setEventSource(webhookSubscription(consumer.eventProcessor()));
        }
        return consumer;
    }

    /**
     * The webhook deliveries of this endpoint's URI, handed to {@code handler} once verified: the same as
     * {@code from("webhook:webwork:<resource>?...")}, served by Camel's webhook component on platform-http, with
     * webhookExternalUrl and webhookPath handed to it; registered with WebWork when the subscription starts.
     */
    private WebhookSubscription webhookSubscription(Processor handler) throws Exception {
        String uri = getEndpointUri();
        int q = uri.indexOf('?');
        Map<String, Object> params = new LinkedHashMap<>();
        if (q >= 0) {
            // the normalised URI keeps values encoded: decode them, so that they are encoded once again below
            URISupport.parseQuery(uri.substring(q + 1)).forEach((name, value) -> params.put(name,
                    value instanceof String text && !text.startsWith("RAW(")
                            ? URLDecoder.decode(text, StandardCharsets.UTF_8) : value));
        }
        params.remove("webhookExternalUrl");
        params.remove("webhookPath");
        if (configuration.getWebhookExternalUrl() != null) {
            params.put("webhookExternalUrl", configuration.getWebhookExternalUrl());
        }
        if (configuration.getWebhookPath() != null) {
            params.put("webhookPath", configuration.getWebhookPath());
        }
        // served by platform-http unless the route names another rest component; registered by the consumer below,
        // so that stopping and starting the route removes and restores the registration
        params.putIfAbsent("webhookComponentName", "platform-http");
        params.put("webhookAutoRegister", "false");
        // camel-webhook re-encodes the delegate's parameters: values with reserved characters go as RAW(...)
        StringBuilder webhookUri = new StringBuilder("webhook:webwork:").append(resource);
        char separator = '?';
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String value = String.valueOf(e.getValue());
            boolean plain = value.matches("[A-Za-z0-9._-]*") || value.startsWith("RAW(");
            webhookUri.append(separator).append(e.getKey()).append('=').append(plain ? value : "RAW(" + value + ")");
            separator = '&';
        }
        return new WebhookSubscription(getCamelContext().getEndpoint(webhookUri.toString()).createConsumer(handler));
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        return webhooks.handler(next);
    }

    @Override
    public void registerWebhook() throws Exception {
        webhooks.register(webhookConfiguration.computeFullExternalUrl());
    }

    @Override
    public void unregisterWebhook() {
        webhooks.unregister();
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    /** The id of the webhook this endpoint registered, or null. */
    public String getRegisteredWebhookId() {
        return webhooks.webhookId();
    }

    /**
     * The filters that narrow a consumer's scan (the list's {@link OperationDef#scanFilters()}), as a stable name of
     * its view, and whether records can leave it (a status, role or other choice filter: an id filter keeps them).
     */
    ConsumerSettings consumerSettings() {
        WebworkConfiguration c = configuration;
        TreeMap<String, Object> filters = new TreeMap<>();
        boolean filtered = false;
        ParameterSource options = parameterSource();
        List<Param> scanFilters = OperationCatalogue.find(resource, "list").map(OperationDef::scanFilters)
                .orElse(List.of());
        for (Param filter : scanFilters) {
            Object value = options.option(filter.option());
            if (value != null) {
                filters.put(filter.option(), value);
                filtered |= LEAVABLE.contains(filter.field().type());
            }
        }
        // no '=' or ':' in a state key (Camel's file state repository stores key=value lines)
        String view = filters.entrySet().stream()
                .map(e -> e.getKey() + "." + String.valueOf(e.getValue()).replaceAll("[^A-Za-z0-9_.@-]", "_"))
                .collect(Collectors.joining("+"));
        if ((c.getBackfillFrom() == null) != (c.getBackfillTo() == null)) {
            throw new IllegalArgumentException("webwork:" + resource + ": backfillFrom and backfillTo go together");
        }
        return new ConsumerSettings(c.getWorkspaceId(), c.getLookbackDays(), c.getMaxRequestsPerPoll(),
                c.getTimeZone(), c.isSnapshot(), c.getBackfillFrom(), c.getBackfillTo(), c.getStateRepository(),
                c.getStateFile(), view, filtered, c.getReconcileEvery(), c.getOnInvalidState(), c.getTrigger(),
                Duration.ofMillis(c.getReconcileInterval()));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (ObjectHelper.isEmpty(configuration.getBaseUrl())) {
            throw new IllegalArgumentException("The baseUrl option of webwork:" + resource + " is empty");
        }
        WebworkComponent component = getComponent();
        WebworkComponent.Credential credential = component.credential(configuration, "webwork:" + resource);
        RetrySettings retry = new RetrySettings(configuration.getMaxAttempts(),
                Duration.ofMillis(configuration.getRetryInitialBackoff()),
                Duration.ofMillis(configuration.getRetryMaxBackoff()), Duration.ofMillis(configuration.getMaxRetryAfter()),
                Duration.ofMillis(configuration.getMaxBudgetWait()),
                // the server may still be working on a create that timed out: look for it after twice the timeout
                Duration.ofMillis(2 * configuration.getResponseTimeout()));
        CloseableHttpClient http = component.httpClient(configuration);
        health = component.health(credential, configuration.getBaseUrl(), http);
        idempotentRepository = component.idempotentRepository(configuration);
        WebworkClient base = new WebworkClient(http, configuration.getBaseUrl(),
                credential.provider(), component.objectMapper(), component.budget(credential.key(), configuration),
                retry).withMetrics(component.metrics().client(WebworkComponent.metricsTag(credential.key())));
        StoreBudget shared = component.storeBudget(credential.key(), configuration);
        if (shared != null) {
            base = base.withStoreBudget(shared);
        }
        client = base.withLane(lane(RateBudget.Lane.INTERACTIVE));
        consumerClient = base.withLane(lane(RateBudget.Lane.BULK));
    }

    /** The budgetLane option; {@code auto} is the lane given (producers interactive, consumers bulk). */
    private RateBudget.Lane lane(RateBudget.Lane auto) {
        String lane = configuration.getBudgetLane() == null ? "auto" : configuration.getBudgetLane().trim();
        return switch (lane.toLowerCase(Locale.ROOT)) {
            case "auto" -> auto;
            case "interactive" -> RateBudget.Lane.INTERACTIVE;
            case "bulk" -> RateBudget.Lane.BULK;
            default -> throw new IllegalArgumentException("webwork:" + resource + ": budgetLane is auto, interactive or"
                                                          + " bulk, not '" + lane + "'");
        };
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        consumerClient = null;
        super.doStop();
    }

    WebworkHealth health() {
        return health;
    }

    IdempotentRepository idempotentRepository() {
        return idempotentRepository;
    }

    /** The client of the consumer: the same, in the consumer's lane of the rate budget. */
    WebworkClient consumerClient() {
        WebworkClient c = consumerClient;
        if (c == null) {
            throw new IllegalStateException("webwork:" + resource + " is not started");
        }
        return c;
    }

    WebworkClient client() {
        WebworkClient c = client;
        if (c == null) {
            throw new IllegalStateException("webwork:" + resource + " is not started");
        }
        return c;
    }

    public String getResource() {
        return resource;
    }

    public WebworkConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(WebworkConfiguration configuration) {
        this.configuration = configuration;
    }
}
