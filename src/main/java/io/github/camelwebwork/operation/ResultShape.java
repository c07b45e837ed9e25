package io.github.camelwebwork.operation;

/** What an operation puts in the message body. */
public enum ResultShape {
    /** One typed object from {@code data}. */
    OBJECT,
    /** One typed object from {@code data}, or null when the API answered without one (some updates, §7.2). */
    OPTIONAL_OBJECT,
    /** A list of typed objects from {@code data}; walked lazily page by page when the operation is paged. */
    LIST,
    /** Nothing useful in {@code data}: the body stays as it was; the API's message goes to a header. */
    NONE
}
