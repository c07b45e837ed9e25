package io.github.camelwebwork.sandbox;

/**
 * A way the live API might differ from the reference (webwork-api.md), switched on with
 * {@link WebworkSandbox.Builder#deviations}: the sandbox then answers as such an API would, so that a client's (or
 * the live check's) reaction to a refuted house rule can be tested. Applied by {@link Deviations}.
 */
public enum Deviation {
    /** H1 refuted: scoped routes sit under {@code /workspaces/{workspace_id}/...}; without that prefix they are 404. */
    WORKSPACE_ID_IN_PATH,
    /** §2 refuted: a success answers its {@code data} alone (a bare array or object), without the envelope. */
    BARE_DATA_WITHOUT_ENVELOPE,
    /** §4 refuted: {@code per_page} above 50 is silently answered as 50. */
    PAGE_CAPPED_AT_50,
    /** The list-order house rule refuted: every list answers newest first (the sandbox's descending order). */
    LIST_ORDER_NEWEST_FIRST,
    /** The list-order house rule refuted: every list answers in a new order per request. */
    LIST_ORDER_UNORDERED,
    /** H5 refuted: no {@code X-RateLimit-*} headers (the limit still holds). */
    NO_RATE_LIMIT_HEADERS,
    /** §5 refuted: errors answer {@code {"error": {"code", "message"}}} instead of the error envelope. */
    ERROR_SHAPE_DIFFERENT,
    /** A record field of another type: every record's {@code name} is an object {@code {"en": name}}. */
    FIELD_OF_ANOTHER_TYPE,
    /** A record field missing: no record has its {@code id}. */
    FIELD_MISSING
}
