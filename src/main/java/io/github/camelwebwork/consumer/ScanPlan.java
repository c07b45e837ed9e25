package io.github.camelwebwork.consumer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.ParameterSource;

/**
 * How a resource is scanned: its list operation, the partitions it is read in (tasks per project, time entries per
 * member and day, the others whole), and how a record's id is given to its get operation. The API has no "changed
 * since" filter, so every scan reads the partitions whole and compares.
 */
final class ScanPlan {

    /** The resources a consumer can follow. */
    static final Set<String> CONSUMABLE = Set.of("members", "projects", "project-viewers", "contracts", "tasks",
            "time-entries", "timesheets", "time-requests", "leaves", "expenses");

    /** One part of a scan: the values it adds to the list request (header name → value). */
    record Partition(String key, Map<String, Object> headers) {
    }

    private final String resource;
    private final OperationDef list;
    private final OperationDef get;
    private final String idOption;

    ScanPlan(String resource) {
        if (!CONSUMABLE.contains(resource)) {
            throw new IllegalArgumentException("webwork:" + resource + " cannot be consumed from: it is not a list of"
                                               + " records. Consumable resources: " + String.join(", ",
                    new java.util.TreeSet<>(CONSUMABLE)));
        }
        this.resource = resource;
        this.list = OperationCatalogue.require(resource, "list");
        this.get = OperationCatalogue.find(resource, "get").orElse(null);
        this.idOption = OperationCatalogue.operations(resource).stream()
                .map(name -> OperationCatalogue.require(resource, name).modelIdOption())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    OperationDef list() {
        return list;
    }

    /** The get operation that confirms a suspected delete, or null when the resource has none. */
    OperationDef get() {
        return get;
    }

    /** The option (and so header) that carries a record's id: taskId, memberId, ... */
    String idOption() {
        return idOption;
    }

    /** Tasks are listed per project: the projects must be listed first (unless projectId is set). */
    boolean needsProjects(ParameterSource options) {
        return "tasks".equals(resource) && options.option("projectId") == null;
    }

    /** Time entries are listed per member and day: the members must be listed first (unless userId is set). */
    boolean needsMembers(ParameterSource options) {
        return "time-entries".equals(resource) && options.option("userId") == null;
    }

    boolean perMemberAndDay() {
        return "time-entries".equals(resource);
    }

    /** The partitions of one scan. {@code listed} are the project or member records listed first, if any. */
    List<Partition> partitions(ParameterSource options, List<JsonNode> listed, List<LocalDate> days,
                               Map<String, Object> rangeHeaders) {
        List<Partition> partitions = new ArrayList<>();
        if ("tasks".equals(resource)) {
            List<Long> projects = new ArrayList<>();
            if (options.option("projectId") != null) {
                projects.add(((Number) options.option("projectId")).longValue());
            } else {
                listed.forEach(p -> projects.add(p.path("id").asLong()));
            }
            for (long project : projects) {
                partitions.add(new Partition("project-" + project,
                        Map.of(ParameterSource.headerFor("projectId"), project)));
            }
        } else if (perMemberAndDay()) {
            List<Long> users = new ArrayList<>();
            if (options.option("userId") != null) {
                users.add(((Number) options.option("userId")).longValue());
            } else {
                listed.forEach(m -> users.add(m.path("id").asLong()));
            }
            for (long user : users) {
                for (LocalDate day : days) {
                    Map<String, Object> headers = new LinkedHashMap<>();
                    headers.put(ParameterSource.headerFor("userId"), user);
                    headers.put(ParameterSource.headerFor("date"), day.toString());
                    partitions.add(new Partition("user-" + user + ":" + day, headers));
                }
            }
        } else {
            partitions.add(new Partition("all", rangeHeaders));
        }
        return partitions;
    }

    /** Whether the list takes a date range, and under which options. */
    boolean takesDateRange() {
        return list.param("date_from").isPresent() && list.param("date_to").isPresent();
    }

    boolean requiresDateRange() {
        return list.param("date_from").map(p -> p.field().isRequired()).orElse(false);
    }
}
