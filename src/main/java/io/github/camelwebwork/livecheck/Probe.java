package io.github.camelwebwork.livecheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camelwebwork.client.ApiRequest;

/**
 * Sends the check's requests as they are, one attempt each, and keeps every answer whole: the component's client
 * would retry, refresh and unwrap the envelope, and so hide what the check is after. Only a 429 is waited out (once),
 * so that a user whose token other programs use too still gets a report.
 */
final class Probe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_RETRY_AFTER_MILLIS = 65_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String baseUrl;
    private final String token;
    private final ObjectMapper mapper;
    private final Masking masking;
    private int sent;

    Probe(String baseUrl, String token, ObjectMapper mapper) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.mapper = mapper;
        this.masking = new Masking(token);
    }

    Masking masking() {
        return masking;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Requests sent so far (429s waited out included). */
    int sent() {
        return sent;
    }

    Answer send(ApiRequest request) {
        return send(request, token);
    }

    /** The request with another bearer token (the check's invalid one, for the shape of a 401). */
    Answer send(ApiRequest request, String bearer) {
        Answer answer = once(request, bearer);
        if (answer.status() == 429) {
            long wait = retryAfterMillis(answer);
            if (wait <= MAX_RETRY_AFTER_MILLIS) {
                pause(wait);
                answer = once(request, bearer);
            }
        }
        return answer;
    }

    private Answer once(ApiRequest request, String bearer) {
        String body = request.body() == null ? null : request.body().toString();
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .method(request.method(), publisher);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        String line = request.method() + " " + URI.create(baseUrl).getRawPath() + request.pathAndQuery()
                      + (body == null ? "" : " " + body);
        sent++;
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(line, response.statusCode(), headers(response), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new LiveCheckException(masking.mask(line + " failed: " + e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveCheckException(masking.mask(line + " was interrupted"), e);
        }
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static long retryAfterMillis(Answer answer) {
        try {
            String millis = answer.header("Retry-After-Millis");
            if (millis != null) {
                return Long.parseLong(millis.trim());
            }
            String seconds = answer.header("Retry-After");
            return seconds == null ? 1000 : Long.parseLong(seconds.trim()) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);           // the API asked for it; the check has nothing else to do meanwhile
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveCheckException("interrupted while waiting out a 429", e);
        }
    }
}
