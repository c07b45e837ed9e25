package io.github.camelwebwork.consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** One detected change, committed to the state only once its exchange completed. */
record Change(ChangeType type, String partition, String id, JsonNode record, String fingerprint) {
}
