package io.github.camelwebwork.operation;

/** The wire type of a request field; each has one normaliser in {@link Field}. */
public enum FieldType {
    /** JSON string. */
    TEXT,
    /** Integer id (house rule H10: workspaces, members, projects, contracts, tasks, project viewers). */
    INTEGER_ID,
    /** String id (house rule H10: timesheets, time requests, leaves, expenses, time entries, webhooks). */
    STRING_ID,
    /** Integer with an optional range. */
    INTEGER,
    /** A date {@code YYYY-MM-DD}. */
    DATE,
    /** An integer code of a {@link io.github.camelwebwork.model.CodedValue} enumeration. */
    CODE,
    /** An array of integer ids (also given as a comma-separated string). */
    INTEGER_ID_LIST
}
