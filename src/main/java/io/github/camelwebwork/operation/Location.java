package io.github.camelwebwork.operation;

/** Where a parameter travels in the HTTP request. */
public enum Location {
    /** Replaces {@code {name}} in the path template. */
    PATH,
    /** A query-string parameter. */
    QUERY,
    /** A field of the JSON body. */
    BODY
}
