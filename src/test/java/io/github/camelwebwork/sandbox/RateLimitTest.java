package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** H5 / §6: 60 requests per minute per user, X-RateLimit-* on every answer, 429 with Retry-After. */
class RateLimitTest {

    private static final String TASKS = "/tasks?workspace_id=1&project_id=100";
    private final AtomicLong nanos = new AtomicLong();
    private WebworkSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theDefaultIsSixtyPerMinuteWithHeadersOnEveryAnswer() {
        sandbox = WebworkSandbox.startDefault();
        SandboxClient client = new SandboxClient(sandbox);

        Reply first = client.get(TASKS);
        Reply second = client.get(TASKS);

        assertThat(first.headers().firstValue("X-RateLimit-Limit")).contains("60");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("59");
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).contains("58");
        Reply notFound = client.get("/nowhere");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("X-RateLimit-Remaining")).contains("57");
        Reply invalid = client.send("POST", "/tasks", "{}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("X-RateLimit-Remaining")).contains("56");
    }

    @Test
    void refusesTheRequestAfterTheLimitWithRetryAfterUntilTheOldestSlotFrees() {
        sandbox = WebworkSandbox.builder().rateLimit(3, Duration.ofSeconds(10)).ticker(nanos::get).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        client.get(TASKS);
        nanos.set(seconds(1));
        client.get(TASKS);
        nanos.set(seconds(2));
        assertThat(client.get(TASKS).headers().firstValue("X-RateLimit-Remaining")).contains("0");

        nanos.set(millis(2_500));
        Reply refused = client.get(TASKS);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("success").asBoolean(true)).isFalse();
        assertThat(refused.message()).isEqualTo("Too Many Attempts.");
        assertThat(refused.json().path("meta").path("api_version").asText()).isEqualTo("2.0.0");
        assertThat(refused.headers().firstValue("Retry-After")).contains("8"); // 7.5 s, rounded up
        assertThat(refused.headers().firstValue("Retry-After-Millis")).contains("7500");
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).contains("3");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(sandbox.rateLimitedCount()).isEqualTo(1);
        assertThat(sandbox.overLimitCount()).isEqualTo(1);

        nanos.set(seconds(10)); // the request of t=0 leaves the window
        Reply admitted = client.get(TASKS);
        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(client.get(TASKS).headers().firstValue("Retry-After-Millis")).contains("1000");
    }

    @Test
    void refusedRequestsAreRecordedButDoNotSpendTheBudget() {
        sandbox = WebworkSandbox.builder().rateLimit(1, Duration.ofSeconds(1)).ticker(nanos::get).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        client.get(TASKS);
        nanos.set(millis(400));
        client.get(TASKS);
        nanos.set(millis(900));
        assertThat(client.get(TASKS).headers().firstValue("Retry-After-Millis")).contains("100");

        nanos.set(millis(1_000));
        assertThat(client.get(TASKS).status()).isEqualTo(200); // the refusals did not push the window on

        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(200, 429, 429, 200);
        assertThat(sandbox.requests()).extracting(RecordedRequest::fault).containsOnlyNulls();
        assertThat(sandbox.rateLimitedCount()).isEqualTo(2);
    }

    @Test
    void aSubSecondWaitStillAnnouncesOneWholeSecond() {
        sandbox = WebworkSandbox.builder().rateLimit(1, Duration.ofMillis(300)).ticker(nanos::get).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        client.get(TASKS);

        Reply refused = client.get(TASKS);

        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.headers().firstValue("Retry-After-Millis")).contains("300");
    }

    @Test
    void theBudgetBelongsToTheUserNotToTheToken() {
        sandbox = WebworkSandbox.builder().addToken("second-owner-token", 100).rateLimit(2, Duration.ofMinutes(1))
                .ticker(nanos::get).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        client.get(TASKS);
        client.get(TASKS, "second-owner-token");

        assertThat(client.get(TASKS, "second-owner-token").status()).isEqualTo(429);
        assertThat(client.get(TASKS).status()).isEqualTo(429);
        Reply otherUser = client.get(TASKS, WebworkSandbox.REGULAR_USER_TOKEN);
        assertThat(otherUser.status()).isEqualTo(200);
        assertThat(otherUser.headers().firstValue("X-RateLimit-Remaining")).contains("1");
    }

    /** Without a ticker the sandbox counts on the real clock: an hour's window stays full for the whole test. */
    @Test
    void aRealClockWindowRefusesTheRequestOverTheLimit() {
        sandbox = WebworkSandbox.builder().rateLimit(10, Duration.ofHours(1)).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(TASKS).status()).isEqualTo(200);
        }
        Reply refused = client.get(TASKS);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After-Millis").orElseThrow()))
                .isBetween(1L, Duration.ofHours(1).toMillis());
    }

    /**
     * A scaled-down window frees itself on the real clock: after a refusal a later request is admitted, without
     * anyone moving a ticker. (How many get through before the refusal depends on how fast this machine sends, so
     * that is not asserted: on a busy machine the window may free itself before the eleventh request.)
     */
    @Test
    void aScaledDownWindowFreesItselfInRealTime() {
        sandbox = WebworkSandbox.builder().rateLimit(1, Duration.ofMillis(500)).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).pollDelay(Duration.ZERO)
                .until(() -> client.get(TASKS).status() == 429);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get(TASKS).status() == 200);
    }

    @Test
    void noRateLimitMeansNoBudgetAndNoHeaders() {
        sandbox = WebworkSandbox.builder().noRateLimit().build().start();
        SandboxClient client = new SandboxClient(sandbox);
        for (int i = 0; i < 70; i++) {
            Reply reply = client.get(TASKS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
        assertThat(sandbox.rateLimitedCount()).isZero();
    }

    private static long seconds(long s) {
        return Duration.ofSeconds(s).toNanos();
    }

    private static long millis(long ms) {
        return Duration.ofMillis(ms).toNanos();
    }

    /** The busiest window is the most requests of one user admitted within one window, refusals not counted. */
    @Test
    void theBusiestWindowCountsWhatWasAdmittedInOneWindow() {
        sandbox = WebworkSandbox.builder().rateLimit(3, Duration.ofSeconds(10)).ticker(nanos::get).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        client.get(TASKS);
        client.get(TASKS);
        assertThat(sandbox.busiestWindow()).isEqualTo(2);

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());       // a new window: the busiest so far stays
        client.get(TASKS);
        assertThat(sandbox.busiestWindow()).isEqualTo(2);
        client.get(TASKS);
        client.get(TASKS);
        assertThat(client.get(TASKS).status()).isEqualTo(429);
        assertThat(sandbox.busiestWindow()).isEqualTo(3);
    }
}
