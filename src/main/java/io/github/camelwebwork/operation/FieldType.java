package io.github.camelwebwork.operation;

/** The wire type of a request field; each has one normaliser in {@link Field}. */
public enum FieldType {
    /** JSON string, with optional length limits. */
    TEXT,
    /** An e-mail address. */
    EMAIL,
    /** An absolute http or https URL. */
    URL,
    /** Integer id (house rule H10: workspaces, members, projects, contracts, tasks, project viewers). */
    INTEGER_ID,
    /** String id (house rule H10: timesheets, time requests, leaves, expenses, time entries, webhooks, categories). */
    STRING_ID,
    /** Integer with an optional range. */
    INTEGER,
    /** Decimal number with an optional range (amounts, hours, rates). */
    NUMBER,
    /** true or false. */
    BOOLEAN,
    /** A date YYYY-MM-DD. */
    DATE,
    /** A clock time HH:mm. */
    TIME,
    /** An ISO-8601 date-time with an offset, e.g. 2024-01-15T09:00:00Z. */
    DATE_TIME,
    /** An integer code of a {@link io.github.camelwebwork.model.CodedValue} enumeration. */
    CODE,
    /** One of a fixed set of strings (a {@link io.github.camelwebwork.model.WireValue} enumeration). */
    CHOICE,
    /** A list of integer ids (also given as a comma-separated string or a single id). */
    INTEGER_ID_LIST,
    /** A list of strings (also given as a comma-separated string), optionally from a fixed set. */
    TEXT_LIST
}
