package io.github.camelwebwork.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.client.WebworkUnprocessableException;
import io.github.camelwebwork.metrics.WebworkMetrics;
import io.github.camelwebwork.model.WebhookPayload;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationExecutor;
import io.github.camelwebwork.operation.OutputType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of WebWork webhooks (house rule H9): registers the webhook with WebWork, checks each delivery's
 * signature and age, drops deliveries already received, and hands the event to the route. Forged, stale or unsigned
 * deliveries get 401 and never reach the route; a duplicate gets 200 and is dropped; a delivery the route fails on
 * gets 500, so that WebWork delivers it again.
 */
final class WebhookReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebworkEndpoint endpoint;
    private final OperationExecutor executor;
    private volatile String webhookId;
    private volatile String token;

    WebhookReceiver(WebworkEndpoint endpoint) {
        this.endpoint = endpoint;
        this.executor = new OperationExecutor(endpoint.getComponent().objectMapper());
    }

    private WebworkConfiguration config() {
        return endpoint.getConfiguration();
    }

    /** The delivery in the form outputType asks for: the payload model, or the delivery's JSON as a Map or as text. */
    private Object deliveryBody(WebhookPayload payload, byte[] raw) throws IOException {
        return switch (OutputType.of(config().getOutputType())) {
            case MODEL -> payload;
            case MAP -> endpoint.getComponent().objectMapper().readValue(raw, Object.class);
            case JSON -> new String(raw, StandardCharsets.UTF_8);
        };
    }

    /** Registers {@code url} for the configured events, or takes over the webhook that already has that URL. */
    void register(String url) {
        WebworkConfiguration c = config();
        requireWorkspace();
        ObjectMapper mapper = endpoint.getComponent().objectMapper();
        WebworkClient client = endpoint.client();
        List<String> events = events();
        ObjectNode body = mapper.createObjectNode().put("workspace_id", c.getWorkspaceId()).put("url", url);
        events.forEach(body.putArray("events")::add);
        JsonNode hook;
        try {
            hook = executor.write(client, OperationCatalogue.require("webhooks", "create"),
                    new ApiRequest("POST", "/webhooks", List.of(), body)).data();
        } catch (WebworkUnprocessableException taken) {
            // the URL is registered already (an earlier run kept it): take it over with this route's events
            hook = find(client, url).orElseThrow(() -> taken);
            ObjectNode update = mapper.createObjectNode().put("workspace_id", c.getWorkspaceId()).put("url", url);
            events.forEach(update.putArray("events")::add);
            client.execute(new ApiRequest("PUT", "/webhooks/" + hook.path("id").asText(), List.of(), update));
        }
        webhookId = hook.path("id").asText();
        String returned = hook.path("token").asText(null);
        if (returned == null) {
            returned = client.execute(new ApiRequest("GET", "/webhooks/" + webhookId,
                    List.of(Map.entry("workspace_id", String.valueOf(c.getWorkspaceId()))), null)).data()
                    .path("token").asText(null);
        }
        token = returned;
        LOG.info("WebWork webhook {} registered for {} at {}", webhookId, events, url);
    }

    /** Deletes the registration, unless webhookKeepRegistration. */
    void unregister() {
        String id = webhookId;
        if (id == null || config().isWebhookKeepRegistration()) {
            return;
        }
        ObjectNode body = endpoint.getComponent().objectMapper().createObjectNode()
                .put("workspace_id", config().getWorkspaceId());
        try {
            endpoint.client().execute(new ApiRequest("DELETE", "/webhooks/" + id, List.of(), body));
            LOG.info("WebWork webhook {} deleted", id);
        } catch (WebworkNotFoundException gone) {
            LOG.debug("WebWork webhook {} was already gone", id);
        }
        webhookId = null;
    }

    String webhookId() {
        return webhookId;
    }

    /** The webhook registered for {@code url}, found as a lost {@code webhooks.create} is ({@code CreateLookups}). */
    private Optional<JsonNode> find(WebworkClient client, String url) {
        ObjectNode body = endpoint.getComponent().objectMapper().createObjectNode()
                .put("workspace_id", config().getWorkspaceId()).put("url", url);
        return executor.lookUp(client, OperationCatalogue.require("webhooks", "create"), body);
    }

    /**
     * The events to subscribe to: of webwork:webhooks, the events option; of a list with trigger=webhook, the events
     * that announce its changes (the catalogue's).
     */
    private List<String> events() {
        if (!"webhooks".equals(endpoint.getResource())) {
            return OperationCatalogue.require(endpoint.getResource(), "list").webhooks().eventNames();
        }
        String events = config().getEvents();
        if (events == null || events.isBlank()) {
            throw new IllegalArgumentException("webwork:webhooks as a consumer needs the events to subscribe to"
                                               + " (events=tracker.started,tracker.stopped,...)");
        }
        return List.of(events.split("\\s*,\\s*"));
    }

    private void requireWorkspace() {
        if (config().getWorkspaceId() == null) {
            throw new IllegalArgumentException("webwork:" + endpoint.getResource() + " as a webhook consumer needs "
                                               + "workspaceId");
        }
    }

    /** The processor in front of the route: verify, deduplicate, read, hand over. */
    Processor handler(Processor next) {
        return exchange -> {
            Message in = exchange.getMessage();
            byte[] raw = in.getBody(byte[].class);
            raw = raw == null ? new byte[0] : raw;
            String refusal = verify(in, raw);
            if (refusal != null) {
                LOG.warn("WebWork webhook delivery refused: {}", refusal);
                metrics().webhookDelivery(WebworkMetrics.REFUSED, reasonOf(refusal));
                respond(exchange, 401, refusal);
                return;
            }
            WebhookPayload payload;
            try {
                payload = endpoint.getComponent().objectMapper().readValue(raw, WebhookPayload.class);
            } catch (IOException e) {
                metrics().webhookDelivery(WebworkMetrics.REFUSED, "not_a_delivery");
                respond(exchange, 400, "not a WebWork delivery");
                return;
            }
            // deduplicated on what the signature covers (the body), never on the unsigned delivery-id header: a
            // captured delivery replayed within the tolerance with another or no delivery id is still a duplicate
            String key = "webhook-event:" + (payload.getId() != null && !payload.getId().isBlank()
                    ? "id:" + payload.getId() : "sha256:" + Sha256.hex(new String(raw, StandardCharsets.UTF_8), 32));
            IdempotentRepository seen = endpoint.idempotentRepository();
            if (!seen.add(key)) {
                LOG.debug("WebWork webhook event {} received before; dropped", payload.getId());
                metrics().webhookDelivery(WebworkMetrics.DUPLICATE, null);
                respond(exchange, 200, "duplicate");
                return;
            }
            String delivery = in.getHeader(config().getWebhookDeliveryHeader(), String.class);
            in.setBody(deliveryBody(payload, raw));
            in.setHeader(WebworkConstants.EVENT, payload.getEvent() != null ? payload.getEvent()
                    : in.getHeader(config().getWebhookEventHeader(), String.class));
            in.setHeader(WebworkConstants.DELIVERY_ID, payload.getId() != null ? payload.getId() : delivery);
            in.setHeader(ParameterHeaders.WORKSPACE_ID, payload.getWorkspaceId());
            try {
                next.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                seen.remove(key);                      // WebWork delivers it again: let that one through
                metrics().webhookDelivery(WebworkMetrics.FAILED, null);
                return;
            }
            seen.confirm(key);
            metrics().webhookDelivery(WebworkMetrics.ACCEPTED, null);
            respond(exchange, 200, "ok");                 // an acknowledgement; what the route made stays with it
        };
    }

    private WebworkMetrics metrics() {
        return endpoint.getComponent().metrics();
    }

    /** A refusal as the meters tag it: a fixed word per check of {@link #verify}, never a value of the delivery. */
    static String reasonOf(String refusal) {
        if (refusal.startsWith("no webhook secret")) {
            return "no_secret";
        } else if (refusal.startsWith("unsigned")) {
            return "unsigned";
        } else if (refusal.startsWith("wrong token")) {
            return "wrong_token";
        } else if (refusal.startsWith("no valid")) {
            return "no_timestamp";
        } else if (refusal.startsWith("stale")) {
            return "stale";
        }
        return "signature_mismatch";
    }

    /** Null when the delivery is genuine and fresh, else why not (never naming the secret). */
    String verify(Message in, byte[] raw) {
        String scheme = config().getWebhookSignatureScheme();
        if ("none".equals(scheme)) {
            return null;
        }
        String secret = config().getWebhookSecret() != null ? config().getWebhookSecret() : token;
        if (secret == null) {
            return "no webhook secret to check the delivery with";
        }
        String signature = in.getHeader(config().getWebhookSignatureHeader(), String.class);
        if (signature == null || signature.isBlank()) {
            return "unsigned delivery (no " + config().getWebhookSignatureHeader() + ")";
        }
        if ("token".equals(scheme)) {
            return constantTimeEquals(signature, secret) ? null : "wrong token";
        }
        String timestamp = in.getHeader(config().getWebhookTimestampHeader(), String.class);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            return "no valid " + config().getWebhookTimestampHeader();
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds),
                endpoint.getComponent().clock().instant()).abs();
        if (age.toMillis() > config().getWebhookTolerance()) {
            return "stale delivery (timestamp " + seconds + " is " + age.toSeconds() + " s away; a replay?)";
        }
        String expected = "sha256=" + hmac(secret, timestamp.trim() + "." + new String(raw, StandardCharsets.UTF_8));
        return constantTimeEquals(signature.trim(), expected) ? null : "signature mismatch";
    }

    static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new WebworkException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(Exchange exchange, int status, String text) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        out.setBody(text);
    }

    /** Header names of the ids (kept here to avoid a dependency cycle with the operation package). */
    private static final class ParameterHeaders {
        static final String WORKSPACE_ID = "CamelWebworkWorkspaceId";
    }
}
