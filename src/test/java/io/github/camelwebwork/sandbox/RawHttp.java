package io.github.camelwebwork.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Raw-HTTP calls (JDK HttpClient) that hand back the response as text or the transport failure as it is, for tests
 * of answers that are not JSON or not there at all. A fresh client per call: a reset must meet a new connection,
 * or the JDK client silently retries an idempotent request that failed on a pooled one.
 */
final class RawHttp {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private RawHttp() {
    }

    static HttpResponse<String> send(String method, String url, String body, String token, String contentType,
                                     Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    static HttpResponse<String> send(String method, String url, String body, String token, String contentType)
            throws IOException {
        return send(method, url, body, token, contentType, Duration.ofSeconds(10));
    }

    /** A form POST to the token endpoint, client credentials as HTTP Basic when {@code basicId} is not null. */
    static HttpResponse<String> tokenRequest(WebworkSandbox sandbox, String form, String basicId, String basicSecret)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.tokenUrl()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicId != null) {
            String pair = basicId + ":" + basicSecret;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
