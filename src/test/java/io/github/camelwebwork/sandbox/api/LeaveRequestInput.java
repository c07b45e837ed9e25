package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxLeave;
import io.github.camelwebwork.sandbox.SandboxLeavePolicy;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The body of §7.11 "Request Leave", checked in two steps so a 422 lists every field error at once (H6): the
 * formats first ({@link #read}), then what depends on the workspace ({@link #toLeave}): the policy, the member,
 * the hour-based fields, half days and clashes with the member's other leave.
 * <ul>
 * <li>Hour-based policies need {@code start_time} and {@code end_time}; {@code hours_per_day} defaults to the span
 * between them and may not exceed it. Day-based policies ignore the three.</li>
 * <li>A half day ({@code leave_period} 1 or 2) is one day long; hour-based policies ignore {@code leave_period}.</li>
 * <li>The period must hold a working day (Monday..Friday) and may not overlap the member's pending or approved
 * leave.</li>
 * </ul>
 */
final class LeaveRequestInput {

    static final int MAX_REASON = 1000;
    static final String NO_WORKING_DAY = "The selected period contains no working days.";
    static final String OVERLAP = "The member already has a pending or approved leave in this period.";
    static final String HALF_DAY_SPAN = "A half-day leave must start and end on the same day.";

    private Long policyId;
    private Long userId;
    private LocalDate start;
    private LocalDate end;
    private LocalTime startTime;
    private LocalTime endTime;
    private Double hoursPerDay;
    private Integer leavePeriod;
    private String reason;

    static LeaveRequestInput read(JsonNode body, Validation v) {
        LeaveRequestInput in = new LeaveRequestInput();
        BodyFields fields = new BodyFields(body, v);
        in.policyId = v.bodyInteger(body, "policy_id");
        in.userId = v.bodyInteger(body, "user_id");
        in.start = TimeFields.date(body, "start", true, v);
        in.end = TimeFields.date(body, "end", true, v);
        if (in.start != null && in.end != null && in.end.isBefore(in.start)) {
            v.add("end", Messages.afterOrEqual("end", "start"));
        }
        in.startTime = TimeFields.clock(body, "start_time", false, v);
        in.endTime = TimeFields.clock(body, "end_time", false, v);
        in.hoursPerDay = positive(body, "hours_per_day", v);
        in.leavePeriod = fields.intChoice("leave_period", SandboxLeave.PERIODS);
        in.reason = TimeFields.text(body, "reason", MAX_REASON, v);
        return in;
    }

    Long userId() {
        return userId;
    }

    /** The pending leave to store, or null with the reasons in {@code v}. */
    SandboxLeave toLeave(SandboxState state, SandboxWorkspace ws, long callerId, Validation v) {
        SandboxLeavePolicy policy = policyId == null ? null : state.leavePolicy(policyId)
                .filter(p -> p.workspaceId() == ws.id()).orElse(null);
        if (policyId != null && policy == null) {
            v.add("policy_id", Messages.invalidChoice("policy_id"));
        }
        SandboxUser user = TimeRules.trackingMember(state, ws, userId, v);
        boolean hourBased = policy != null && policy.isHourBased();
        int period = leavePeriod == null || hourBased ? 0 : leavePeriod;
        if (hourBased) {
            checkHours(v);
        } else if (period != 0 && start != null && end != null && !start.equals(end)) {
            v.add("leave_period", HALF_DAY_SPAN);
        }
        if (user != null && start != null && end != null && !end.isBefore(start)) {
            checkPeriod(state, ws, user, v);
        }
        if (!v.isValid()) {
            return null;
        }
        return new SandboxLeave(null, ws.id(), user.id(), policy.id(), SandboxLeave.PENDING, reason, start, end,
                hourBased ? startTime : null, hourBased ? endTime : null, hourBased ? hours() : null, period,
                callerId, null, null, null, null, null);
    }

    private void checkHours(Validation v) {
        for (String field : new String[] {"start_time", "end_time"}) {
            if (!v.has(field) && (field.equals("start_time") ? startTime : endTime) == null) {
                v.add(field, "The " + Messages.attribute(field) + " field is required for hour-based leave policies.");
            }
        }
        if (startTime != null && endTime != null) {
            if (!endTime.isAfter(startTime)) {
                v.add("end_time", TimeFields.after("end_time", "start_time"));
            } else if (hoursPerDay != null && hoursPerDay > span()) {
                v.add("hours_per_day", "The hours per day may not be greater than "
                        + LeaveJson.number(span()).asText() + ".");
            }
        }
    }

    private void checkPeriod(SandboxState state, SandboxWorkspace ws, SandboxUser user, Validation v) {
        boolean working = start.datesUntil(end.plusDays(1)).anyMatch(SandboxLeave::isWorkingDay);
        if (!working) {
            v.add("start", NO_WORKING_DAY);
        } else if (state.leaves(ws.id()).stream()
                .anyMatch(l -> l.userId() == user.id() && l.isActive() && l.overlaps(start, end))) {
            v.add("start", OVERLAP);
        }
    }

    private double span() {
        return Duration.between(startTime, endTime).toMinutes() / 60.0;
    }

    private double hours() {
        return hoursPerDay != null ? hoursPerDay : span();
    }

    /** Laravel's {@code numeric|gt:0|max:24}; numeric strings count, as with the numeric rule. */
    private static Double positive(JsonNode body, String field, Validation v) {
        Double value = new BodyFields(body, v).number(field, Long.MIN_VALUE);
        if (value != null && value <= 0) {
            v.add(field, "The " + Messages.attribute(field) + " must be greater than 0.");
            return null;
        }
        if (value != null && value > 24) {
            v.add(field, "The " + Messages.attribute(field) + " may not be greater than 24.");
            return null;
        }
        return value;
    }
}
