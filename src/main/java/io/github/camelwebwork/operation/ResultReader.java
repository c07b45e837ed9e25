package io.github.camelwebwork.operation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.model.CodeDeserializer;
import io.github.camelwebwork.model.Pagination;

/**
 * Reads the result out of an answer's {@code data} in the form a {@link Reading} asks for (house rule H4: unknown
 * fields are kept, not fatal; a drifted value is kept by {@link DriftHandler} unless the reading is strict).
 */
final class ResultReader {

    private final ObjectMapper mapper;
    private final DriftHandler drift = new DriftHandler();
    // by resource and operation name (the WARN names the operation) and by model; built once, so that a read
    // allocates nothing more than before
    private final Map<String, Map<String, ObjectReader>> lenientReaders = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> strictReaders = new ConcurrentHashMap<>();

    ResultReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The {@code data} of an object answer: the model, or the data as sent. */
    Object object(ApiResponse response, OperationDef op, Reading reading) {
        JsonNode data = response.data();
        if (reading.output() != OutputType.MODEL) {
            return raw(data, reading.output());
        }
        if (!data.isObject()) {
            throw new WebworkException("WebWork " + op.qualifiedName() + " answered " + shape(data)
                                       + " where the model " + op.resultType().getSimpleName() + " needs an object"
                                       + WAY_OUT);
        }
        return model(data, op, reading);
    }

    /** The {@code data} of a list answer: the list of models, or the data as sent. */
    Object list(ApiResponse response, OperationDef op, Reading reading) {
        return reading.output() == OutputType.MODEL ? models(response, op, reading) : raw(response.data(),
                reading.output());
    }

    /**
     * The records of one page of a list: models, or each record as sent (the whole {@code data} as one record when it
     * holds no list: nothing is lost).
     */
    List<?> records(ApiResponse response, OperationDef op, Reading reading) {
        if (reading.output() == OutputType.MODEL) {
            return models(response, op, reading);
        }
        JsonNode data = response.data();
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        JsonNode records = HouseRules.listRecords(data);
        List<Object> list = new ArrayList<>();
        if (records.isArray()) {
            records.forEach(node -> list.add(raw(node, reading.output())));
        } else {
            list.add(raw(data, reading.output()));
        }
        return list;
    }

    /** One record of a list (a consumer's change) in the reading's form. */
    Object record(JsonNode record, OperationDef op, Reading reading) {
        return reading.output() == OutputType.MODEL ? model(record, op, reading) : raw(record, reading.output());
    }

    Pagination pagination(ApiResponse response) {
        JsonNode node = response.pagination();
        if (!node.isObject()) {
            return null;
        }
        try {
            return mapper.treeToValue(node, Pagination.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WebworkException("WebWork answered pagination figures that do not fit Pagination: "
                                       + e.getMessage(), e);
        }
    }

    private List<Object> models(ApiResponse response, OperationDef op, Reading reading) {
        JsonNode data = response.data();
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        JsonNode records = HouseRules.listRecords(data);
        if (!records.isArray()) {
            throw new WebworkException("WebWork " + op.qualifiedName() + " answered a list call with " + shape(data)
                                       + " instead of an array (or an object with a '"
                                       + HouseRules.REPORT_USERS_FIELD + "' array)" + WAY_OUT);
        }
        List<Object> list = new ArrayList<>(records.size());
        records.forEach(node -> list.add(model(node, op, reading)));
        return list;
    }

    private static final String WAY_OUT = "; read it with outputType=map (or json) to get the answer as sent";

    private Object model(JsonNode node, OperationDef op, Reading reading) {
        try {
            if (reading.strict()) {
                return strictReader(op.resultType()).readValue(node);
            }
            return lenientReader(op).readValue(node);
        } catch (DatabindException e) {
            // without Jackson's exception as the cause: its message quotes the value, which may be a secret
            throw new WebworkException("WebWork " + op.qualifiedName() + " answered data that does not fit "
                                       + op.resultType().getSimpleName() + ": " + mismatch(node, e) + WAY_OUT);
        } catch (IOException | IllegalArgumentException e) {
            throw new WebworkException("WebWork " + op.qualifiedName() + " answered data that does not fit "
                                       + op.resultType().getSimpleName() + WAY_OUT, e);
        }
    }

    /** The operation's reader, built on its first answer; later look-ups allocate nothing (no key, no lambda). */
    private ObjectReader lenientReader(OperationDef op) {
        Map<String, ObjectReader> byName = lenientReaders.get(op.resource());
        ObjectReader reader = byName == null ? null : byName.get(op.name());
        if (reader == null) {
            reader = mapper.readerFor(op.resultType()).withHandler(drift)
                    .withAttribute(DriftHandler.OPERATION, op.qualifiedName())
                    .withAttribute(CodeDeserializer.CHECK_CODES, true);
            lenientReaders.computeIfAbsent(op.resource(), r -> new ConcurrentHashMap<>()).put(op.name(), reader);
        }
        return reader;
    }

    private ObjectReader strictReader(Class<?> type) {
        ObjectReader reader = strictReaders.get(type);
        if (reader == null) {
            reader = mapper.readerFor(type).withAttribute(CodeDeserializer.CHECK_CODES, true);
            strictReaders.put(type, reader);
        }
        return reader;
    }

    /** "tags[0].id is a string" (the value itself is never named: it may be a secret). */
    private static String mismatch(JsonNode record, DatabindException e) {
        StringBuilder path = new StringBuilder();
        JsonNode node = record;
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                    node = node.path(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                    node = node.path(ref.getIndex());
                }
            }
        }
        String what = node.isMissingNode() ? "" : " is " + JsonTypes.of(node);
        // Jackson's own reasons quote the value; only an unknown code's (a code, never a secret) is shown
        String reason = e.getOriginalMessage();
        int code = reason.indexOf(CodeDeserializer.UNKNOWN_CODE);
        reason = code < 0 ? "" : " (" + reason.substring(code) + ")";
        return (path.isEmpty() ? "the record" : path.toString()) + what + ", which the model cannot hold" + reason;
    }

    /** The data as sent: an untyped Map/List/value, or its JSON text; null when the answer has no data. */
    private Object raw(JsonNode data, OutputType output) {
        if (data.isMissingNode() || data.isNull()) {
            return null;
        }
        if (output == OutputType.JSON) {
            return data.toString();
        }
        return mapper.convertValue(data, Object.class);
    }

    private static String shape(JsonNode data) {
        if (data.isMissingNode()) {
            return "no data";
        }
        String type = data.getNodeType().name();
        if (data.isObject()) {
            List<String> names = new ArrayList<>();
            data.fieldNames().forEachRemaining(names::add);
            return "an " + type + " with the fields " + names;
        }
        return (type.toLowerCase(Locale.ROOT).matches("^[aeiou].*") ? "an " : "a ") + type;
    }
}
