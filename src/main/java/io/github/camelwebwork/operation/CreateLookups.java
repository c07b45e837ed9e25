package io.github.camelwebwork.operation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How each create is found again after an attempt whose outcome is unknown. Each look-up lists the resource in the
 * create's scope, newest first, and matches on the fields that identify what the create asked for. They rely on
 * what the reference says a list returns; a look-up that cannot tell (no match) lets the create be sent again.
 * Kept together so that a correction after contact with the live API is made in one place.
 */
final class CreateLookups {

    private CreateLookups() {
    }

    /** Tasks: same title (and description when given) in the project. */
    static final CreateLookup TASK = (body, finder) -> finder.newestFirst("/tasks",
            scope(body, "workspace_id", "project_id"), HouseRules.MAX_PER_PAGE,
            t -> same(body, t, "title") && (!body.has("description") || same(body, t, "description")));

    /** Member invitations: the invited email. */
    static final CreateLookup MEMBER = (body, finder) -> finder.newestFirst("/members",
            with(scope(body, "workspace_id"), "email", text(body, "email")), HouseRules.MAX_PER_PAGE,
            m -> text(body, "email").equalsIgnoreCase(text(m, "email")));

    /** Projects: the name. */
    static final CreateLookup PROJECT = (body, finder) -> finder.newestFirst("/projects",
            with(scope(body, "workspace_id"), "name", text(body, "name")), HouseRules.MAX_PER_PAGE,
            p -> same(body, p, "name"));

    /** Project viewers: the email. */
    static final CreateLookup PROJECT_VIEWER = (body, finder) -> finder.newestFirst("/project-viewers",
            scope(body, "workspace_id"), HouseRules.MAX_PER_PAGE,
            v -> text(body, "email").equalsIgnoreCase(text(v, "email")));

    /** Contracts: the member on the project. */
    static final CreateLookup CONTRACT = (body, finder) -> finder.newestFirst("/contracts",
            scope(body, "workspace_id", "project_id", "user_id"), HouseRules.MAX_PER_PAGE,
            c -> same(body, c, "project_id") && same(body, c, "user_id") && !"deleted".equals(text(c, "status")));

    /**
     * Time entries: a manually added entry of the member on that date lying within the asked start and end (the API
     * may have saved less than asked because of overlaps or limits, §7.8). The asked times are the member's clock
     * times while the list answers date-times with an offset (§7.8 ISO), so the member's time zone is read first.
     */
    static final CreateLookup TIME_ENTRY = (body, finder) -> {
        ZoneId zone = memberZone(body, finder);
        return finder.newestFirst("/time-entries", scope(body, "workspace_id", "user_id", "date"),
                TimeOperations.TIME_ENTRIES_MAX_PER_PAGE,
                e -> within(clock(text(e, "start_time"), zone), clock(text(e, "end_time"), zone),
                        text(body, "start_time"), text(body, "end_time"))
                     && "Manually added time".equals(text(e, "method"))
                     && (!body.hasNonNull("task_id") || same(body, e, "task_id")));
    };

    /** The member's time zone (GET /members/{id}); UTC when the answer has none. */
    private static ZoneId memberZone(JsonNode body, CreateLookup.Finder finder) {
        JsonNode member = finder.data("/members/" + text(body, "user_id"), scope(body, "workspace_id"));
        String zone = text(member, "timezone");
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * Time requests: the member's request with the same start and end (§7.10: the list needs a date range; a day
     * more on each side, as the API may count days in the member's time zone rather than the offset sent).
     */
    static final CreateLookup TIME_REQUEST = (body, finder) -> finder.newestFirst("/time-requests",
            with(with(scope(body, "workspace_id"), "date_from", shift(date(text(body, "start")), -1)), "date_to",
                    shift(date(text(body, "end")), 1)), HouseRules.MAX_PER_PAGE,
            r -> same(body, r, "user_id") && sameInstant(text(body, "start"), text(r, "start"))
                 && sameInstant(text(body, "end"), text(r, "end")));

    /** Leaves: the member's leave of that policy with the same first and last day. */
    static final CreateLookup LEAVE = (body, finder) -> finder.newestFirst("/leaves",
            with(with(scope(body, "workspace_id", "user_id", "policy_id"), "date_from", text(body, "start")),
                    "date_to", text(body, "end")), HouseRules.MAX_PER_PAGE,
            l -> same(body, l, "user_id") && text(body, "start").equals(date(text(l, "start_date")))
                 && text(body, "end").equals(date(text(l, "end_date"))));

    /** Expenses: same name and amount on that date. */
    static final CreateLookup EXPENSE = (body, finder) -> finder.newestFirst("/expenses",
            with(with(scope(body, "workspace_id"), "date_from", text(body, "date")), "date_to", text(body, "date")),
            HouseRules.MAX_PER_PAGE,
            x -> same(body, x, "expense_name") && sameNumber(body.get("amount"), x.get("amount")));

    /** Webhooks: the URL (§7.13: 50 rows a page, no per_page). */
    static final CreateLookup WEBHOOK = (body, finder) -> finder.newestFirst("/webhooks",
            scope(body, "workspace_id"), 0, w -> same(body, w, "url"));

    private static List<Map.Entry<String, String>> scope(JsonNode body, String... names) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (String name : names) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                query.add(Map.entry(name, value.asText()));
            }
        }
        return query;
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> query, String name,
                                                        String value) {
        if (value != null) {
            query.add(Map.entry(name, value));
        }
        return query;
    }

    private static boolean same(JsonNode body, JsonNode candidate, String field) {
        return Objects.equals(text(body, field), text(candidate, field));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        if (a == null || b == null || a.isNull() || b.isNull()) {
            return false;
        }
        try {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code 2024-05-13} of a date or date-time. */
    private static String date(String value) {
        return value == null || value.length() < 10 ? value : value.substring(0, 10);
    }

    private static String shift(String date, int days) {
        try {
            return LocalDate.parse(date).plusDays(days).toString();
        } catch (RuntimeException e) {
            return date;
        }
    }

    private static boolean sameInstant(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return a.equals(b);
        }
    }

    /** The wall-clock time of {@code HH:mm}, or of an ISO date-time in {@code zone}. */
    private static LocalTime clock(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() <= 8 ? LocalTime.parse(value)
                    : OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value.replace(' ', 'T')).toLocalTime();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static boolean within(LocalTime start, LocalTime end, String askedStart, String askedEnd) {
        LocalTime from = clock(askedStart, ZoneOffset.UTC);
        LocalTime to = clock(askedEnd, ZoneOffset.UTC);
        return start != null && end != null && from != null && to != null
               && !start.isBefore(from) && !end.isAfter(to) && start.isBefore(end);
    }

}
