package io.github.camelwebwork.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Raw-HTTP test client (JDK HttpClient only) for the sandbox's own tests. */
final class SandboxClient {

    static final String JSON = "application/json";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode json, HttpHeaders headers) {
        JsonNode data() {
            return json.get("data");
        }

        String message() {
            return json.path("message").asText(null);
        }

        JsonNode errors() {
            return json.get("errors");
        }

        JsonNode pagination() {
            return json.path("meta").get("pagination");
        }
    }

    private final Supplier<WebworkSandbox> sandbox;

    SandboxClient(WebworkSandbox sandbox) {
        this(() -> sandbox);
    }

    /** A client of the sandbox {@code sandbox} supplies at each call, such as a test's {@code SandboxExtension}. */
    SandboxClient(Supplier<WebworkSandbox> sandbox) {
        this.sandbox = sandbox;
    }

    /** GET with the owner token; {@code pathAndQuery} is relative to the base URL, e.g. "/tasks?x=1". */
    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, sandbox.get().token(), null);
    }

    Reply get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, null, token, null);
    }

    /** A write with the owner token and a JSON body. */
    Reply send(String method, String pathAndQuery, String jsonBody) {
        return send(method, pathAndQuery, jsonBody, sandbox.get().token(), JSON);
    }

    Reply send(String method, String pathAndQuery, String body, String token, String contentType) {
        return sendRaw(method, sandbox.get().baseUrl() + pathAndQuery, body, token, contentType);
    }

    /** Any URL, token null for none, body null for none. */
    static Reply sendRaw(String method, String url, String body, String token, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("sandbox answered non-JSON: " + body, e);
        }
    }
}
