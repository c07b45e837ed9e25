package io.github.camelwebwork.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A timesheet (§7.9): one member's week, Monday..Sunday, whose totals are always computed from the member's time
 * entries of that week. Status flow: pending → submitted → approved | rejected, rejected → submitted, submitted →
 * pending (unsubmit). {@code reviewedBy}/{@code reviewedAt}: who approved or rejected it, and when.
 */
public record SandboxTimesheet(String id, long workspaceId, long userId, LocalDate dateFrom, LocalDate dateTo,
                               String status, Instant submittedAt, Long submittedBy, Instant reviewedAt,
                               Long reviewedBy, String rejectReason, Instant createdAt, Instant updatedAt) {

    public static final Set<String> STATUSES = Set.of("pending", "submitted", "approved", "rejected");

    public SandboxTimesheet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dateFrom, "dateFrom");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("timesheet status must be one of " + STATUSES + ": " + status);
        }
        if (dateTo == null) {
            dateTo = dateFrom.plusDays(6);
        }
    }

    /** A new pending timesheet of the week starting {@code monday}; its id is stable (see {@link #idFor}). */
    public static SandboxTimesheet pending(long workspaceId, long userId, LocalDate monday, Instant createdAt) {
        return new SandboxTimesheet(idFor(workspaceId, userId, monday), workspaceId, userId, monday,
                monday.plusDays(6), "pending", null, null, null, null, null, createdAt, createdAt);
    }

    /** H10: string ids; the same member-week always gets the same UUID, so ids survive a sandbox restart. */
    public static String idFor(long workspaceId, long userId, LocalDate monday) {
        String key = "webwork-sandbox:timesheet:" + workspaceId + ":" + userId + ":" + monday;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(dateFrom) && !date.isAfter(dateTo);
    }

    public SandboxTimesheet submitted(long byUserId, Instant at) {
        return new SandboxTimesheet(id, workspaceId, userId, dateFrom, dateTo, "submitted", at, byUserId, null, null,
                null, createdAt, at);
    }

    public SandboxTimesheet unsubmitted(Instant at) {
        return new SandboxTimesheet(id, workspaceId, userId, dateFrom, dateTo, "pending", null, null, null, null,
                null, createdAt, at);
    }

    public SandboxTimesheet approved(long byUserId, Instant at) {
        return new SandboxTimesheet(id, workspaceId, userId, dateFrom, dateTo, "approved", submittedAt, submittedBy,
                at, byUserId, null, createdAt, at);
    }

    public SandboxTimesheet rejected(long byUserId, Instant at, String reason) {
        return new SandboxTimesheet(id, workspaceId, userId, dateFrom, dateTo, "rejected", submittedAt, submittedBy,
                at, byUserId, reason, createdAt, at);
    }
}
