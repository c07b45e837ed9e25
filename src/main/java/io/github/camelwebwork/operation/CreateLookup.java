package io.github.camelwebwork.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Finds what an attempt of a create made when its outcome is unknown (a reset after the server processed it, a
 * timeout, a 5xx): the record that matches the create's body, or empty when there is none, so that the create may be
 * sent again without making a second one. The look-ups of every create are in {@link CreateLookups}.
 */
@FunctionalInterface
public interface CreateLookup {

    Optional<JsonNode> find(ObjectNode body, Finder finder);

    /** Reads through the client (same budget, same retries). */
    interface Finder {

        /** A list, newest first (last page first, each page from its end), stopping at the first match. */
        Optional<JsonNode> newestFirst(String path, List<Map.Entry<String, String>> query, int perPage,
                                       Predicate<JsonNode> match);

        /** The {@code data} of a GET. */
        JsonNode data(String path, List<Map.Entry<String, String>> query);
    }
}
