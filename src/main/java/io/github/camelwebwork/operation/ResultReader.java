package io.github.camelwebwork.operation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.model.Pagination;

/** Reads the typed result out of an answer's {@code data} (house rule H4: unknown fields are kept, not fatal). */
final class ResultReader {

    private final ObjectMapper mapper;

    ResultReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> T object(ApiResponse response, Class<T> type, String operation) {
        JsonNode data = response.data();
        if (!data.isObject()) {
            throw new WebworkException("WebWork " + operation + " answered without the expected object in data"
                                       + " (got " + (data.isMissingNode() ? "nothing" : data.getNodeType()) + ")");
        }
        return convert(data, type, operation);
    }

    <T> List<T> list(ApiResponse response, Class<T> type) {
        JsonNode data = response.data();
        if (data.isMissingNode() || data.isNull()) {
            return List.of();
        }
        data = HouseRules.listRecords(data);
        if (!data.isArray()) {
            throw new WebworkException("WebWork answered a list call with " + data.getNodeType() + " instead of an array"
                                       + " (or an object with a '" + HouseRules.REPORT_USERS_FIELD + "' array)");
        }
        List<T> list = new ArrayList<>(data.size());
        data.forEach(node -> list.add(convert(node, type, "list")));
        return list;
    }

    Pagination pagination(ApiResponse response) {
        JsonNode node = response.pagination();
        return node.isObject() ? convert(node, Pagination.class, "pagination") : null;
    }

    private <T> T convert(JsonNode node, Class<T> type, String operation) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WebworkException("WebWork " + operation + " answered data that does not fit "
                                       + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
