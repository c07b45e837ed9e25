package io.github.camelwebwork.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s to one WebWork base URL with one credential and unwraps the envelope. Every non-2xx answer
 * and every {@code success: false} becomes a typed {@link WebworkApiException}; never an empty result in its place.
 */
public class WebworkClient {

    private static final Logger LOG = LoggerFactory.getLogger(WebworkClient.class);
    /** Reference "Tasks: wire examples": {@code Content-Type: application/json}, no charset parameter. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient http;
    private final String baseUrl;
    private final String basePath;
    private final AccessTokenProvider tokens;
    private final ObjectMapper mapper;

    public WebworkClient(CloseableHttpClient http, String baseUrl, AccessTokenProvider tokens, ObjectMapper mapper) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.basePath = java.net.URI.create(this.baseUrl).getRawPath();
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public ApiResponse execute(ApiRequest request) {
        String target = baseUrl + request.pathAndQuery();
        String fullPath = basePath + request.path();
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method())
                .setUri(target)
                .setHeader("Authorization", "Bearer " + tokens.accessToken())
                .setHeader("Accept", "application/json");
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(serialize(request), JSON));
        }
        long started = System.nanoTime();
        try {
            ApiResponse response = http.execute(builder.build(), r -> read(request, fullPath, r));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", request.method(), basePath + request.pathAndQuery(),
                        response.statusCode(), (System.nanoTime() - started) / 1_000_000);
            }
            return response;
        } catch (IOException e) {
            throw new WebworkTransportException("WebWork API " + request.method() + " " + fullPath
                                                + " got no answer: " + e.getClass().getSimpleName()
                                                + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private byte[] serialize(ApiRequest request) {
        try {
            return mapper.writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw new WebworkException("Cannot write the JSON body of " + request.method() + " " + request.path(), e);
        }
    }

    private ApiResponse read(ApiRequest request, String fullPath, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        String raw = response.getEntity() == null
                ? "" : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
        JsonNode envelope = parse(raw);
        boolean ok = status >= 200 && status < 300;
        if (!ok || envelope == null || envelope.path("success").asBoolean(true) == false) {
            if (ok && envelope == null && !raw.isBlank()) {
                throw new WebworkTransportException("WebWork API " + request.method() + " " + fullPath
                                                    + " answered HTTP " + status + " with a body that is not JSON",
                        null);
            }
            if (!ok || envelope != null) {
                throw ApiErrors.toException(status, request.method(), fullPath, envelope, raw);
            }
        }
        return new ApiResponse(status, envelope == null ? mapper.createObjectNode() : envelope,
                ApiResponse.headersOf(headers(response)));
    }

    private JsonNode parse(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(raw);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<Map.Entry<String, String>> headers(ClassicHttpResponse response) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (Header h : response.getHeaders()) {
            list.add(Map.entry(h.getName(), h.getValue()));
        }
        return list;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "WebworkClient[" + baseUrl + "]";
    }
}
