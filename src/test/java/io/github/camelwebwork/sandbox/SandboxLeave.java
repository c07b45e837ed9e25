package io.github.camelwebwork.sandbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * A leave request (§7.11): pending until an owner or executive manager approves or rejects it. {@code id} null
 * means "a new UUID" and null timestamps "now" when added to the state. Hour-based leaves carry
 * {@code startTime}/{@code endTime} and {@code hoursPerDay}; day-based ones a {@code leavePeriod} (0 full day,
 * 1 first half, 2 second half). A leave counts on working days (Monday..Friday) only; public holidays are not
 * modelled.
 */
public record SandboxLeave(String id, long workspaceId, long userId, long policyId, String status, String note,
                           LocalDate startDate, LocalDate endDate, LocalTime startTime, LocalTime endTime,
                           Double hoursPerDay, int leavePeriod, long createdBy, Long approvedBy, Long rejectedBy,
                           String rejectReason, Instant createdAt, Instant updatedAt) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final Set<String> STATUSES = Set.of(PENDING, APPROVED, REJECTED);
    public static final Set<Integer> PERIODS = Set.of(0, 1, 2);
    /** A working day of leave is worth this many hours, so day and hour totals convert into each other. */
    public static final int HOURS_PER_DAY = 8;

    public SandboxLeave {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("leave status must be one of " + STATUSES + ": " + status);
        }
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("leave ends before it starts: " + startDate + ".." + endDate);
        }
    }

    public static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public boolean isApproved() {
        return APPROVED.equals(status);
    }

    /** Pending and approved leaves hold their days; a rejected one frees them. */
    public boolean isActive() {
        return !REJECTED.equals(status);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !endDate.isBefore(from) && !startDate.isAfter(to);
    }

    /** Hours of leave on one working day it covers: the hour-based span, a half day or a full day. */
    public double hoursOn(LocalDate date) {
        if (!covers(date) || !isWorkingDay(date)) {
            return 0;
        }
        if (hoursPerDay != null) {
            return hoursPerDay;
        }
        if (startTime != null && endTime != null) {
            return Duration.between(startTime, endTime).toMinutes() / 60.0;
        }
        return leavePeriod == 0 ? HOURS_PER_DAY : HOURS_PER_DAY / 2.0;
    }

    /** Hours of leave within {@code from..to}. */
    public double hoursWithin(LocalDate from, LocalDate to) {
        double hours = 0;
        for (LocalDate d = from.isAfter(startDate) ? from : startDate; !d.isAfter(to) && !d.isAfter(endDate);
                d = d.plusDays(1)) {
            hours += hoursOn(d);
        }
        return hours;
    }

    public double totalHours() {
        return hoursWithin(startDate, endDate);
    }

    public double totalDays() {
        return totalHours() / HOURS_PER_DAY;
    }

    public SandboxLeave approved(long approver, Instant now) {
        return new SandboxLeave(id, workspaceId, userId, policyId, APPROVED, note, startDate, endDate, startTime,
                endTime, hoursPerDay, leavePeriod, createdBy, approver, null, null, createdAt, now);
    }

    public SandboxLeave rejected(long rejecter, String reason, Instant now) {
        return new SandboxLeave(id, workspaceId, userId, policyId, REJECTED, note, startDate, endDate, startTime,
                endTime, hoursPerDay, leavePeriod, createdBy, null, rejecter, reason, createdAt, now);
    }

    /** The same leave moved by whole weeks (weekdays stay), for seeds dated relative to the clock. */
    public SandboxLeave shiftedByWeeks(long weeks) {
        Duration by = Duration.ofDays(7 * weeks);
        return new SandboxLeave(id, workspaceId, userId, policyId, status, note, startDate.plusWeeks(weeks),
                endDate.plusWeeks(weeks), startTime, endTime, hoursPerDay, leavePeriod, createdBy, approvedBy,
                rejectedBy, rejectReason, createdAt == null ? null : createdAt.plus(by),
                updatedAt == null ? null : updatedAt.plus(by));
    }

    public SandboxLeave withId(String newId, Instant now) {
        Instant created = createdAt == null || createdAt.isAfter(now) ? now : createdAt;
        Instant updated = updatedAt == null || updatedAt.isAfter(now) || updatedAt.isBefore(created) ? created
                : updatedAt;
        return new SandboxLeave(newId, workspaceId, userId, policyId, status, note, startDate, endDate, startTime,
                endTime, hoursPerDay, leavePeriod, createdBy, approvedBy, rejectedBy, rejectReason, created, updated);
    }
}
