package io.github.camelwebwork.operation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The interpretations of {@code webwork-api.md} that the live API has not confirmed. Each is decided here and only
 * here, so that a correction after contact with the real API is a one-line change.
 */
public final class HouseRules {

    private HouseRules() {
    }

    /**
     * H1: the scope ids ({@code workspace_id}, and {@code project_id} for tasks) go in the query string of a GET and in
     * the JSON body of a POST, PUT or DELETE.
     */
    public static Location scopeLocation(String method) {
        return "GET".equals(method) ? Location.QUERY : Location.BODY;
    }

    /**
     * H2: a DELETE whose body carries the scope ids is sent with that JSON body and {@code Content-Type:
     * application/json}. Under H1 that is every DELETE.
     */
    public static boolean sendsBody(String method) {
        return !"GET".equals(method);
    }

    /**
     * §7.14 (inferred): the per-user reports (daily timeline, activity level, task report, daily attendance, activity
     * descriptions) answer {@code data} as an object such as {@code {report_type, date, users: [...]}}, the page of
     * users under this field, like the tracked-hours report's {@code <date>: {users: [...]}}. A plain array in
     * {@code data} is read as well (H4).
     */
    public static final String REPORT_USERS_FIELD = "users";

    /** The records of a list answer's {@code data}: the array itself, or a per-user report's {@code users}. */
    public static JsonNode listRecords(JsonNode data) {
        return data.isObject() && data.path(REPORT_USERS_FIELD).isArray() ? data.get(REPORT_USERS_FIELD) : data;
    }

    /** Reference §4: the largest {@code per_page} the list endpoints accept. */
    public static final int MAX_PER_PAGE = 100;

    /**
     * The order of every list (inferred: §4 says nothing of it): oldest first, in ascending ids, the order records
     * were created in, so that new records are on the last page. Incremental change-capture scans read that end only,
     * and only while the full scans observe this order (the consumer checks every one and falls back to full scans,
     * with a WARN, when they do not). Set it to {@link ListOrder#NEWEST_FIRST} if the live API answers newest first:
     * the incremental scans then read from page 1.
     */
    public static final ListOrder LIST_ORDER = ListOrder.OLDEST_FIRST;

    /** The option of the lists that take an order (timesheets' {@code order_by}, reference §7.9, on created_at). */
    public static final String ORDER_OPTION = "orderBy";

    /**
     * What change capture asks a list that takes an order for, when the endpoint sets none: {@link #LIST_ORDER}'s.
     * The reference gives no default for {@code order_by}, and a list answered newest first would leave every scan
     * full.
     */
    public static String orderByValue() {
        return LIST_ORDER == ListOrder.OLDEST_FIRST ? "asc" : "desc";
    }
}
