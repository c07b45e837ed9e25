package io.github.camelwebwork.client;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of the client the component builds. HttpClient's own connections print every header, the
 * {@code Authorization: Bearer} token included, and every byte (an OAuth2 form's {@code client_secret}, a webhook's
 * token in an answer) as soon as a user turns on {@code org.apache.hc.client5.http.headers} or {@code .wire} to debug
 * a call. These connections do not: HttpClient's header and wire loggers stay silent whatever their level, and the
 * request and status lines and the headers go to {@value #LOGGER} at DEBUG, with the values of credential headers
 * masked. Bodies are never logged.
 */
public final class MaskingConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    /** The logger of the masked header log. */
    public static final String LOGGER = "io.github.camelwebwork.client.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** Headers whose value is a credential. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key");
    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        MaskingConnection connection = new MaskingConnection("webwork-http-" + COUNTER.incrementAndGet());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    @Override
    public ManagedHttpClientConnection createConnection(SSLSocket sslSocket, Socket socket) throws IOException {
        MaskingConnection connection = new MaskingConnection("webwork-http-" + COUNTER.incrementAndGet());
        if (socket != null) {
            connection.bind(sslSocket, socket);
        }
        return connection;
    }

    /** {@code Authorization: Bearer ****}: the scheme stays readable, the credential does not. */
    static String masked(Header header) {
        if (!SECRET_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
            return header.getName() + ": " + header.getValue();
        }
        String value = header.getValue() == null ? "" : header.getValue();
        int space = value.indexOf(' ');
        return header.getName() + ": " + (space > 0 ? value.substring(0, space) + " ****" : "****");
    }

    private static final class MaskingConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection {

        private final String id;
        private Timeout activeTimeout;

        MaskingConnection(String id) {
            super(Http1Config.DEFAULT);
            this.id = id;
        }

        @Override
        public Socket getSocket() {
            return getSocketHolder() == null ? null : getSocketHolder().getSocket();
        }

        @Override
        public void passivate() {
            activeTimeout = getSocketTimeout();
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            if (activeTimeout != null) {
                super.setSocketTimeout(activeTimeout);
            }
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} >> {} {}{}", id, request.getMethod(), request.getRequestUri(), headers(request));
            }
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} << {} {}{}", id, response.getCode(), response.getReasonPhrase(), headers(response));
            }
        }

        private static String headers(HttpMessage message) {
            StringBuilder text = new StringBuilder();
            for (Header header : message.getHeaders()) {
                text.append("\n  ").append(masked(header));
            }
            return text.toString();
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
