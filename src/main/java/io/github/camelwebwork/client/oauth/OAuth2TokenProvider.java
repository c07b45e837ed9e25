package io.github.camelwebwork.client.oauth;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.AccessTokenProvider;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.client.WebworkAuthenticationException;
import io.github.camelwebwork.client.WebworkTransportException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 access tokens for the WebWork API (reference §3, house rule H7): the refresh-token grant for
 * authorization-code apps (the refresh token from the consent, rotated on every use and kept in a {@link TokenStore}),
 * or the client-credentials grant when no refresh token is configured. The token is refreshed ahead of expiry
 * ({@link OAuth2Tokens#refreshAt()}) and once after a 401; one refresh at a time per credential, however many
 * threads need a token. Neither tokens nor the client secret appear in logs, messages or {@link #toString()}.
 */
public final class OAuth2TokenProvider implements AccessTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenProvider.class);

    private final CloseableHttpClient http;
    private final ObjectMapper mapper;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String configuredRefreshToken;
    private final TokenStore store;
    private final Clock clock;
    private final String key;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile OAuth2Tokens current;

    public OAuth2TokenProvider(CloseableHttpClient http, ObjectMapper mapper, String tokenUrl, String clientId,
                               String clientSecret, String refreshToken, TokenStore store, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.configuredRefreshToken = refreshToken == null || refreshToken.isBlank() ? null : refreshToken;
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.key = keyOf(tokenUrl, clientId);
        this.current = store.load(key).orElse(null);
    }

    /** A stable, non-secret key of this credential: the store's key and the rate budget's. */
    public static String keyOf(String tokenUrl, String clientId) {
        return "oauth-" + Sha256.hex(tokenUrl + "\n" + clientId, 8);
    }

    public String key() {
        return key;
    }

    @Override
    public String accessToken() {
        OAuth2Tokens tokens = current;
        if (tokens == null || tokens.accessToken() == null || !clock.instant().isBefore(tokens.refreshAt())) {
            tokens = refresh(tokens);
        }
        return tokens.accessToken();
    }

    @Override
    public boolean refreshAfterRejection(String rejectedToken) {
        OAuth2Tokens tokens = current;
        if (tokens != null && !Objects.equals(tokens.accessToken(), rejectedToken)) {
            return true;                                            // another thread refreshed meanwhile
        }
        OAuth2Tokens refreshed = refresh(tokens);
        return !Objects.equals(refreshed.accessToken(), rejectedToken);
    }

    /** Refreshes unless another thread already replaced {@code seen}. */
    private OAuth2Tokens refresh(OAuth2Tokens seen) {
        refreshLock.lock();
        try {
            OAuth2Tokens now = current;
            if (now != seen && now != null && now.accessToken() != null
                && clock.instant().isBefore(now.refreshAt())) {
                return now;
            }
            OAuth2Tokens fresh = requestTokens(now);
            store.save(key, fresh);
            current = fresh;
            return fresh;
        } finally {
            refreshLock.unlock();
        }
    }

    private OAuth2Tokens requestTokens(OAuth2Tokens previous) {
        String refreshToken = previous != null && previous.refreshToken() != null
                ? previous.refreshToken() : configuredRefreshToken;
        String grant = refreshToken != null ? "refresh_token" : "client_credentials";
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("grant_type", grant));
        if (refreshToken != null) {
            form.add(new BasicNameValuePair("refresh_token", refreshToken));
        }
        form.add(new BasicNameValuePair("client_id", clientId));
        form.add(new BasicNameValuePair("client_secret", clientSecret));
        HttpPost post = new HttpPost(tokenUrl);
        post.setHeader("Accept", "application/json");
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        Instant sent = clock.instant();
        try {
            return http.execute(post, response -> {
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                JsonNode json = parse(body);
                int status = response.getCode();
                if (status != 200 || json == null || !json.path("access_token").isTextual()) {
                    String error = json == null ? null : json.path("error").asText(null);
                    throw new WebworkAuthenticationException(status, "POST", tokenPath(),
                            "OAuth2 " + grant + " grant refused for client " + clientId
                            + (error == null ? "" : ": " + error)
                            + (refreshToken != null ? " (the refresh token is no longer valid: authorise the app"
                                                      + " again and configure the new refresh token)" : ""),
                            null);
                }
                long expiresIn = json.path("expires_in").asLong(15L * 24 * 3600);
                String newRefresh = json.path("refresh_token").isTextual()
                        ? json.get("refresh_token").asText() : refreshToken;
                LOG.info("OAuth2 access token for client {} obtained ({} grant), valid {} s", clientId, grant,
                        expiresIn);
                return new OAuth2Tokens(json.get("access_token").asText(), newRefresh, sent,
                        sent.plusSeconds(expiresIn));
            });
        } catch (IOException e) {
            throw new WebworkTransportException("OAuth2 token request to " + tokenPath() + " got no answer: "
                                                + e.getClass().getSimpleName(), e);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String tokenPath() {
        return URI.create(tokenUrl).getPath();
    }

    @Override
    public String toString() {
        return "OAuth2TokenProvider[client " + clientId + ", " + tokenUrl + "]";
    }
}
