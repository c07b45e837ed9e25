package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTimesheet;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * §7.9 Timesheets: one per member and week (Monday..Sunday), statuses per H3 (G3): pending → submitted →
 * approved | rejected; rejected → submitted; submitted → pending (unsubmit). Any other transition is 422 on
 * {@code status}, like every state conflict of the time sections. The member (or an owner or executive manager)
 * submits and unsubmits; only owners and executive managers approve and reject. A week is not locked by its
 * status: time added later still shows in its totals.
 */
public final class TimesheetsApi {

    private static final Set<String> ORDERS = Set.of("asc", "desc");
    static final int MAX_REASON = 1000;

    private final SandboxState state;
    private final Access access;

    public TimesheetsApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/timesheets", this::list)
                .add("PUT", "/timesheets/{timesheetId}/submit", this::submit)
                .add("PUT", "/timesheets/{timesheetId}/unsubmit", this::unsubmit)
                .add("PUT", "/timesheets/{timesheetId}/approve", this::approve)
                .add("PUT", "/timesheets/{timesheetId}/reject", this::reject);
    }

    /** date_from/date_to pick the weeks that overlap the range; order_by on created_at, newest first by default. */
    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String id = v.queryText(r, "id", null);
        String status = v.queryText(r, "status", SandboxTimesheet.STATUSES);
        LocalDate from = TimeFields.queryDate(r, "date_from", false, v);
        LocalDate to = TimeFields.queryDate(r, "date_to", false, v);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("date_to", Messages.afterOrEqual("date_to", "date_from"));
        }
        Long userId = v.queryInteger(r, "user_id", false);
        String order = v.queryText(r, "order_by", ORDERS);
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list timesheets", ws -> {
            v.throwIfInvalid();
            SandboxMember caller = access.caller(ws, r.callerId());
            Comparator<SandboxTimesheet> byCreation = Comparator.comparing(SandboxTimesheet::createdAt);
            List<SandboxTimesheet> sheets = state.timesheets(ws.id()).stream()
                    .filter(t -> access.seesTimeOf(caller, t.userId()))
                    .filter(t -> id == null || t.id().equals(id))
                    .filter(t -> status == null || t.status().equals(status))
                    .filter(t -> userId == null || t.userId() == userId)
                    .filter(t -> from == null || !t.dateTo().isBefore(from))
                    .filter(t -> to == null || !t.dateFrom().isAfter(to))
                    .sorted(("asc".equals(order) ? byCreation : byCreation.reversed())
                            .thenComparingLong(SandboxTimesheet::userId))
                    .toList();
            boolean rates = access.seesRates(ws, r.callerId());
            Instant now = state.now();
            return page.respond("Timesheets retrieved successfully", sheets,
                    t -> TimesheetJson.timesheet(t, state, rates, now));
        });
    }

    /** From pending or rejected; a resubmission clears the last rejection's reason. */
    ApiResponse submit(ApiRequest r) {
        return transition(r, Access.READERS, "submit", "submitted", Set.of("pending", "rejected"), null,
                (t, now) -> t.submitted(r.callerId(), now));
    }

    ApiResponse unsubmit(ApiRequest r) {
        return transition(r, Access.READERS, "unsubmit", "unsubmitted", Set.of("submitted"), null,
                (t, now) -> t.unsubmitted(now));
    }

    ApiResponse approve(ApiRequest r) {
        return transition(r, Access.WORKSPACE_ADMINS, "approve", "approved", Set.of("submitted"), null,
                (t, now) -> t.approved(r.callerId(), now));
    }

    ApiResponse reject(ApiRequest r) {
        Validation v = new Validation();
        String reason = new BodyFields(r.body(), v).text("reason", true, MAX_REASON);
        return transition(r, Access.WORKSPACE_ADMINS, "reject", "rejected", Set.of("submitted"), v,
                (t, now) -> t.rejected(r.callerId(), now, reason));
    }

    /** Members other than owners and executive managers may submit and unsubmit only their own timesheets. */
    private ApiResponse transition(ApiRequest r, Set<Role> roles, String verb, String done, Set<String> from,
                                   Validation fields,
                                   BiFunction<SandboxTimesheet, Instant, SandboxTimesheet> change) {
        String id = r.pathParams().get("timesheetId");
        Validation v = fields != null ? fields : new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        return access.inWorkspace(r, scope, v, roles, verb + " timesheets", ws -> {
            SandboxTimesheet sheet = sheet(ws, id);
            access.requireSelfOrAdmin(ws, r.callerId(), sheet.userId(), verb + " timesheets");
            if (!from.contains(sheet.status())) {
                v.add("status", "Only " + String.join(" or ", from.stream().sorted().toList())
                        + " timesheets can be " + done + "; this one is " + sheet.status() + ".");
            }
            v.throwIfInvalid();
            state.saveTimesheet(change.apply(sheet, state.now()));
            return ApiResponse.message("Timesheet " + done + " successfully");
        });
    }

    private SandboxTimesheet sheet(SandboxWorkspace ws, String id) {
        state.timesheets(ws.id());
        return state.timesheet(id).filter(t -> t.workspaceId() == ws.id())
                .orElseThrow(() -> ApiException.notFound("Timesheet"));
    }
}
