package io.github.camelwebwork.operation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.WebworkModel;

/**
 * Reads the message body as request fields keyed by wire name. A {@code Map} is taken by every operation; a JSON text
 * or a model only by those that take body fields (create, update): for the others such a body is what the route
 * carried before and is left alone.
 */
final class BodyReader {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** The fields, and whether unknown names are an error (they are for what a route wrote, not for a model). */
    record Fields(Map<String, Object> values, boolean strict) {
        static final Fields NONE = new Fields(Map.of(), false);
    }

    private final ObjectMapper mapper;

    BodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Fields read(OperationDef op, Object body, List<String> violations) {
        if (body == null) {
            return Fields.NONE;
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
            return new Fields(values, true);
        }
        if (!op.takesBodyFields()) {
            return Fields.NONE;
        }
        if (body instanceof WebworkModel model) {
            return new Fields(fromModel(op, model), false);
        }
        String json = text(body);
        if (json == null) {
            violations.add("body: must be a Map keyed by wire names, a JSON object or a WebWork model (got "
                           + body.getClass().getName() + ")");
            return Fields.NONE;
        }
        if (json.isBlank()) {
            return Fields.NONE;
        }
        try {
            return new Fields(mapper.readValue(json, MAP), true);
        } catch (JsonProcessingException e) {
            violations.add("body: is not a JSON object (" + e.getOriginalMessage() + ")");
            return Fields.NONE;
        }
    }

    /** A model's set fields that the operation takes; response-only fields (ids, time stamps) are not sent. */
    private Map<String, Object> fromModel(OperationDef op, WebworkModel model) {
        Map<String, Object> all = mapper.convertValue(model, MAP);
        Map<String, Object> values = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            boolean unset = value == null || value instanceof Collection<?> c && c.isEmpty();
            if (!unset && op.param(name).isPresent()) {
                values.put(name, value);
            }
        });
        Object id = all.get("id");
        if (id != null && op.modelIdOption() != null) {
            op.params().stream().filter(p -> op.modelIdOption().equals(p.option())).findFirst()
                    .ifPresent(p -> values.putIfAbsent(p.wireName(), id));
        }
        return values;
    }

    private static String text(Object body) {
        if (body instanceof CharSequence s) {
            return s.toString();
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
        return null;
    }
}
