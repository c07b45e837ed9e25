package io.github.camelwebwork.consumer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.operation.ParameterSource;
import io.github.camelwebwork.operation.ScanPartition;
import io.github.camelwebwork.operation.WebhookCoverage;

/**
 * How a resource is scanned: its list operation, the partitions it is read in (its list's {@link ScanPartition},
 * declared in the catalogue), and how a record's id is given to its get operation. The API has no "changed since"
 * filter, so every scan reads the partitions whole and compares.
 */
final class ScanPlan {

    /** One part of a scan: the values it adds to the list request (header name → value). */
    record Partition(String key, Map<String, Object> headers) {
    }

    /** The record a webhook event names: its partition, its id and the values of its get (header name → value). */
    record Target(String partition, String id, Map<String, Object> headers) {
    }

    private final OperationDef list;
    private final ScanPartition partition;
    private final OperationDef get;
    private final String idOption;

    ScanPlan(String resource) {
        this.list = OperationCatalogue.find(resource, "list").filter(OperationDef::isConsumable)
                .orElseThrow(() -> new IllegalArgumentException("webwork:" + resource + " cannot be consumed from: it"
                        + " is not a list of records. Consumable resources: " + String.join(", ", consumable())));
        this.partition = list.scan();
        this.get = OperationCatalogue.find(resource, "get").orElse(null);
        this.idOption = OperationCatalogue.operations(resource).stream()
                .map(name -> OperationCatalogue.require(resource, name).modelIdOption())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    OperationDef list() {
        return list;
    }

    /** The get operation that confirms a suspected delete, or null when the resource has none. */
    OperationDef get() {
        return get;
    }

    /** The webhook events that announce changes of the list's records, or null when none does. */
    WebhookCoverage webhooks() {
        return list.webhooks();
    }

    /**
     * The record a webhook event's {@code data} names ({@code id}, and the partition's id such as {@code project_id}),
     * or empty when the event is not one of the list's, names no record, or one of a partition the consumer does not
     * follow (another project than its projectId).
     */
    Optional<Target> target(String event, JsonNode data, ParameterSource options) {
        String id = data == null ? null : data.path("id").asText(null);
        if (webhooks() == null || !webhooks().covers(event) || id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        String key = "all";
        if (partition == ScanPartition.PER_PROJECT) {
            String wireName = list.params().stream().filter(p -> partition.option().equals(p.option()))
                    .findFirst().orElseThrow().wireName();
            JsonNode project = data.path(wireName);
            Object given = options.option(partition.option());
            if (!project.canConvertToLong() || given != null && ((Number) given).longValue() != project.asLong()) {
                return Optional.empty();
            }
            key = projectKey(project.asLong());
            headers.put(ParameterSource.headerFor(partition.option()), project.asLong());
        }
        headers.put(ParameterSource.headerFor(idOption), id.matches("[0-9]+") ? Long.valueOf(id) : id);
        return Optional.of(new Target(key, id, headers));
    }

    /**
     * A filter set on the consumer other than its partition's id (projectId of the tasks), which a record named by an
     * event need not match; empty when none is.
     */
    Optional<String> filterBesidesPartition(ParameterSource options) {
        return list.scanFilters().stream().map(Param::option)
                .filter(option -> !option.equals(partition.option()) && options.option(option) != null)
                .findFirst();
    }

    private static String projectKey(long project) {
        return "project-" + project;
    }

    /** The option (and so header) that carries a record's id: taskId, memberId, ... */
    String idOption() {
        return idOption;
    }

    /** The resources whose list a consumer can follow, sorted. */
    static TreeSet<String> consumable() {
        TreeSet<String> names = new TreeSet<>();
        OperationCatalogue.all().stream().filter(OperationDef::isConsumable).forEach(op -> names.add(op.resource()));
        return names;
    }

    /** The resources whose changes webhook events announce (trigger=webhook), sorted. */
    static TreeSet<String> announced() {
        TreeSet<String> names = new TreeSet<>();
        OperationCatalogue.all().stream().filter(OperationDef::isAnnounced).forEach(op -> names.add(op.resource()));
        return names;
    }

    /**
     * The list whose records are the partitions (projects for the tasks, members for the time entries), when they
     * must be listed first because the partition's option is not set; else null.
     */
    OperationDef partitionList(ParameterSource options) {
        return partition.option() != null && options.option(partition.option()) == null
                ? OperationCatalogue.require(partition.listedResource(), "list") : null;
    }

    boolean perMemberAndDay() {
        return partition == ScanPartition.PER_MEMBER_AND_DAY;
    }

    /** The partitions of one scan. {@code listed} are the project or member records listed first, if any. */
    List<Partition> partitions(ParameterSource options, List<JsonNode> listed, List<LocalDate> days,
                               Map<String, Object> rangeHeaders) {
        List<Partition> partitions = new ArrayList<>();
        if (partition == ScanPartition.PER_PROJECT) {
            for (long project : partitionIds(options, listed)) {
                partitions.add(new Partition(projectKey(project),
                        Map.of(ParameterSource.headerFor(partition.option()), project)));
            }
        } else if (perMemberAndDay()) {
            for (long user : partitionIds(options, listed)) {
                for (LocalDate day : days) {
                    Map<String, Object> headers = new LinkedHashMap<>();
                    headers.put(ParameterSource.headerFor(partition.option()), user);
                    headers.put(ParameterSource.headerFor("date"), day.toString());
                    partitions.add(new Partition("user-" + user + ":" + day, headers));
                }
            }
        } else {
            partitions.add(new Partition("all", rangeHeaders));
        }
        return partitions;
    }

    /** The partition's option when set, else the ids of the records listed first. */
    private List<Long> partitionIds(ParameterSource options, List<JsonNode> listed) {
        List<Long> ids = new ArrayList<>();
        Object given = options.option(partition.option());
        if (given != null) {
            ids.add(((Number) given).longValue());
        } else {
            listed.forEach(record -> ids.add(record.path("id").asLong()));
        }
        return ids;
    }

    /** Whether the list takes a date range, and under which options. */
    boolean takesDateRange() {
        return list.param("date_from").isPresent() && list.param("date_to").isPresent();
    }

    boolean requiresDateRange() {
        return list.param("date_from").map(p -> p.field().isRequired()).orElse(false);
    }
}
