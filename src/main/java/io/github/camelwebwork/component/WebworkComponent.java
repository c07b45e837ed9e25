package io.github.camelwebwork.component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.HttpClientFactory;
import io.github.camelwebwork.client.HttpSettings;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.operation.OperationCatalogue;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.IOHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The webwork: component. Owns what endpoints share: the default configuration, one pooled HTTP client per
 * set of HTTP settings, and the JSON mapper.
 */
@Component("webwork")
public class WebworkComponent extends DefaultComponent implements SSLContextParametersAware {

    static final String USER_AGENT = "camel-webwork";

    @Metadata
    private WebworkConfiguration configuration = new WebworkConfiguration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    private final Map<HttpSettings, CloseableHttpClient> httpClients = new ConcurrentHashMap<>();
    private final ObjectMapper objectMapper = WebworkJson.newMapper();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!OperationCatalogue.hasResource(remaining)) {
            throw new IllegalArgumentException("Unknown WebWork resource '" + remaining + "' in " + uri
                                               + ". Valid resources: " + String.join(", ", OperationCatalogue.resources()));
        }
        WebworkEndpoint endpoint = new WebworkEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.validateOperation();
        return endpoint;
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

    ObjectMapper objectMapper() {
        return objectMapper;
    }

    @Override
    protected void doStop() throws Exception {
        httpClients.values().forEach(IOHelper::close);
        httpClients.clear();
        super.doStop();
    }

    public WebworkConfiguration getConfiguration() {
        return configuration;
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
