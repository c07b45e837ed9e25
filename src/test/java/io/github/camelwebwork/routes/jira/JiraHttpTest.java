package io.github.camelwebwork.routes.jira;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraHttpTest {

    /** Jira's "now" in these tests. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T20:00:00Z"), ZoneOffset.UTC);

    private static JiraHttp http() {
        JiraHttp http = new JiraHttp();
        http.setClock(CLOCK);
        http.setEmail("me@example.com");
        http.setApiToken("s3cr3t-token");
        http.setMaxRetryAfterMillis(10_000);
        http.setMaxAttempts(2);
        return http;
    }

    @Test
    void retryAfterInSecondsOrAsADateIsCapped() {
        JiraHttp http = http();
        assertThat(http.retryAfterMillis("2")).isEqualTo(2000);
        assertThat(http.retryAfterMillis("0.5")).isEqualTo(500);
        assertThat(http.retryAfterMillis("3600")).isEqualTo(10_000);
        assertThat(http.retryAfterMillis(null)).isEqualTo(5_000);
        assertThat(http.retryAfterMillis("soon")).isEqualTo(5_000);
        String inFive = ZonedDateTime.now(CLOCK).plusSeconds(5).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(http.retryAfterMillis(inFive)).isEqualTo(5_000L);
        String past = ZonedDateTime.now(CLOCK).minusSeconds(5).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(http.retryAfterMillis(past)).isZero();
    }

    @Test
    void theAuthorizationHeaderIsSetForTheCallAndRemovedAfterIt() throws Exception {
        JiraHttp http = http();
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("{}");
        http.begin(exchange);
        http.prepare(exchange);
        assertThat(exchange.getMessage().getHeader("Authorization", String.class))
                .isEqualTo(JiraHttp.basic("me@example.com", "s3cr3t-token"));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader("X-Seraph-LoginReason", "OK");
        exchange.getMessage().setBody("{\"ok\":true}");
        http.afterResponse(exchange);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys("Authorization", "X-Seraph-LoginReason");
        assertThat(exchange.getProperty(JiraHttp.RETRY, Boolean.class)).isFalse();
        assertThat(http.toString()).doesNotContain("s3cr3t-token");
    }

    @Test
    void a429IsRetriedUpToMaxAttemptsThenAnErrorQuotesJira() throws Exception {
        JiraHttp http = http();
        http.setDefaultRetryAfterMillis(1);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        http.begin(exchange);
        http.prepare(exchange);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
        exchange.getMessage().setHeader("Retry-After", "0");
        http.afterResponse(exchange);
        assertThat(exchange.getProperty(JiraHttp.RETRY, Boolean.class)).isTrue();
        http.prepare(exchange);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/issue");
        exchange.getMessage().setBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}");
        assertThatThrownBy(() -> http.afterResponse(exchange)).isInstanceOf(JiraException.class)
                .hasMessage("Jira answered 429 to POST /issue 2 times: Rate limit exceeded.");
    }

    @Test
    void anErrorNamesTheFieldJiraRefused() throws Exception {
        JiraHttp http = http();
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        http.begin(exchange);
        http.prepare(exchange);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "PUT");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/issue/WW-1");
        exchange.getMessage().setBody("{\"errorMessages\":[],\"errors\":{\"customfield_1\":\"Field 'customfield_1' "
                + "cannot be set. It is not on the appropriate screen, or unknown.\"}}");
        assertThatThrownBy(() -> http.afterResponse(exchange)).isInstanceOf(JiraException.class)
                .satisfies(e -> assertThat(((JiraException) e).getStatus()).isEqualTo(400))
                .hasMessageContaining("PUT /issue/WW-1").hasMessageContaining("customfield_1: Field 'customfield_1'")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void missingCredentialsAreAClearError() {
        JiraHttp http = new JiraHttp();
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        http.begin(exchange);
        assertThatThrownBy(() -> http.prepare(exchange)).hasMessageContaining("jira.email and jira.api-token");
    }
}
