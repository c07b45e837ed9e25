package io.github.camelwebwork.client;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/** Builds the pooled keep-alive Apache HttpClient 5 client for a set of {@link HttpSettings}. */
public final class HttpClientFactory {

    private HttpClientFactory() {
    }

    public static CloseableHttpClient create(HttpSettings settings, String userAgent) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                // HttpClient's own connections log the bearer token and secret form fields at DEBUG
                .setConnectionFactory(new MaskingConnectionFactory())
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.connectionRequestTimeout()))
                        .build())
                .setUserAgent(userAgent)
                // a retried write could book time twice: retries are the client's decision, never the transport's
                .disableAutomaticRetries()
                .disableCookieManagement();
        if (settings.hasProxy()) {
            HttpHost proxy = new HttpHost(settings.proxyScheme() == null ? "http" : settings.proxyScheme(),
                    settings.proxyHost(), settings.proxyPort() == null ? 8080 : settings.proxyPort());
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(
                        settings.proxyUsername(),
                        settings.proxyPassword() == null ? new char[0] : settings.proxyPassword().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        return builder.build();
    }
}
