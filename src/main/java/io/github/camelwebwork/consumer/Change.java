package io.github.camelwebwork.consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One detected change, committed to the state only once its exchange completed. {@code read} counts the consumer's
 * reads: the change came from the read-th one (so a change read by a scan before an event's read is not emitted
 * after it).
 */
record Change(ChangeType type, String partition, String id, JsonNode record, String fingerprint, long read) {

    /** The record's key among the consumer's partitions. */
    String recordKey() {
        return recordKey(partition, id);
    }

    static String recordKey(String partition, String id) {
        return partition + " " + id;
    }
}
