package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.11 leave policies (H8) and balances over raw HTTP; balances follow approvals. */
class LeaveBalancesApiTest {

    private static final String YEAR = "/leaves/balances?workspace_id=1&date_from=2024-01-01&date_to=2024-12-31";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(new TimeSandbox.MovableClock()));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsTheWorkspacePolicies() {
        Reply reply = client.get("/leaves/policies?workspace_id=1");

        assertSuccess(reply, 200, "Leave policies retrieved successfully");
        assertThat(reply.pagination()).isNull();
        assertThat(reply.data()).hasSize(4);
        assertThat(reply.data().get(0).toString()).isEqualTo("{\"id\":1,\"name\":\"Annual leave\",\"is_paid\":\"yes\","
                + "\"unit\":\"days\",\"allowance_per_year\":25,\"accrual\":\"yearly\"}");
        assertThat(reply.data().get(2).toString()).isEqualTo("{\"id\":3,\"name\":\"Unpaid leave\",\"is_paid\":\"no\","
                + "\"unit\":\"days\",\"allowance_per_year\":null,\"accrual\":\"none\"}");
        assertThat(reply.data().get(3).path("unit").asText()).isEqualTo("hours");
        assertThat(client.get("/leaves/policies?workspace_id=2").data()).hasSize(1);
        assertThat(client.get("/leaves/policies?workspace_id=1", TimeSandbox.REGULAR).status()).isEqualTo(200);
        assertError(client.get("/leaves/policies"), 422, null);
        assertError(client.get("/leaves/policies?workspace_id=2", TimeSandbox.EXEC), 403, null);
    }

    @Test
    void computesBalancesFromApprovedLeave() {
        Reply reply = client.get(YEAR);

        assertSuccess(reply, 200, "Leave balances retrieved successfully");
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(5); // active members who work, not Vera/Leo
        JsonNode priya = user(reply, 102);
        assertThat(fieldNames(priya)).containsExactly("user_id", "user_name", "leave_information", "total_balance");
        assertThat(priya.path("user_name").asText()).isEqualTo("Priya Manager");
        assertThat(fieldNames(priya.path("leave_information").get(0))).containsExactly("leave_type", "balance");
        assertThat(balances(priya)).containsExactly(Map.entry("Annual leave", "20 days"),
                Map.entry("Sick leave", "10 days"), Map.entry("Unpaid leave", "Unlimited"),
                Map.entry("Doctor appointment", "16 hours"));
        assertThat(priya.path("total_balance").asText()).isEqualTo("32 days"); // 20 + 10 + 16 h at 8 h a day
        assertThat(balances(user(reply, 101)).get("Annual leave")).isEqualTo("22 days"); // May 27-29, approved ahead
        JsonNode tom = user(reply, 104);
        assertThat(balances(tom).get("Sick leave")).isEqualTo("8 days");
        assertThat(balances(tom).get("Doctor appointment")).isEqualTo("16 hours"); // pending does not count
        assertThat(balances(user(reply, 103)).get("Annual leave")).isEqualTo("25 days"); // rejected and pending

        assertThat(client.send("PUT", "/leaves/" + LeavesApiTest.TOM_DOCTOR + "/approve", "{\"workspace_id\":1}")
                .status()).isEqualTo(200);
        JsonNode after = user(client.get(YEAR + "&user_id=104"), 104);
        assertThat(balances(after).get("Doctor appointment")).isEqualTo("14 hours");
        assertThat(after.path("total_balance").asText()).isEqualTo("34.75 days");
    }

    @Test
    void countsOnlyLeaveInsideThePeriod() {
        String april = "/leaves/balances?workspace_id=1&user_id=102&date_from=2024-04-03&date_to=2024-04-30";
        assertThat(balances(client.get(april).data().get(0)).get("Annual leave")).isEqualTo("22 days");
        String twoYears = "/leaves/balances?workspace_id=1&user_id=102&date_from=2024-01-01&date_to=2025-12-31";
        assertThat(balances(client.get(twoYears).data().get(0)).get("Annual leave")).isEqualTo("45 days");
        approvedSickLeave("2024-02-05", "2024-02-13"); // 7 working days
        assertThat(balances(client.get(april.replace("04-03", "01-01")).data().get(0)).get("Sick leave"))
                .isEqualTo("3 days");
        approvedSickLeave("2024-03-01", "2024-03-04"); // Friday and Monday
        assertThat(balances(client.get(april.replace("04-03", "01-01")).data().get(0)).get("Sick leave"))
                .isEqualTo("1 day");
    }

    @Test
    void validatesAndPaginatesBalances() {
        Reply missing = client.get("/leaves/balances?workspace_id=1&user_id=x");
        assertError(missing, 422, "The given data was invalid.");
        assertThat(missing.errors().fieldNames()).toIterable().containsExactly("user_id", "date_from", "date_to");
        Reply reversed = client.get("/leaves/balances?workspace_id=1&date_from=2024-12-31&date_to=2024-01-01");
        assertThat(reversed.errors().path("date_to").get(0).asText())
                .isEqualTo("The date to must be a date after or equal to date from.");
        Reply page = client.get(YEAR + "&per_page=2&page=3");
        assertThat(page.data()).hasSize(1);
        assertThat(page.data().get(0).path("user_id").asLong()).isEqualTo(104);
        assertThat(page.pagination().path("last_page").asInt()).isEqualTo(3);
        Reply own = client.get(YEAR, TimeSandbox.REGULAR);
        assertThat(own.data()).hasSize(1);
        assertThat(own.data().get(0).path("user_id").asLong()).isEqualTo(103);
    }

    @Test
    void unlimitedPoliciesHaveNoBalanceAndNoTotal() {
        sandbox.get().state().addLeavePolicy(new SandboxLeavePolicy(0, 2, "Unpaid leave", false, "days", null));
        Reply reply = client.get("/leaves/balances?workspace_id=2&user_id=110&date_from=2024-01-01&date_to=2024-12-31");
        JsonNode sam = reply.data().get(0);
        assertThat(balances(sam)).containsExactly(Map.entry("Annual leave", "20 days"),
                Map.entry("Unpaid leave", "Unlimited"));
        sandbox.get().state().addWorkspace(SandboxWorkspace.of(3, "Empty", 100));
        Reply empty = client.get("/leaves/balances?workspace_id=3&date_from=2024-01-01&date_to=2024-12-31");
        assertThat(empty.data().get(0).path("leave_information")).isEmpty();
        assertThat(empty.data().get(0).get("total_balance").isNull()).isTrue();
    }

    private void approvedSickLeave(String from, String to) {
        sandbox.get().state().addLeave(new SandboxLeave(null, 1, 102, 2, "approved", "Migraine", LocalDate.parse(from),
                LocalDate.parse(to), null, null, null, 0, 102, 100L, null, null, null, null));
    }

    private static JsonNode user(Reply reply, long userId) {
        for (JsonNode n : reply.data()) {
            if (n.path("user_id").asLong() == userId) {
                return n;
            }
        }
        throw new AssertionError("no user " + userId + " in " + reply.data());
    }

    private static Map<String, String> balances(JsonNode user) {
        Map<String, String> result = new LinkedHashMap<>();
        user.path("leave_information")
                .forEach(i -> result.put(i.path("leave_type").asText(), i.path("balance").asText()));
        return result;
    }
}
