package io.github.camelwebwork.consumer;

/** What happened to a record between two scans (header {@code CamelWebworkChangeType}). */
public enum ChangeType {
    /** New since the last scan (or, in the first scan with {@code snapshot=true}, already there). */
    CREATED,
    /** Its content differs from the last scan's. */
    UPDATED,
    /** Gone; the body is the last known version. */
    DELETED
}
