package io.github.camelwebwork.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelwebwork.client.HttpClientFactory;
import io.github.camelwebwork.client.HttpSettings;
import io.github.camelwebwork.client.WebworkAuthenticationException;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.client.oauth.FileTokenStore;
import io.github.camelwebwork.client.oauth.MemoryTokenStore;
import io.github.camelwebwork.client.oauth.OAuth2TokenProvider;
import io.github.camelwebwork.client.oauth.OAuth2Tokens;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.component.WebworkConfiguration;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth2 (house rule H7) against the sandbox's token endpoint: refresh, rotation, persistence, expiry, revocation. */
class OAuth2Test {

    private static final String APP = "timesheet-sync";
    private static final String SECRET = "app-secret-7c1d93";
    private static final String GET_TASK = "webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=500";

    @TempDir
    Path store;

    private final AtomicLong ticker = new AtomicLong(System.nanoTime());
    private WebworkSandbox sandbox;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        sandbox = WebworkSandbox.builder().oauthClient(APP, SECRET, 100).ticker(ticker::get)
                .accessTokenLifetime(Duration.ofHours(1)).build().start();
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        sandbox.close();
    }

    private ProducerTemplate camel(String refreshToken) {
        CamelContext context = new DefaultCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        WebworkConfiguration config = webwork.getConfiguration();
        config.setBaseUrl(sandbox.baseUrl());
        config.setTokenUrl(sandbox.tokenUrl());
        config.setClientId(APP);
        config.setClientSecret(SECRET);
        config.setRefreshToken(refreshToken);
        config.setTokenStoreDirectory(store.toString());
        context.addComponent("webwork", webwork);
        context.getRegistry().bind("metricsRegistry", meters);
        context.start();
        contexts.add(context);
        return context.createProducerTemplate();
    }

    private List<RecordedRequest> apiRequests() {
        return sandbox.requests().stream().filter(r -> r.path().startsWith("/api/v2")).toList();
    }

    /** The refresh token from the consent is used once; the rotated one is kept in the store, owner-only. */
    @Test
    void theRefreshTokenGrantRotatesAndTheStoreKeepsTheNewToken() throws Exception {
        String consented = sandbox.issueRefreshToken(APP);

        Task task = camel(consented).requestBody(GET_TASK, null, Task.class);

        assertThat(task.getId()).isEqualTo(500L);
        assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
        Path file;
        try (var files = Files.list(store)) {
            file = files.filter(f -> f.toString().endsWith(".properties")).findFirst().orElseThrow();
        }
        String saved = Files.readString(file);
        assertThat(saved).contains("refresh_token=").doesNotContain(consented);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(apiRequests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
    }

    /** After a restart the stored (rotated) tokens are used, not the configured refresh token, which is spent. */
    @Test
    void aRestartUsesTheStoredTokensAndNotTheSpentOne() {
        String consented = sandbox.issueRefreshToken(APP);
        camel(consented).requestBody(GET_TASK, null, Task.class);
        contexts.remove(0).stop();

        Task again = camel(consented).requestBody(GET_TASK, null, Task.class);

        assertThat(again.getId()).isEqualTo(500L);
        assertThat(sandbox.tokenRequests()).as("the stored access token is still valid").isEqualTo(1);
    }

    /** An access token that expires mid-run: one 401, one refresh, the request sent once more, no failed exchange. */
    @Test
    void anAccessTokenThatExpiresMidRunIsRefreshedWithoutAFailedExchange() {
        ProducerTemplate template = camel(sandbox.issueRefreshToken(APP));
        for (int i = 0; i < 3; i++) {
            template.requestBody(GET_TASK, null, Task.class);
        }

        ticker.addAndGet(Duration.ofHours(2).toNanos());          // the server's clock passes the expiry
        List<Exchange> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            after.add(template.request(GET_TASK, e -> {
            }));
        }

        assertThat(after).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(2);
        assertThat(apiRequests()).extracting(RecordedRequest::status)
                .containsExactly(200, 200, 200, 401, 200, 200, 200);
        // the meters tell the same story: one attempt answered 401, sent again once with the refreshed token
        assertThat(meters.get("camel.webwork.requests").tag("status", "401").timer().count()).isEqualTo(1);
        assertThat(meters.get("camel.webwork.retries").tag("cause", "token_refresh").counter().count()).isEqualTo(1);
    }

    /** A revoked grant fails clearly: one 401 and one refused refresh per exchange, never a storm. */
    @Test
    void aRevokedGrantFailsClearlyWithoutARetryStorm() {
        ProducerTemplate template = camel(sandbox.issueRefreshToken(APP));
        template.requestBody(GET_TASK, null, Task.class);
        sandbox.revokeAccessTokens(APP);
        int tokenRequestsBefore = sandbox.tokenRequests();

        Exchange failed = template.request(GET_TASK, e -> {
        });

        assertThat(failed.getException()).isInstanceOf(WebworkAuthenticationException.class)
                .hasMessageContaining("OAuth2 refresh_token grant refused for client " + APP)
                .hasMessageContaining("authorise the app again")
                .hasMessageNotContaining(SECRET);
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(200, 401);
        assertThat(sandbox.tokenRequests() - tokenRequestsBefore).isEqualTo(1);
    }

    /** Without a refresh token the client-credentials grant is used. */
    @Test
    void withoutARefreshTokenTheClientCredentialsGrantIsUsed() {
        Task task = camel(null).requestBody(GET_TASK, null, Task.class);

        assertThat(task.getId()).isEqualTo(500L);
        assertThat(sandbox.tokenRequestsByGrant()).containsOnlyKeys("client_credentials");
    }

    /** Refresh ahead of expiry: past a tenth of the lifetime before it, the token is renewed before any 401. */
    @Test
    void theTokenIsRefreshedAheadOfExpiry() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T08:00:00Z"));
        try (CloseableHttpClient http = HttpClientFactory.create(new HttpSettings(Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(2), 4, null, null, null, null, null, null, null), "test")) {
            OAuth2TokenProvider provider = new OAuth2TokenProvider(http, WebworkJson.newMapper(), sandbox.tokenUrl(),
                    APP, SECRET, sandbox.issueRefreshToken(APP), new MemoryTokenStore(), clock);
            String first = provider.accessToken();
            clock.advance(Duration.ofMinutes(50));
            assertThat(provider.accessToken()).as("50 of 60 minutes: still fresh").isEqualTo(first);

            clock.advance(Duration.ofMinutes(5));             // 55 of 60: inside the last tenth
            String second = provider.accessToken();

            assertThat(second).isNotEqualTo(first);
            assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(2);
            assertThat(provider.toString()).doesNotContain(SECRET).doesNotContain(first).doesNotContain(second);
        }
    }

    /** Eight threads needing a token at once cause one refresh. */
    @Test
    void oneRefreshAtATimePerCredential() throws Exception {
        ProducerTemplate template = camel(sandbox.issueRefreshToken(APP));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Task>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return template.requestBody(GET_TASK, null, Task.class);
            }));
        }
        go.countDown();
        for (Future<Task> call : calls) {
            assertThat(call.get(30, TimeUnit.SECONDS).getId()).isEqualTo(500L);
        }
        pool.shutdown();

        assertThat(sandbox.tokenRequests()).isEqualTo(1);
    }

    /** The file store round-trips and masks the tokens in toString. */
    @Test
    void theFileStoreMasksTokens() {
        FileTokenStore files = new FileTokenStore(store);
        var tokens = new OAuth2Tokens("access-abc", "refresh-def",
                Instant.parse("2026-11-29T08:00:00Z"), Instant.parse("2026-12-14T08:00:00Z"));
        files.save("oauth-1", tokens);

        assertThat(files.load("oauth-1")).contains(tokens);
        assertThat(tokens.toString()).doesNotContain("access-abc").doesNotContain("refresh-def");
        assertThat(tokens.refreshAt()).isEqualTo(Instant.parse("2026-12-13T08:00:00Z"));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
