package io.github.camelwebwork.component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.AccessTokenProvider;
import io.github.camelwebwork.client.BudgetStore;
import io.github.camelwebwork.client.HttpClientFactory;
import io.github.camelwebwork.client.HttpSettings;
import io.github.camelwebwork.client.RateBudget;
import io.github.camelwebwork.client.SharedBudgets;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.client.StoreBudget;
import io.github.camelwebwork.client.oauth.FileTokenStore;
import io.github.camelwebwork.client.oauth.OAuth2TokenProvider;
import io.github.camelwebwork.client.oauth.TokenStore;
import io.github.camelwebwork.model.ModelJson;
import io.github.camelwebwork.metrics.WebworkMetrics;
import io.github.camelwebwork.metrics.micrometer.MicrometerLookup;
import io.github.camelwebwork.operation.FieldType;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.operation.OperationCatalogue;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.ObjectHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The webwork: component. Owns what endpoints share: the default configuration, one pooled HTTP client per
 * set of HTTP settings, and the JSON mapper.
 */
@Component("webwork")
public class WebworkComponent extends HealthCheckComponent implements SSLContextParametersAware {

    static final String USER_AGENT = "camel-webwork";

    @Metadata
    private WebworkConfiguration configuration = new WebworkConfiguration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "advanced", autowired = true,
              description = "The clock the component takes now and today from: the time of a change, the days a"
                            + " time-data scan covers, the within-a-year check of a daily timeline, the age of a"
                            + " webhook's timestamp, health freshness and OAuth2 token expiry; the shipped routes take"
                            + " their today from it too. Default: the system clock in UTC. Autowired: a single"
                            + " java.time.Clock bean in the registry is used, so a test can stand the component and"
                            + " the routes at any instant.")
    private Clock clock;
    @Metadata(label = "advanced", defaultValue = "true",
              description = "Record the component's meters (requests, retries, rate budget, change capture, webhooks;"
                            + " docs/metrics.md) in the Micrometer MeterRegistry of the Camel registry: the single one"
                            + " bound, else the one named metricsRegistry (as camel-micrometer binds it). Without"
                            + " Micrometer on the class path or a registry bound nothing is recorded, at no cost.")
    private boolean metricsEnabled = true;
    /** Null until first asked for: an endpoint may start before this component does. */
    private volatile WebworkMetrics metrics;

    private final Map<HttpSettings, CloseableHttpClient> httpClients = new ConcurrentHashMap<>();
    private final Map<String, AccessTokenProvider> credentials = new ConcurrentHashMap<>();
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, StoreBudget> storeBudgets = new ConcurrentHashMap<>();
    private final Set<BudgetStore> openedStores = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<HealthKey, WebworkHealth> health = new ConcurrentHashMap<>();
    private IdempotentRepository defaultIdempotentRepository;
    private final ObjectMapper objectMapper = ModelJson.newMapper();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!OperationCatalogue.hasResource(remaining)) {
            throw new IllegalArgumentException("Unknown WebWork resource '" + remaining + "' in " + uri
                                               + ". Valid resources: " + String.join(", ", OperationCatalogue.resources()));
        }
        WebworkEndpoint endpoint = new WebworkEndpoint(uri, this, remaining, configuration.copy());
        requireNumbers(remaining, parameters);
        setProperties(endpoint, parameters);
        endpoint.validateOperation();
        return endpoint;
    }

    /** The options the catalogue reads as whole numbers (ids, pages, ...). */
    private static final Set<String> NUMBER_OPTIONS = OperationCatalogue.all().stream()
            .flatMap(op -> op.params().stream())
            .filter(p -> p.hasOption() && (p.field().type() == FieldType.INTEGER_ID
                                           || p.field().type() == FieldType.INTEGER))
            .map(Param::option).collect(Collectors.toUnmodifiableSet());

    /**
     * Camel converts a number option's text that is not a number to 0 without a word, and the user's value would be
     * lost behind "must be at least 1 (got 0)": such a value is refused here, quoted.
     */
    private static void requireNumbers(String resource, Map<String, Object> parameters) {
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            if (NUMBER_OPTIONS.contains(e.getKey()) && e.getValue() instanceof String text && !text.startsWith("#")
                && !text.trim().matches("[+-]?[0-9]+")) {
                throw new IllegalArgumentException("webwork:" + resource + ": option " + e.getKey()
                                                   + " must be a whole number (got '" + text + "')");
            }
        }
    }

    /** The clock set or autowired; null when none was (then {@link #clock()} is the system clock in UTC). */
    public Clock getClock() {
        return clock;
    }

    /** The clock in use: the one set or autowired, else the system clock in UTC. */
    public Clock clock() {
        return clock != null ? clock : Clock.systemUTC();
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    CloseableHttpClient httpClient(WebworkConfiguration config) throws Exception {
        HttpSettings settings = new HttpSettings(Duration.ofMillis(config.getConnectTimeout()),
                Duration.ofMillis(config.getResponseTimeout()), Duration.ofMillis(config.getConnectionRequestTimeout()),
                config.getMaxConnections(), config.getProxyHost(), config.getProxyPort(), config.getProxyScheme(),
                config.getProxyUsername(), config.getProxyPassword(), sslContext(config),
                config.getHttpClientConfigurer());
        return httpClients.computeIfAbsent(settings, s -> HttpClientFactory.create(s, USER_AGENT));
    }

    private SSLContext sslContext(WebworkConfiguration config) throws Exception {
        SSLContextParameters parameters = config.getSslContextParameters();
        if (parameters == null && useGlobalSslContextParameters) {
            parameters = retrieveGlobalSslContextParameters();
        }
        return parameters == null ? null : parameters.createSSLContext(getCamelContext());
    }

    /**
     * The credential of a configuration: an OAuth2 client when clientId is set, else the access token. One provider
     * per credential for the whole component, so that every endpoint shares its refreshes.
     */
    Credential credential(WebworkConfiguration config, String forWhat) throws Exception {
        if (ObjectHelper.isNotEmpty(config.getClientId())) {
            if (ObjectHelper.isEmpty(config.getClientSecret())) {
                throw new IllegalArgumentException("The WebWork OAuth2 client " + config.getClientId() + " of "
                                                   + forWhat + " has no clientSecret");
            }
            String key = OAuth2TokenProvider.keyOf(config.getTokenUrl(), config.getClientId());
            CloseableHttpClient http = httpClient(config);
            AccessTokenProvider provider = credentials.computeIfAbsent(key, k -> new OAuth2TokenProvider(http,
                    objectMapper, config.getTokenUrl(), config.getClientId(), config.getClientSecret(),
                    config.getRefreshToken(), tokenStore(config), clock()));
            return new Credential(key, provider);
        }
        if (ObjectHelper.isEmpty(config.getAccessToken())) {
            throw new IllegalArgumentException("No WebWork credential for " + forWhat + ": set the accessToken option"
                                               + " (camel.component.webwork.access-token), or clientId and"
                                               + " clientSecret for OAuth2");
        }
        String token = config.getAccessToken();
        String key = "token-" + fingerprint(token);
        return new Credential(key, credentials.computeIfAbsent(key, k -> () -> token));
    }

    /**
     * The rate budget of a base URL and credential, shared by every endpoint, component and CamelContext of this JVM
     * that uses them ({@link SharedBudgets}); held until this component stops.
     */
    RateBudget budget(String credentialKey, WebworkConfiguration config) {
        String key = config.getBaseUrl() + " " + credentialKey + via(config.getBudgetStore());
        return budgets.computeIfAbsent(key, k -> {
            RateBudget budget = SharedBudgets.hold(k, config.getRateLimit(),
                    Duration.ofMillis(config.getRateLimitWindow()));
            metrics().watchBudget(metricsTag(credentialKey), budget::remaining);
            return budget;
        });
    }

    /**
     * The metrics in use, looked up once (at start, or by the first endpoint that starts before): the registry's, else
     * {@link WebworkMetrics#NOOP}. The shipped routes report their progress there.
     */
    public WebworkMetrics metrics() {
        WebworkMetrics found = metrics;
        if (found == null) {
            synchronized (this) {
                if (metrics == null) {
                    metrics = lookUpMetrics();
                }
                found = metrics;
            }
        }
        return found;
    }

    private WebworkMetrics lookUpMetrics() {
        // Micrometer is optional: its classes are loaded only when it is on the class path
        if (metricsEnabled && getCamelContext().getClassResolver()
                .resolveClass("io.micrometer.core.instrument.MeterRegistry") != null) {
            return MicrometerLookup.metrics(getCamelContext().getRegistry(), clock());
        }
        return WebworkMetrics.NOOP;
    }

    /** A credential as the meters tag it: a short fingerprint of its key, itself free of the secret. */
    static String metricsTag(String credentialKey) {
        return Sha256.hex(credentialKey, 6);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        metrics();
    }

    /**
     * The budget of a base URL and credential in the configuration's budgetStore, or null without one; shared by every
     * component of this JVM that uses the store, held until this component stops. The store's key is a fingerprint.
     */
    StoreBudget storeBudget(String credentialKey, WebworkConfiguration config) {
        BudgetStore store = config.getBudgetStore();
        if (store == null) {
            return null;
        }
        String name = config.getBaseUrl() + " " + credentialKey;
        return storeBudgets.computeIfAbsent(name + via(store), k -> {
            synchronized (openedStores) {
                if (openedStores.add(store)) {
                    store.open();
                }
            }
            return StoreBudget.hold(store, "webwork-" + Sha256.hex(name, 16), name, config.getRateLimit(),
                    Duration.ofMillis(config.getRateLimitWindow()), config.getBudgetFallbackShare());
        });
    }

    /**
     * The JVM's local budget is one per store: a store stands for the processes it coordinates, so two stores in one
     * JVM (two members of a cluster, as in a test) are two processes.
     */
    private static String via(BudgetStore store) {
        return store == null ? "" : " via " + store.getClass().getSimpleName() + "@"
                                    + Integer.toHexString(System.identityHashCode(store));
    }

    /**
     * The health of the calls to one base URL with one credential through one HTTP client (its timeouts, proxy and
     * TLS): an endpoint that differs in any of them can fail while another works.
     */
    WebworkHealth health(Credential credential, String baseUrl, CloseableHttpClient http) {
        return health.computeIfAbsent(new HealthKey(baseUrl, credential.key(), http),
                k -> new WebworkHealth(credential.key(), clock()));
    }

    /** What makes a call succeed; the HTTP client compares by identity (one per set of HTTP settings). */
    private record HealthKey(String baseUrl, String credentialKey, CloseableHttpClient http) {
    }

    /** User-supplied idempotency repositories this component started (and so stops). */
    private final Set<IdempotentRepository> startedRepositories =
            Collections.newSetFromMap(new IdentityHashMap<>());

    IdempotentRepository idempotentRepository(WebworkConfiguration config) throws Exception {
        IdempotentRepository supplied = config.getIdempotentRepository();
        if (supplied != null) {
            synchronized (this) {
                if (!ServiceHelper.isStarted(supplied) && !startedRepositories.contains(supplied)) {
                    // not started by the application (e.g. a bean of a YAML file): started here, stopped in doStop
                    ServiceHelper.startService(supplied);
                    startedRepositories.add(supplied);
                }
            }
            return supplied;
        }
        synchronized (this) {
            if (defaultIdempotentRepository == null) {
                defaultIdempotentRepository = MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
                ServiceHelper.startService(defaultIdempotentRepository);
            }
            return defaultIdempotentRepository;
        }
    }

    private TokenStore tokenStore(WebworkConfiguration config) {
        if (config.getTokenStore() != null) {
            return config.getTokenStore();
        }
        String directory = config.getTokenStoreDirectory();
        return new FileTokenStore(directory != null ? Path.of(directory)
                : Path.of(System.getProperty("user.home"), ".camel-webwork", "tokens"));
    }

    /** A non-secret fingerprint of a token: the first 8 bytes of its SHA-256, in hex. */
    static String fingerprint(String token) {
        return Sha256.hex(token, 8);
    }

    /** A credential's non-secret key and its token provider. */
    record Credential(String key, AccessTokenProvider provider) {
        @Override
        public String toString() {
            return "Credential[" + key + "]";
        }
    }

    ObjectMapper objectMapper() {
        return objectMapper;
    }

    @Override
    protected void doStop() throws Exception {
        httpClients.values().forEach(IOHelper::close);
        httpClients.clear();
        credentials.clear();
        budgets.forEach(SharedBudgets::release);
        budgets.clear();
        storeBudgets.values().forEach(StoreBudget::release);
        storeBudgets.clear();
        synchronized (openedStores) {
            openedStores.forEach(BudgetStore::close);
            openedStores.clear();
        }
        health.clear();
        synchronized (this) {
            if (metrics != null) {
                metrics.close();
                metrics = null;
            }
        }
        ServiceHelper.stopService(defaultIdempotentRepository);
        defaultIdempotentRepository = null;
        synchronized (this) {
            ServiceHelper.stopService(startedRepositories);
            startedRepositories.clear();
        }
        super.doStop();
    }

    public WebworkConfiguration getConfiguration() {
        return configuration;
    }

    public boolean isMetricsEnabled() {
        return metricsEnabled;
    }

    /** Whether to record meters in the Camel registry's MeterRegistry (docs/metrics.md). */
    public void setMetricsEnabled(boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    /** The defaults of every endpoint's options. */
    public void setConfiguration(WebworkConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSLContextParameters when an endpoint sets none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
