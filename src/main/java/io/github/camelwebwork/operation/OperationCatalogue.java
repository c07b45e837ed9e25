package io.github.camelwebwork.operation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every WebWork operation the component offers, by resource (the API's path segment) and operation name. The one
 * place a new endpoint is added.
 */
public final class OperationCatalogue {

    private static final Map<String, Map<String, OperationDef>> BY_RESOURCE = index(Stream.of(
            DirectoryOperations.all(),
            TimeOperations.contracts(),
            TaskOperations.all(),
            TimeOperations.tracking(),
            LeaveExpenseOperations.all(),
            WebhookOperations.all(),
            ReportOperations.all())
            .flatMap(List::stream)
            .toList());

    private OperationCatalogue() {
    }

    private static Map<String, Map<String, OperationDef>> index(List<OperationDef> all) {
        Map<String, Map<String, OperationDef>> map = new LinkedHashMap<>();
        for (OperationDef op : all) {
            Map<String, OperationDef> ops = map.computeIfAbsent(op.resource(), r -> new LinkedHashMap<>());
            if (ops.put(op.name(), op) != null) {
                throw new IllegalStateException("Operation declared twice: " + op.qualifiedName());
            }
        }
        map.replaceAll((r, ops) -> Collections.unmodifiableMap(ops));
        return Collections.unmodifiableMap(map);
    }

    /** The resources, in the order of the reference. */
    public static List<String> resources() {
        return List.copyOf(BY_RESOURCE.keySet());
    }

    /** Every operation, resource by resource. */
    public static List<OperationDef> all() {
        return BY_RESOURCE.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    public static boolean hasResource(String resource) {
        return BY_RESOURCE.containsKey(resource);
    }

    public static List<String> operations(String resource) {
        return List.copyOf(BY_RESOURCE.getOrDefault(resource, Map.of()).keySet());
    }

    public static Optional<OperationDef> find(String resource, String operation) {
        return Optional.ofNullable(BY_RESOURCE.getOrDefault(resource, Map.of()).get(operation));
    }

    /**
     * The operation, or an {@link IllegalArgumentException} naming the valid resources or operations.
     */
    public static OperationDef require(String resource, String operation) {
        if (!hasResource(resource)) {
            throw new IllegalArgumentException("Unknown WebWork resource '" + resource + "'. Valid resources: "
                                               + String.join(", ", resources()));
        }
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("No operation given for WebWork resource '" + resource
                                               + "': set the operation option or the CamelWebworkOperation header."
                                               + " Valid operations: " + String.join(", ", operations(resource)));
        }
        return find(resource, operation).orElseThrow(() -> new IllegalArgumentException(
                "Unknown operation '" + operation + "' for WebWork resource '" + resource + "'. Valid operations: "
                + String.join(", ", operations(resource))));
    }
}
