package io.github.camelwebwork.operation;

/**
 * Where WebWork's public API documentation describes the operations of a resource. The documentation has one
 * section per resource, named by the resource's path segment ({@code /api/tasks}, {@code /api/time-entries}); the
 * links point at that section, not at an operation within it, so every operation of a resource shares one link.
 */
public final class ApiDocs {

    public static final String BASE_URL = "https://api-docs.webwork-tracker.com/api/";

    private ApiDocs() {
    }

    /** The section of the public API documentation for the resource, e.g. https://api-docs.webwork-tracker.com/api/tasks. */
    public static String section(String resource) {
        if (!OperationCatalogue.hasResource(resource)) {
            throw new IllegalArgumentException("Unknown WebWork resource '" + resource + "'");
        }
        return BASE_URL + resource;
    }
}
