package io.github.camelwebwork.operation;

/** How a list value travels in a query string (reference §7.14: "comma-separated or an array"). */
public enum ListStyle {
    /** {@code users=1,2}: the form the reference names first for filters that take either. */
    COMMA_SEPARATED,
    /** {@code project_id[]=1&project_id[]=2}: for the parameters the reference types as arrays only. */
    BRACKETS
}
