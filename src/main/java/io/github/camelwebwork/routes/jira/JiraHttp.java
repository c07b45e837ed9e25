package io.github.camelwebwork.routes.jira;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the Jira routes (used by {@code direct:jira-call} in routes/webwork-to-jira.yaml): sets the Basic
 * authorization (e-mail + API token, from properties, never logged) before a call, and after it removes that header
 * and every response header, waits out a 429 as long as {@code Retry-After} says (capped) and asks the route to send
 * again, and turns any other 4xx/5xx into a {@link JiraException} that quotes Jira's {@code errorMessages}/{@code errors}.
 * As the endpoint's {@code httpClientConfigurer} it turns off Apache HttpClient's own retries (which would wait out a
 * 429's Retry-After uncapped, and re-send a request on an I/O error), so this class is the only retry of a Jira call.
 */
public class JiraHttp implements HttpClientConfigurer {

    /** Exchange property: true while the call is to be sent (again). */
    public static final String RETRY = "jiraRetry";
    /** Exchange property: the query string of the next call (taken, and removed, by {@link #begin}). */
    public static final String QUERY = "jiraQuery";
    static final String REQUEST_QUERY = "jiraRequestQuery";
    static final String ATTEMPT = "jiraAttempt";
    static final String REQUEST_BODY = "jiraRequestBody";
    private static final Logger LOG = LoggerFactory.getLogger(JiraHttp.class);

    private String email;
    private String apiToken;
    private int maxAttempts = 5;
    private long maxRetryAfterMillis = 60_000;
    private long defaultRetryAfterMillis = 5_000;
    private Clock clock = Clock.systemUTC();

    /** The clock of the Jira side's "now" (default: the system clock; tests set a controlled one). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public void setMaxRetryAfterMillis(long maxRetryAfterMillis) {
        this.maxRetryAfterMillis = maxRetryAfterMillis;
    }

    public void setDefaultRetryAfterMillis(long defaultRetryAfterMillis) {
        this.defaultRetryAfterMillis = defaultRetryAfterMillis;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }

    /** Remembers the request body (and the query from {@link #QUERY}) once, before the first attempt. */
    public void begin(Exchange exchange) {
        exchange.setProperty(REQUEST_BODY, exchange.getMessage().getBody(String.class));
        Object query = exchange.removeProperty(QUERY);
        if (query != null) {
            exchange.setProperty(REQUEST_QUERY, query.toString());
        } else {
            exchange.removeProperty(REQUEST_QUERY);
        }
        exchange.setProperty(ATTEMPT, 0);
        exchange.setProperty(RETRY, true);
    }

    /** Before each attempt: the body again, JSON headers and the Authorization header. */
    public void prepare(Exchange exchange) {
        if (email == null || email.isBlank() || apiToken == null || apiToken.isBlank()) {
            throw new JiraException(0, "jira.email and jira.api-token must be set");
        }
        Message message = exchange.getMessage();
        String body = exchange.getProperty(REQUEST_BODY, String.class);
        message.setBody(body);
        message.setHeader("Accept", "application/json");
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        } else {
            message.removeHeader(Exchange.CONTENT_TYPE);
        }
        message.setHeader("Authorization", basic(email, apiToken));
        String query = exchange.getProperty(REQUEST_QUERY, String.class);
        if (query != null) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        } else {
            message.removeHeader(Exchange.HTTP_QUERY);
        }
        exchange.setProperty(ATTEMPT, exchange.getProperty(ATTEMPT, 0, Integer.class) + 1);
    }

    /** After each attempt: clean the headers, then retry on 429, fail on another error, or leave the JSON body. */
    public void afterResponse(Exchange exchange) throws InterruptedException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        Object retryAfter = message.getHeader("Retry-After");
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        String query = exchange.getProperty(REQUEST_QUERY, String.class);
        if (query != null) {
            path = path + "?" + query;
        }
        message.removeHeader("Authorization");
        message.removeHeaders("*", "Camel*");
        String body = message.getBody(String.class);
        message.setBody(body);
        int attempt = exchange.getProperty(ATTEMPT, 1, Integer.class);
        if (status == 429 && attempt < maxAttempts) {
            long wait = retryAfterMillis(retryAfter == null ? null : retryAfter.toString());
            LOG.info("Jira answered 429 to {} {} (attempt {} of {}): waiting {} ms as Retry-After says", method, path,
                    attempt, maxAttempts, wait);
            Thread.sleep(wait);
            exchange.setProperty(RETRY, true);
            return;
        }
        exchange.setProperty(RETRY, false);
        if (status >= 400 || status == 0) {
            throw new JiraException(status, "Jira answered " + status + " to " + method + " " + path
                    + (status == 429 ? " " + attempt + " times" : "") + ": " + errorText(body));
        }
    }

    /** The wait a {@code Retry-After} value asks for (seconds or an HTTP date), at most the configured cap. */
    public long retryAfterMillis(String retryAfter) {
        long wait = defaultRetryAfterMillis;
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.trim();
            try {
                wait = Math.round(Double.parseDouble(value) * 1000);
            } catch (NumberFormatException notSeconds) {
                try {
                    wait = Duration.between(ZonedDateTime.now(clock),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis();
                } catch (RuntimeException notDate) {
                    wait = defaultRetryAfterMillis;
                }
            }
        }
        return Math.max(0, Math.min(wait, maxRetryAfterMillis));
    }

    /** {@code Basic base64(email:token)}. */
    public static String basic(String email, String apiToken) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    /** Jira's error collection as one line, or the start of the body when it is not one. */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode node = JiraSync.JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            node.path("errorMessages").forEach(m -> parts.add(m.asText()));
            for (Map.Entry<String, JsonNode> e : node.path("errors").properties()) {
                parts.add(e.getKey() + ": " + e.getValue().asText());
            }
            if (!parts.isEmpty()) {
                return String.join("; ", parts);
            }
        } catch (Exception notJson) {
            // fall through
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    @Override
    public String toString() {
        return "JiraHttp[email=" + email + ", apiToken=***]";
    }
}
