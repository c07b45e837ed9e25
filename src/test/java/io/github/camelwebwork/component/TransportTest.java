package io.github.camelwebwork.component;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelwebwork.client.WebworkTransportException;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Proxy and TLS settings reach the wire. */
class TransportTest extends SandboxTestSupport {

    @TempDir
    Path dir;

    @Test
    void requestsGoThroughTheConfiguredProxy() {
        // webwork.invalid cannot resolve: the answer can only come through the proxy (the sandbox, serving the
        // absolute-form request a proxy receives)
        Task task = template.requestBody("webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=500"
                                         + "&baseUrl=http://webwork.invalid/api/v2&proxyHost=127.0.0.1&proxyPort="
                                         + sandbox.port(), null, Task.class);

        assertThat(task.getId()).isEqualTo(500L);
        RecordedRequest request = onlyRequest();
        assertThat(request.header("Host")).isEqualTo("webwork.invalid");
        assertThat(request.path()).isEqualTo("/api/v2/tasks/500");
    }

    @Test
    void tlsUsesTheTrustStoreOfTheSslContextParameters() throws Exception {
        Path keystore = selfSignedKeystore();
        HttpsServer server = httpsServer(keystore);
        try {
            String base = "https://localhost:" + server.getAddress().getPort() + "/api/v2";
            String uri = "webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=500&baseUrl=" + base;

            Throwable untrusted = catchThrowable(() -> template.requestBody(uri, null, Task.class));
            assertThat(untrusted).isInstanceOf(CamelExecutionException.class);
            assertThat(untrusted.getCause()).isInstanceOf(WebworkTransportException.class);

            context.getRegistry().bind("webworkTls", trusting(keystore));
            Task task = template.requestBody(uri + "&sslContextParameters=#webworkTls", null, Task.class);
            assertThat(task.getTitle()).isEqualTo("Served over TLS");
        } finally {
            server.stop(0);
        }
    }

    private SSLContextParameters trusting(Path keystore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keystore);
        store.setPassword("changeit");
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private Path selfSignedKeystore() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        assertThat(Files.exists(keystore)).isTrue();
        return keystore;
    }

    private static HttpsServer httpsServer(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            byte[] body = "{\"success\":true,\"data\":{\"id\":500,\"title\":\"Served over TLS\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
