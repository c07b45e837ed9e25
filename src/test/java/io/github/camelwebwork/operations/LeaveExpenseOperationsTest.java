package io.github.camelwebwork.operations;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.client.WebworkUnprocessableException;
import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.model.Expense;
import io.github.camelwebwork.model.ExpenseCategory;
import io.github.camelwebwork.model.Leave;
import io.github.camelwebwork.model.LeaveBalance;
import io.github.camelwebwork.model.LeaveBalanceItem;
import io.github.camelwebwork.model.LeavePolicy;
import io.github.camelwebwork.model.LeaveStatus;
import io.github.camelwebwork.model.PaidFilter;
import io.github.camelwebwork.operation.PagedResult;
import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.Wire;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Leaves (§7.11) and expenses (§7.12, paths per H8) against the sandbox: wire form, typed result, state. */
class LeaveExpenseOperationsTest extends SandboxTestSupport {

    private static final String LEAVES = "webwork:leaves?workspaceId=1&operation=";
    private static final String EXPENSES = "webwork:expenses?workspaceId=1&operation=";
    /** The seed's leaves are written as if the current week began on this Monday (leaves_and_expenses_week). */
    private static final LocalDate SEED_WEEK = LocalDate.parse("2024-05-13");

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String uri) {
        return template.requestBody(uri, null, List.class);
    }

    /** The Monday {@code weeks} weeks from the sandbox's current week (UTC). */
    private LocalDate monday(int weeks) {
        return LocalDate.now(clock()).with(DayOfWeek.MONDAY).plusWeeks(weeks);
    }

    /** A seed date moved to the current week, as the sandbox does. */
    private LocalDate seedDate(String date) {
        return LocalDate.parse(date).plusWeeks(ChronoUnit.WEEKS.between(SEED_WEEK, monday(0)));
    }

    private LeavePolicy policy(String name) {
        List<LeavePolicy> policies = list(LEAVES + "policies");
        return policies.stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The number in a balance such as "22 days", checking the unit. */
    private BigDecimal balance(long userId, LocalDate from, LocalDate to, String leaveType, String unit) {
        List<LeaveBalance> balances = list(LEAVES + "balances&userId=" + userId + "&dateFrom=" + from + "&dateTo=" + to);
        String text = balances.get(0).getLeaveInformation().stream().filter(i -> i.getLeaveType().equals(leaveType))
                .findFirst().orElseThrow().getBalance();
        assertThat(text).endsWith(" " + unit);
        return new BigDecimal(text.substring(0, text.indexOf(' ')));
    }

    private Exchange call(String uri, Object body) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    private Throwable failure(String uri, Object body) {
        return catchThrowableOfType(CamelExecutionException.class, () -> template.requestBody(uri, body)).getCause();
    }

    /** Policies: the H8 path, typed day- and hour-based policies with the paid flag read from yes/no. */
    @Test
    void policiesAreListed() {
        List<LeavePolicy> policies = list(LEAVES + "policies");

        Wire.get(onlyRequest(), "/leaves/policies", "workspace_id=1");
        assertThat(policies).extracting(LeavePolicy::getName)
                .containsExactlyInAnyOrder("Annual leave", "Sick leave", "Unpaid leave", "Doctor appointment");
        assertThat(policies).filteredOn(p -> p.getName().equals("Doctor appointment")).singleElement()
                .satisfies(p -> assertThat(p.getUnit()).isEqualTo("hours"));
        assertThat(policies).filteredOn(p -> p.getName().equals("Unpaid leave")).singleElement()
                .satisfies(p -> assertThat(p.getIsPaidValue()).contains(false));
        assertThat(policies).filteredOn(p -> p.getName().equals("Annual leave")).singleElement()
                .satisfies(p -> assertThat(p.getIsPaidValue()).contains(true));
    }

    /** A day-based request is pending, then approved, and the approved days come off the balance. */
    @Test
    void dayLeaveIsRequestedApprovedAndReducesTheBalance() {
        LeavePolicy annual = policy("Annual leave");
        LocalDate mon = monday(8);
        LocalDate wed = mon.plusDays(2);
        LocalDate fri = mon.plusDays(4);
        BigDecimal before = balance(102, mon, fri, "Annual leave", "days");
        sandbox.clearRequests();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", "Ski trip");
        fields.put("start", mon.toString());
        fields.put("end", wed.toString());
        Exchange created = call(LEAVES + "create&userId=102&policyId=" + annual.getId(), fields);
        Wire.write(onlyRequest(), "POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":" + annual.getId()
                                                     + ",\"start\":\"" + mon + "\",\"end\":\"" + wed
                                                     + "\",\"user_id\":102,\"reason\":\"Ski trip\"}");
        assertThat(created.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Leave request created successfully");
        sandbox.clearRequests();

        List<Leave> pending = list(LEAVES + "list&status=pending&userId=102&dateFrom=" + mon + "&dateTo=" + fri);
        Wire.get(onlyRequest(), "/leaves", "workspace_id=1&status=pending&date_from=" + mon + "&date_to=" + fri
                                           + "&user_id=102&page=1&per_page=100");
        Leave leave = pending.get(0);
        assertThat(pending).hasSize(1);
        assertThat(leave.getStatusValue()).contains(LeaveStatus.PENDING);
        assertThat(leave.getPolicyId()).isEqualTo(annual.getId());
        assertThat(leave.getStartDate()).isEqualTo(mon.toString());
        assertThat(leave.getEndDate()).isEqualTo(wed.toString());
        assertThat(leave.getIsPaidValue()).contains(PaidFilter.YES);
        assertThat(leave.getNote()).isEqualTo("Ski trip");
        assertThat(leave.getTotal().getDays()).isEqualByComparingTo("3");
        assertThat(leave.getTotal().getHours()).isEqualByComparingTo("24");
        assertThat(balance(102, mon, fri, "Annual leave", "days")).isEqualByComparingTo(before);
        sandbox.clearRequests();

        Exchange approved = call(LEAVES + "approve&leaveId=" + leave.getId(), null);
        Wire.write(onlyRequest(), "PUT", "/leaves/" + leave.getId() + "/approve", "{\"workspace_id\":1}");
        assertThat(approved.getMessage().getHeader(WebworkConstants.MESSAGE)).isEqualTo("Leave approved successfully");

        List<Leave> decided = list(LEAVES + "list&status=approved&userId=102&dateFrom=" + mon + "&dateTo=" + fri);
        assertThat(decided).singleElement().satisfies(l -> {
            assertThat(l.getId()).isEqualTo(leave.getId());
            assertThat(l.getApprovedBy().asLong()).isEqualTo(100L);
        });
        assertThat(list(LEAVES + "list&status=pending&userId=102&dateFrom=" + mon + "&dateTo=" + fri)).isEmpty();
        assertThat(balance(102, mon, fri, "Annual leave", "days"))
                .isEqualByComparingTo(before.subtract(BigDecimal.valueOf(3)));
    }

    /** An hour-based policy takes start_time, end_time and hours_per_day, needs the times, and counts in hours. */
    @Test
    void hourLeaveSendsTimesAndCountsHours() {
        LeavePolicy doctor = policy("Doctor appointment");
        LocalDate tue = monday(9).plusDays(1);
        BigDecimal before = balance(104, tue, tue, "Doctor appointment", "hours");
        String uri = LEAVES + "create&userId=104&policyId=" + doctor.getId();
        sandbox.clearRequests();

        Throwable noTimes = failure(uri, Map.of("start", tue.toString(), "end", tue.toString()));
        assertThat(noTimes).isInstanceOfSatisfying(WebworkUnprocessableException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(422);
            assertThat(e.getFieldErrors()).containsKeys("start_time", "end_time");
        });
        sandbox.clearRequests();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("start", tue.toString());
        fields.put("end", tue.toString());
        fields.put("start_time", "09:00");
        fields.put("end_time", "11:30");
        fields.put("hours_per_day", new BigDecimal("2.5"));
        call(uri, fields);
        Wire.write(onlyRequest(), "POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":" + doctor.getId()
                                                     + ",\"start\":\"" + tue + "\",\"end\":\"" + tue
                                                     + "\",\"user_id\":104,\"start_time\":\"09:00\","
                                                     + "\"end_time\":\"11:30\",\"hours_per_day\":2.5}");

        List<Leave> pending = list(LEAVES + "list&status=pending&policyId=" + doctor.getId() + "&userId=104&dateFrom="
                                   + tue + "&dateTo=" + tue);
        assertThat(pending).singleElement().satisfies(l -> assertThat(l.getTotal().getHours()).isEqualByComparingTo("2.5"));
        call(LEAVES + "approve&leaveId=" + pending.get(0).getId(), null);

        assertThat(balance(104, tue, tue, "Doctor appointment", "hours"))
                .isEqualByComparingTo(before.subtract(new BigDecimal("2.5")));
    }

    /** Reject needs a reason (checked before sending); only pending leaves can be approved or rejected (422). */
    @Test
    void rejectNeedsAReasonAndOnlyPendingLeavesAreDecided() {
        LeavePolicy annual = policy("Annual leave");
        LocalDate wed = monday(10).plusDays(2);
        call(LEAVES + "create&userId=103&policyId=" + annual.getId(),
                Map.of("start", wed.toString(), "end", wed.toString(), "leave_period", 2));
        assertThat(sandbox.requests().get(1).body()).contains("\"leave_period\":2");
        Leave leave = this.<Leave> list(LEAVES + "list&status=pending&userId=103&dateFrom=" + wed + "&dateTo=" + wed)
                .get(0);
        assertThat(leave.getTotal().getDays()).isEqualByComparingTo("0.5");
        String uri = LEAVES + "reject&leaveId=" + leave.getId();
        sandbox.clearRequests();

        Throwable noReason = failure(uri, null);
        assertThat(noReason).isInstanceOfSatisfying(WebworkValidationException.class,
                e -> assertThat(e.getViolations()).anyMatch(v -> v.startsWith("reason")));
        assertThat(sandbox.requests()).isEmpty();

        Exchange rejected = template.request(uri, e -> e.getMessage().setHeader(WebworkConstants.REASON, "Team offsite"));
        assertThat(rejected.getException()).isNull();
        Wire.write(onlyRequest(), "PUT", "/leaves/" + leave.getId() + "/reject",
                "{\"workspace_id\":1,\"reason\":\"Team offsite\"}");
        assertThat(rejected.getMessage().getHeader(WebworkConstants.MESSAGE)).isEqualTo("Leave rejected successfully");
        List<Leave> found = list(LEAVES + "list&status=rejected&userId=103&dateFrom=" + wed + "&dateTo=" + wed);
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.getId()).isEqualTo(leave.getId());
            assertThat(l.getRejectReason()).isEqualTo("Team offsite");
            assertThat(l.getRejectedBy().asLong()).isEqualTo(100L);
        });

        Throwable approveRejected = failure(LEAVES + "approve&leaveId=" + leave.getId(), null);
        assertThat(approveRejected).isInstanceOfSatisfying(WebworkUnprocessableException.class,
                e -> assertThat(e.getFieldErrors()).containsKey("status"));

        String approvedId = this.<Leave> list(LEAVES + "list&status=approved").get(0).getId();
        sandbox.clearRequests();
        Throwable rejectApproved = failure(LEAVES + "reject&reason=Too late&leaveId=" + approvedId, null);
        Wire.write(onlyRequest(), "PUT", "/leaves/" + approvedId + "/reject",
                "{\"workspace_id\":1,\"reason\":\"Too late\"}");
        assertThat(rejectApproved).isInstanceOfSatisfying(WebworkUnprocessableException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(422);
            assertThat(e.getFieldErrors()).containsKey("status");
        });
        assertThat(this.<Leave> list(LEAVES + "list&status=approved")).extracting(Leave::getId).contains(approvedId);
    }

    /** Every list filter goes on the wire under its reference name, in reference order, and filters. */
    @Test
    void leaveListFiltersAreSentAndApplied() {
        List<Leave> all = list(LEAVES + "list");
        sandbox.clearRequests();

        List<Leave> unpaid = list(LEAVES + "list&isPaid=no");
        Wire.get(onlyRequest(), "/leaves", "workspace_id=1&is_paid=no&page=1&per_page=100");
        assertThat(unpaid).isNotEmpty().allSatisfy(l -> assertThat(l.getIsPaidValue()).contains(PaidFilter.NO));
        sandbox.clearRequests();

        List<Leave> paid = list(LEAVES + "list&isPaid=yes");
        Wire.get(onlyRequest(), "/leaves", "workspace_id=1&is_paid=yes&page=1&per_page=100");
        assertThat(paid).isNotEmpty().allSatisfy(l -> assertThat(l.getIsPaidValue()).contains(PaidFilter.YES));
        assertThat(paid.size() + unpaid.size()).isEqualTo(all.size());
        sandbox.clearRequests();

        LocalDate from = seedDate("2024-04-01");
        LocalDate to = seedDate("2024-04-05");
        List<Leave> narrow = list(LEAVES + "list&policyId=1&status=approved&userId=102&dateFrom=" + from
                                  + "&dateTo=" + to);
        Wire.get(onlyRequest(), "/leaves", "workspace_id=1&policy_id=1&status=approved&date_from=" + from
                                           + "&date_to=" + to + "&user_id=102&page=1&per_page=100");
        assertThat(narrow).singleElement().satisfies(l -> {
            assertThat(l.getStartDate()).isEqualTo(from.toString());
            assertThat(l.getEndDate()).isEqualTo(to.toString());
            assertThat(l.getUserId()).isEqualTo(102L);
            assertThat(l.getPolicyId()).isEqualTo(1L);
            assertThat(l.getNote()).isEqualTo("Family trip to Goa");
        });
        assertThat(list(LEAVES + "list&policyId=2&userId=102&dateFrom=" + from + "&dateTo=" + to)).isEmpty();
        assertThat(list(LEAVES + "list&status=pending&userId=102&dateFrom=" + from + "&dateTo=" + to)).isEmpty();
        assertThat(this.<Leave> list(LEAVES + "list&userId=103")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.getUserId()).isEqualTo(103L));
    }

    /** A list over two pages fetches page 2 only when the iteration reaches it. */
    @Test
    void leaveListSpansPagesLazily() {
        int total = list(LEAVES + "list").size();
        assertThat(total).isBetween(5, 8);
        sandbox.clearRequests();

        Exchange exchange = call(LEAVES + "list&perPage=4", null);
        assertThat(requests()).hasSize(1);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_TOTAL)).isEqualTo(total);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_LAST_PAGE)).isEqualTo(2);

        List<String> starts = new ArrayList<>();
        for (Object leave : exchange.getMessage().getBody(PagedResult.class)) {
            starts.add(((Leave) leave).getStartDate());
            assertThat(requests()).hasSize(starts.size() <= 4 ? 1 : 2);
        }
        assertThat(starts).hasSize(total).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(requests()).extracting(RecordedRequest::rawQuery).containsExactly(
                "workspace_id=1&page=1&per_page=4", "workspace_id=1&page=2&per_page=4");
    }

    /** Balances need the date range (checked before sending) and list every member's policies. */
    @Test
    void balancesNeedARangeAndListEveryPolicy() {
        LocalDate from = LocalDate.now(clock()).withDayOfYear(1);
        LocalDate to = from.plusYears(1).minusDays(1);
        Throwable noRange = failure(LEAVES + "balances&dateFrom=" + from, null);
        assertThat(noRange).isInstanceOfSatisfying(WebworkValidationException.class,
                e -> assertThat(e.getViolations()).anyMatch(v -> v.startsWith("date_to")));
        assertThat(sandbox.requests()).isEmpty();

        List<LeaveBalance> balances = list(LEAVES + "balances&dateFrom=" + from + "&dateTo=" + to);
        Wire.get(onlyRequest(), "/leaves/balances", "workspace_id=1&date_from=" + from + "&date_to=" + to);
        assertThat(balances).extracting(LeaveBalance::getUserId).containsExactlyInAnyOrder(100L, 101L, 102L, 103L, 104L);
        assertThat(balances).filteredOn(b -> b.getUserId() == 103L).singleElement().satisfies(b -> {
            assertThat(b.getUserName()).isEqualTo("Rita Regular");
            assertThat(b.getLeaveInformation()).extracting(LeaveBalanceItem::getLeaveType)
                    .containsExactlyInAnyOrder("Annual leave", "Sick leave", "Unpaid leave", "Doctor appointment");
            assertThat(b.getLeaveInformation()).filteredOn(i -> i.getLeaveType().equals("Unpaid leave"))
                    .singleElement().satisfies(i -> assertThat(i.getBalance()).isEqualTo("Unlimited"));
            assertThat(b.getTotalBalance()).endsWith(" days");
        });
    }

    /** Expenses: categories, create with an exact decimal amount, list, update, delete, gone. */
    @Test
    void expenseLifecycle() {
        List<ExpenseCategory> categories = list(EXPENSES + "categories");
        Wire.get(onlyRequest(), "/expenses/categories", "workspace_id=1");
        assertThat(categories).extracting(ExpenseCategory::getName)
                .containsExactlyInAnyOrder("Travel", "Software", "Meals", "Equipment");
        String travel = categories.stream().filter(c -> c.getName().equals("Travel")).findFirst().orElseThrow().getId();
        LocalDate day = LocalDate.now(clock()).minusDays(1);
        sandbox.clearRequests();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("is_billable", true);
        fields.put("note", "Late flight");
        fields.put("amount", "12.50");
        fields.put("expense_name", "Taxi to airport");
        Exchange created = call(EXPENSES + "create&projectId=100&categoryId=" + travel + "&date=" + day, fields);
        Wire.write(onlyRequest(), "POST", "/expenses", "{\"workspace_id\":1,\"expense_name\":\"Taxi to airport\","
                                                     + "\"date\":\"" + day + "\",\"amount\":12.50,\"category_id\":\""
                                                     + travel + "\",\"project_id\":100,\"note\":\"Late flight\","
                                                     + "\"is_billable\":true}");
        assertThat(created.getMessage().getHeader(WebworkConstants.MESSAGE)).isEqualTo("Expense created successfully");
        Expense expense = created.getMessage().getBody(Expense.class);
        assertThat(expense.getId()).isNotBlank();
        assertThat(expense.getAmount()).isEqualByComparingTo("12.50");
        assertThat(expense.getType()).isEqualTo("billable");
        assertThat(expense.getCategory()).isEqualTo("Travel");
        assertThat(expense.getProject()).isEqualTo("Website Relaunch");
        assertThat(expense.getExpenseDate())
                .isEqualTo(day.format(DateTimeFormatter.ofPattern("MMM dd, yyyy", Locale.ENGLISH)));
        String id = expense.getId();
        sandbox.clearRequests();

        List<Expense> listed = list(EXPENSES + "list&dateFrom=" + day + "&dateTo=" + day);
        Wire.get(onlyRequest(), "/expenses", "workspace_id=1&date_from=" + day + "&date_to=" + day
                                             + "&page=1&per_page=100");
        assertThat(listed).filteredOn(e -> e.getId().equals(id)).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("billable");
            assertThat(e.getAmount()).isEqualByComparingTo("12.50");
            assertThat(e.getExpenseName()).isEqualTo("Taxi to airport");
            assertThat(e.getMember()).isEqualTo("Olivia Owner");
        });
        sandbox.clearRequests();

        String uri = EXPENSES + "%s&expenseId=" + id;
        Throwable nothing = failure(String.format(uri, "update"), null);
        assertThat(nothing).isInstanceOfSatisfying(WebworkValidationException.class,
                e -> assertThat(e.getViolations()).anyMatch(v -> v.contains("nothing to change")));
        assertThat(sandbox.requests()).isEmpty();

        Expense updated = template.requestBody(String.format(uri, "update"), Map.of("amount", new BigDecimal("14.75")),
                Expense.class);
        Wire.write(onlyRequest(), "PUT", "/expenses/" + id, "{\"workspace_id\":1,\"amount\":14.75}");
        assertThat(updated.getAmount()).isEqualByComparingTo("14.75");
        sandbox.clearRequests();
        @SuppressWarnings("unchecked")
        List<Expense> byId = template.requestBody(EXPENSES + "list", Map.of("id", id), List.class);
        Wire.get(onlyRequest(), "/expenses", "workspace_id=1&id=" + id + "&page=1&per_page=100");
        assertThat(byId).singleElement().satisfies(e -> {
            assertThat(e.getAmount()).isEqualByComparingTo("14.75");
            assertThat(e.getCategory()).isEqualTo("Travel");
        });
        sandbox.clearRequests();

        Exchange deleted = call(String.format(uri, "delete"), null);
        Wire.write(onlyRequest(), "DELETE", "/expenses/" + id, "{\"workspace_id\":1}");
        assertThat(deleted.getMessage().getHeader(WebworkConstants.MESSAGE)).isEqualTo("Expense deleted successfully");
        assertThat(this.<Expense> list(EXPENSES + "list&dateFrom=" + day + "&dateTo=" + day))
                .extracting(Expense::getId).doesNotContain(id);
        assertThat(failure(String.format(uri, "delete"), null)).isInstanceOfSatisfying(WebworkNotFoundException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
}
