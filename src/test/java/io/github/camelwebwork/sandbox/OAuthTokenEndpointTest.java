package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.support.SandboxExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** H7 / §3: {@code POST /oauth/token}, its grants, refresh-token rotation, expiry and revocation. */
class OAuthTokenEndpointTest {

    private static final String CLIENT = "reporting-app";
    private static final String SECRET = "s3cret";
    private static final String REGULAR_CLIENT = "regular-app";
    private static final String REDIRECT = "https://app.example/callback";
    private static final String TASKS = "/tasks?workspace_id=1&project_id=100";
    private static final String CREATE = "{\"workspace_id\":1,\"project_id\":100,\"title\":\"Via OAuth\"}";

    private final AtomicLong nanos = new AtomicLong();
    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.of(WebworkSandbox.builder().oauthClient(CLIENT, SECRET, 100)
            .oauthClient(REGULAR_CLIENT, "x", 103).accessTokenLifetime(Duration.ofMillis(300))
            .refreshTokenLifetime(Duration.ofSeconds(2)).ticker(nanos::get));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void tokenUrlSitsBesideTheApi() {
        assertThat(sandbox.get().tokenUrl()).isEqualTo("http://127.0.0.1:" + sandbox.get().port() + "/oauth/token");
    }

    @Test
    void clientCredentialsGiveAnAccessTokenWithoutRefreshToken() throws IOException {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=" + CLIENT
                + "&client_secret=" + SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = json(response);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.path("expires_in").isIntegralNumber()).isTrue();
        assertThat(client.get(TASKS, body.path("access_token").asText()).status()).isEqualTo(200);
        assertThat(sandbox.get().tokenRequests()).isEqualTo(1);
        assertThat(sandbox.get().tokenRequests("client_credentials")).isEqualTo(1);
    }

    @Test
    void theDefaultLifetimesAreFifteenDays() throws IOException {
        try (WebworkSandbox defaults = WebworkSandbox.builder().oauthClient(CLIENT, SECRET, 100).build().start()) {
            HttpResponse<String> response = RawHttp.tokenRequest(defaults,
                    "grant_type=refresh_token&refresh_token=" + defaults.issueRefreshToken(CLIENT), CLIENT, SECRET);

            assertThat(json(response).path("expires_in").asLong()).isEqualTo(Duration.ofDays(15).toSeconds());
        }
    }

    @Test
    void clientCredentialsMayComeAsHttpBasic() throws IOException {
        HttpResponse<String> response = RawHttp.tokenRequest(sandbox.get(), "grant_type=client_credentials", CLIENT,
                SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(client.get(TASKS, json(response).path("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void aWrongOrUnknownClientIsInvalidClient() throws IOException {
        HttpResponse<String> wrongSecret = RawHttp.tokenRequest(sandbox.get(), "grant_type=client_credentials", CLIENT,
                "no");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).path("error").asText()).isEqualTo("invalid_client");
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpResponse<String> unknown = token("grant_type=client_credentials&client_id=nobody&client_secret=x");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown).path("error").asText()).isEqualTo("invalid_client");
        assertThat(token("grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownGrantTypeIsUnsupported() throws IOException {
        HttpResponse<String> response = RawHttp.tokenRequest(sandbox.get(), "grant_type=password&username=a&password=b",
                CLIENT, SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(sandbox.get().tokenRequests("password")).isEqualTo(1);
    }

    @Test
    void theTokenEndpointWantsAFormPost() throws IOException {
        HttpResponse<String> json = RawHttp.send("POST", sandbox.get().tokenUrl(),
                "{\"grant_type\":\"client_credentials\"}", null, RawHttp.JSON);
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json(json).path("error").asText()).isEqualTo("invalid_request");

        HttpResponse<String> get = RawHttp.send("GET", sandbox.get().tokenUrl(), null, null, null);
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void refreshTokensRotate() throws IOException {
        String first = sandbox.get().issueRefreshToken(CLIENT);

        JsonNode rotated = json(refresh(first));
        String second = rotated.path("refresh_token").asText();

        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(client.get(TASKS, rotated.path("access_token").asText()).status()).isEqualTo(200);
        HttpResponse<String> reuse = refresh(first);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(json(reuse).path("error").asText()).isEqualTo("invalid_grant");

        JsonNode third = json(refresh(second));
        assertThat(third.path("refresh_token").asText()).isNotEqualTo(second);
        assertThat(client.get(TASKS, rotated.path("access_token").asText()).status())
                .as("a refresh revokes the access token issued with the old refresh token").isEqualTo(401);
        assertThat(client.get(TASKS, third.path("access_token").asText()).status()).isEqualTo(200);
        assertThat(sandbox.get().tokenRequests("refresh_token")).isEqualTo(3);
    }

    @Test
    void aRefreshTokenBelongsToItsClient() throws IOException {
        HttpResponse<String> response = RawHttp.tokenRequest(sandbox.get(),
                "grant_type=refresh_token&refresh_token=" + sandbox.get().issueRefreshToken(CLIENT), REGULAR_CLIENT,
                "x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anAuthorizationCodeIsExchangedOnce() throws IOException {
        String code = sandbox.get().issueAuthorizationCode(CLIENT, REDIRECT);
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + REDIRECT
                + "&client_id=" + CLIENT + "&client_secret=" + SECRET;

        HttpResponse<String> exchanged = token(form);

        assertThat(exchanged.statusCode()).isEqualTo(200);
        JsonNode body = json(exchanged);
        assertThat(body.path("refresh_token").asText()).isNotBlank();
        assertThat(client.get(TASKS, body.path("access_token").asText()).status()).isEqualTo(200);
        HttpResponse<String> again = token(form);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(refresh(body.path("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAuthorizationCodeNeedsItsRedirectUri() throws IOException {
        String code = sandbox.get().issueAuthorizationCode(CLIENT, REDIRECT);

        HttpResponse<String> response = RawHttp.tokenRequest(sandbox.get(),
                "grant_type=authorization_code&code=" + code + "&redirect_uri=https://evil.example/cb", CLIENT, SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anExpiredAccessTokenIsUnauthenticated() throws IOException {
        String access = json(refresh(sandbox.get().issueRefreshToken(CLIENT))).path("access_token").asText();
        assertThat(client.get(TASKS, access).status()).isEqualTo(200);

        nanos.addAndGet(Duration.ofMillis(300).toNanos());

        Reply expired = client.get(TASKS, access);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.message()).isEqualTo("Unauthenticated.");
        assertThat(expired.json().path("success").asBoolean(true)).isFalse();
    }

    @Test
    void anExpiredRefreshTokenIsAnInvalidGrant() throws IOException {
        String refreshToken = sandbox.get().issueRefreshToken(CLIENT);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        HttpResponse<String> response = refresh(refreshToken);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void revokingEndsAccessAndRefreshTokens() throws IOException {
        JsonNode issued = json(refresh(sandbox.get().issueRefreshToken(CLIENT)));
        String access = issued.path("access_token").asText();
        assertThat(client.get(TASKS, access).status()).isEqualTo(200);

        sandbox.get().revokeAccessTokens(CLIENT);

        assertThat(client.get(TASKS, access).status()).isEqualTo(401);
        HttpResponse<String> refreshed = refresh(issued.path("refresh_token").asText());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(json(refreshed).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void oauthTokensActWithTheirUsersRole() throws IOException {
        String regular = json(RawHttp.tokenRequest(sandbox.get(), "grant_type=client_credentials", REGULAR_CLIENT, "x"))
                .path("access_token").asText();
        String owner = json(RawHttp.tokenRequest(sandbox.get(), "grant_type=client_credentials", CLIENT, SECRET))
                .path("access_token").asText();

        assertThat(client.send("POST", "/tasks", CREATE, regular, SandboxClient.JSON).status()).isEqualTo(403);
        assertThat(client.send("POST", "/tasks", CREATE, owner, SandboxClient.JSON).status()).isEqualTo(201);
    }

    @Test
    void oauthTokensShareTheirUsersRateLimit() throws IOException {
        try (WebworkSandbox limited = WebworkSandbox.builder().oauthClient(CLIENT, SECRET, 100)
                .rateLimit(2, Duration.ofMinutes(1)).build().start()) {
            SandboxClient limitedClient = new SandboxClient(limited);
            String access = json(RawHttp.tokenRequest(limited, "grant_type=client_credentials", CLIENT, SECRET))
                    .path("access_token").asText();

            assertThat(limitedClient.get(TASKS).status()).isEqualTo(200); // the owner's static token
            assertThat(limitedClient.get(TASKS, access).status()).isEqualTo(200);
            assertThat(limitedClient.get(TASKS, access).status()).isEqualTo(429);
            // the token endpoint itself is outside the API's budget
            assertThat(RawHttp.tokenRequest(limited, "grant_type=client_credentials", CLIENT, SECRET).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void faultsReachTheTokenEndpointOnlyWhenAPlanNamesIt() throws IOException {
        sandbox.get().faults(FaultPlan.builder().share(1).kinds(FaultKind.HTTP_503).build());
        assertThat(RawHttp.tokenRequest(sandbox.get(), "grant_type=client_credentials", CLIENT, SECRET).statusCode())
                .isEqualTo(200);

        sandbox.get().faults(FaultPlan.builder().share(1).kinds(FaultKind.RESET_AFTER).onlyPaths("POST /oauth/token")
                .build());
        String refreshToken = sandbox.get().issueRefreshToken(CLIENT);
        assertThatThrownBy(() -> refresh(refreshToken)).isInstanceOf(IOException.class);
        sandbox.get().clearFaults();

        // the rotation happened although its answer was lost
        assertThat(json(refresh(refreshToken)).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(client.get(TASKS).status()).isEqualTo(200);
    }

    private HttpResponse<String> refresh(String refreshToken) throws IOException {
        return RawHttp.tokenRequest(sandbox.get(), "grant_type=refresh_token&refresh_token=" + refreshToken, CLIENT,
                SECRET);
    }

    private HttpResponse<String> token(String form) throws IOException {
        return RawHttp.send("POST", sandbox.get().tokenUrl(), form, null, RawHttp.FORM);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }
}
