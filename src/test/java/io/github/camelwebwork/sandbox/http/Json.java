package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The sandbox's one ObjectMapper and the wire formats of dates and timestamps. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** e.g. {@code 2025-02-19T19:24:55.000000Z} (§7.1 Workspace.created_at). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** e.g. {@code 2025-02-19 19:24:55} (§7.1 Workspace.activated_at). */
    private static final DateTimeFormatter PLAIN_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLAIN_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    public static String plainTimestamp(Instant instant) {
        return instant == null ? null : PLAIN_TIMESTAMP.format(instant);
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Reads either timestamp format (ISO-8601 with zone, or {@code yyyy-MM-dd HH:mm:ss} in UTC). */
    public static Instant parseTimestamp(String text) {
        if (text == null) {
            return null;
        }
        return text.contains("T") ? Instant.parse(text)
                : LocalDateTime.parse(text, PLAIN_LOCAL).toInstant(ZoneOffset.UTC);
    }
}
