package io.github.camelwebwork.routes.kafka;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.model.ModelJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns a change from a {@code webwork:} change-capture consumer into a Kafka record in the CloudEvents Kafka
 * binding's binary mode (used by {@code routes/webwork-to-kafka.yaml}).
 * <p>
 * {@link #toCloudEvent(Exchange)} sets the body to the record as JSON (the typed model written with the WebWork
 * wire names, snake_case), the record key ({@code kafka.KEY}) to {@code CamelWebworkKey}, and the headers
 * {@code ce_specversion}, {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject}, {@code ce_time},
 * {@code content-type} and the extensions {@code ce_webworkworkspace} and {@code ce_webworkresource}.
 * {@link #toStateRecord(Exchange)} then turns the same exchange into the record of the compacted state topic: the
 * JSON unchanged for a create or update, a tombstone (null value) for a delete.
 * <p>
 * {@code ce_id} is stable: the same change, emitted again after a failure, gets the same id (it is derived from the
 * key, the change type and a SHA-256 of the JSON, never random), so a downstream consumer can drop repeats. Repeats
 * are always the next record of the same key, so "drop a record whose {@code ce_id} equals the last one seen for its
 * key" is the right check; a global "seen before" set would also drop a record that genuinely returned to an earlier
 * version (A, B, A).
 * <p>
 * Nothing here logs; the body holds business data, never credentials.
 */
public class ChangeEvents {

    /** The CloudEvents {@code type} prefix: {@code io.github.camelwebwork.task.created}. */
    public static final String TYPE_PREFIX = "io.github.camelwebwork.";
    /** The header the Camel Kafka producer takes the record key from. */
    public static final String KAFKA_KEY = "kafka.KEY";

    static final String CHANGE_TYPE = "CamelWebworkChangeType";
    static final String KEY = "CamelWebworkKey";
    static final String RESOURCE = "CamelWebworkResource";
    static final String CHANGE_TIME = "CamelWebworkChangeTime";
    static final String WORKSPACE_ID = "CamelWebworkWorkspaceId";

    private static final ObjectMapper MAPPER = ModelJson.newMapper();

    /**
     * Sets the JSON body, the record key and the CloudEvents headers from the consumer's headers and typed body.
     *
     * @throws IllegalArgumentException when a consumer header is missing (the exchange did not come from a
     *                                  {@code webwork:} consumer)
     */
    public void toCloudEvent(Exchange exchange) {
        Message message = exchange.getMessage();
        String changeType = required(message, CHANGE_TYPE);
        String key = required(message, KEY);
        String resource = required(message, RESOURCE);
        String time = required(message, CHANGE_TIME);
        String workspace = message.getHeader(WORKSPACE_ID) != null
                ? message.getHeader(WORKSPACE_ID, String.class) : key.substring(0, key.indexOf(':'));
        String json = toJson(message.getBody());

        message.setBody(json);
        message.setHeader(KAFKA_KEY, key);
        message.setHeader("ce_specversion", "1.0");
        message.setHeader("ce_id", eventId(key, changeType, json));
        message.setHeader("ce_type", eventType(resource, changeType));
        message.setHeader("ce_source", source(workspace, resource));
        message.setHeader("ce_subject", key.substring(key.lastIndexOf(':') + 1));
        message.setHeader("ce_time", time);
        message.setHeader("ce_webworkworkspace", workspace);
        message.setHeader("ce_webworkresource", resource);
        message.setHeader("content-type", "application/json");
    }

    /**
     * The record of the compacted state topic, after {@link #toCloudEvent(Exchange)}: the body stays the JSON for
     * CREATED and UPDATED (the latest version of the record) and becomes null for DELETED (a tombstone, which
     * compaction uses to drop the key); the CloudEvents headers stay, {@code content-type} goes with the value.
     */
    public void toStateRecord(Exchange exchange) {
        Message message = exchange.getMessage();
        if ("DELETED".equals(required(message, CHANGE_TYPE))) {
            message.setBody(null);
            message.removeHeader("content-type");
        }
    }

    /** The record as JSON with the WebWork wire names (the typed models carry snake_case naming). */
    public static String toJson(Object body) {
        if (body == null) {
            throw new IllegalArgumentException("A change without a body: nothing to publish");
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A stable event id: {@code <key>/<change type>/<first 128 bits of SHA-256(json) in hex>}, e.g.
     * {@code 1:tasks:512/updated/9b0e...}. The same change emitted again gets the same id; another version of the
     * record, or another change type, gets another id.
     */
    public static String eventId(String key, String changeType, String json) {
        return key + "/" + changeType.toLowerCase(Locale.ROOT) + "/" + fingerprint(json);
    }

    /** {@code io.github.camelwebwork.<singular resource>.<change type>}: {@code ...time-entry.created}. */
    public static String eventType(String resource, String changeType) {
        return TYPE_PREFIX + singular(resource) + "." + changeType.toLowerCase(Locale.ROOT);
    }

    /** {@code webwork:workspace/<workspace id>/<resource>}. */
    public static String source(String workspaceId, String resource) {
        return "webwork:workspace/" + workspaceId + "/" + resource;
    }

    /** tasks → task, time-entries → time-entry, timesheets → timesheet, project-viewers → project-viewer. */
    static String singular(String resource) {
        if (resource.endsWith("ies")) {
            return resource.substring(0, resource.length() - 3) + "y";
        }
        return resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
    }

    /** The first 16 bytes of SHA-256 of the text, in lower-case hex. */
    static String fingerprint(String text) {
        return Sha256.hex(text, 16);
    }

    private static String required(Message message, String header) {
        String value = message.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Header " + header + " is missing: the exchange must come from a"
                                               + " webwork: change-capture consumer");
        }
        return value;
    }
}
