package io.github.camelwebwork.consumer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.client.WebworkException;
import org.apache.camel.spi.StateRepository;

/**
 * What the consumer last committed per partition: each record's fingerprint and last known version (the body of a
 * later DELETED). Kept in memory, read from and written to a Camel {@link StateRepository} under
 * {@code <prefix>:<partition>} as one JSON value per partition. Changes are committed one by one as their exchanges
 * complete and written at {@link #flush()} (after each poll and on stop).
 */
final class ChangeState {

    private static final ObjectMapper READER = new ObjectMapper();

    /**
     * A committed record: its fingerprint and its JSON as text (a quarter of the memory of a JSON tree; it is read
     * back only for the last known version of a deleted record).
     */
    record Known(String fingerprint, String json) {
        JsonNode record() {
            try {
                return READER.readTree(json);
            } catch (JsonProcessingException e) {
                throw new WebworkException("A stored record is not readable JSON", e);
            }
        }
    }

    private final StateRepository<String, String> repository;
    private final String prefix;
    private final ObjectMapper mapper;
    private final Map<String, Map<String, Known>> partitions = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();

    ChangeState(StateRepository<String, String> repository, String prefix, ObjectMapper mapper) {
        this.repository = repository;
        this.prefix = prefix;
        this.mapper = mapper;
    }

    /** The fingerprint of a record: SHA-256 of its JSON, so that any edit (updated_at included) shows. */
    static String fingerprint(JsonNode record) {
        return fingerprintOf(record.toString());
    }

    /** The fingerprint of a record's JSON text. */
    static String fingerprintOf(String json) {
        return Sha256.hex(json, 16);
    }

    /** Whether anything was ever committed for the partition. */
    synchronized boolean exists(String partition) {
        return !known(partition).isEmpty() || repository.getState(key(partition)) != null;
    }

    synchronized Map<String, Known> known(String partition) {
        return partitions.computeIfAbsent(partition, this::load);
    }

    synchronized void commit(Change change) {
        Map<String, Known> known = known(change.partition());
        if (change.type() == ChangeType.DELETED) {
            known.remove(change.id());
        } else {
            known.put(change.id(), new Known(change.fingerprint(), change.record().toString()));
        }
        dirty.add(change.partition());
    }

    /** Drops a record without an event (it left a filtered view). */
    synchronized void forget(String partition, String id) {
        if (known(partition).remove(id) != null) {
            dirty.add(partition);
        }
    }

    /** A flag or marker of the consumer itself, e.g. that the first scan completed. */
    synchronized String marker(String name) {
        return repository.getState(prefix + "#" + name);
    }

    synchronized void mark(String name, String value) {
        repository.setState(prefix + "#" + name, value);
    }

    /**
     * Writes every partition changed since the last flush: {@code {"v":1,"records":{"<id>":{"fp":..,"rec":{..}}}}},
     * written as text from the stored JSON (no tree of the whole partition is built).
     */
    synchronized void flush() {
        for (String partition : dirty) {
            StringBuilder value = new StringBuilder(64 + known(partition).size() * 256).append("{\"v\":1,\"records\":{");
            boolean first = true;
            for (Map.Entry<String, Known> e : known(partition).entrySet()) {
                if (!first) {
                    value.append(',');
                }
                first = false;
                value.append(quoted(e.getKey())).append(":{\"fp\":").append(quoted(e.getValue().fingerprint()))
                        .append(",\"rec\":").append(e.getValue().json()).append('}');
            }
            repository.setState(key(partition), value.append("}}").toString());
        }
        dirty.clear();
    }

    private String quoted(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Known> load(String partition) {
        Map<String, Known> known = new LinkedHashMap<>();
        String stored = repository.getState(key(partition));
        if (stored != null) {
            try {
                JsonNode value = mapper.readTree(stored);
                value.path("records").properties().forEach(e -> known.put(e.getKey(),
                        new Known(e.getValue().path("fp").asText(), e.getValue().path("rec").toString())));
            } catch (JsonProcessingException e) {
                throw new WebworkException("The stored state of " + key(partition) + " is not readable JSON", e);
            }
        }
        return known;
    }

    private String key(String partition) {
        return prefix + ":" + partition;
    }
}
