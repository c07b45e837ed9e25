package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.apache.camel.component.http.HttpClientConfigurer;

/**
 * Everything that shapes the pooled HTTP client. Endpoints whose settings are equal share one client (and so one
 * connection pool).
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, Duration connectionRequestTimeout,
                           int maxConnections, String proxyHost, Integer proxyPort, String proxyScheme,
                           String proxyUsername, String proxyPassword, SSLContext sslContext,
                           HttpClientConfigurer configurer) {

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(connectionRequestTimeout, "connectionRequestTimeout");
    }

    public boolean hasProxy() {
        return proxyHost != null && !proxyHost.isBlank();
    }

    @Override
    public String toString() {
        return "HttpSettings[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
               + ", maxConnections=" + maxConnections + ", proxy=" + (hasProxy() ? proxyHost + ":" + proxyPort : "none")
               + ", proxyPassword=" + (proxyPassword == null ? "none" : "xxxxxx") + ", tls="
               + (sslContext == null ? "default" : "custom") + "]";
    }
}
