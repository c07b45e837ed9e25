package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.12 Expenses over raw HTTP, with the H8 delete and categories paths. Clock: Wed 2024-05-15 15:00 UTC. */
class ExpensesApiTest {

    static final List<String> EXPENSE_FIELDS = List.of("id", "member", "expense_date", "expense_name", "project",
            "category", "amount", "note", "type", "added_dte");
    static final String TRAVEL = "645ede17-a631-48d7-aecc-ad2b06356e0b";
    static final String MEALS = "7bfda3ab-9ccf-4304-be0d-af4ed562b498";
    static final String TRAIN = "cebbc80c-18cb-4055-8622-3f974cf06917";
    static final String RITAS_DOCK = "261ec640-6465-4d22-879d-cc72ad049c52";
    private static final String LIST = "/expenses?workspace_id=1";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(new TimeSandbox.MovableClock()));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsExpensesNewestFirst() {
        Reply reply = client.get(LIST);

        assertSuccess(reply, 200, "Expenses retrieved successfully");
        assertThat(names(reply.data())).containsExactly("USB-C dock", "Team lunch with client", "Figma licence",
                "Hotel in Bristol", "Train to client workshop");
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(5);
        JsonNode train = reply.data().get(4);
        assertThat(fieldNames(train)).containsExactlyElementsOf(EXPENSE_FIELDS);
        assertThat(train.path("id").asText()).isEqualTo(TRAIN);
        assertThat(train.path("member").asText()).isEqualTo("Priya Manager");
        assertThat(train.path("expense_date").asText()).isEqualTo("Apr 23, 2024");
        assertThat(train.path("project").asText()).isEqualTo("Website Relaunch");
        assertThat(train.path("category").asText()).isEqualTo("Travel");
        assertThat(train.path("amount").decimalValue()).isEqualByComparingTo("84.50");
        assertThat(train.path("note").asText()).isEqualTo("Return ticket London-Bristol");
        assertThat(train.path("type").asText()).isEqualTo("billable");
        assertThat(train.path("added_dte").asText()).isEqualTo("Apr 23, 2024");
        JsonNode figma = reply.data().get(2);
        assertThat(figma.get("project").isNull()).isTrue();
        assertThat(figma.path("type").asText()).isEqualTo("non-billable");
        assertThat(figma.path("expense_date").asText()).isEqualTo("May 01, 2024");
    }

    @Test
    void filtersAndPaginates() {
        assertThat(names(client.get(LIST + "&date_from=2024-05-01&date_to=2024-05-08").data()))
                .containsExactly("Team lunch with client", "Figma licence");
        assertThat(names(client.get(LIST + "&id=" + TRAIN).data())).containsExactly("Train to client workshop");
        Reply page = client.get(LIST + "&per_page=2&page=2");
        assertThat(names(page.data())).containsExactly("Figma licence", "Hotel in Bristol");
        assertThat(page.pagination().path("last_page").asInt()).isEqualTo(3);
        Reply invalid = client.get(LIST + "&per_page=500&date_from=2024-05-31&date_to=2024-05-01&page=0");
        assertError(invalid, 422, "The given data was invalid.");
        assertThat(invalid.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("per_page", "date_to", "page");
        assertThat(names(client.get("/expenses?workspace_id=2").data())).containsExactly("Taxi to client office");
    }

    @Test
    void membersSeeTheirOwnExpenses() {
        assertThat(names(client.get(LIST, TimeSandbox.REGULAR).data())).containsExactly("USB-C dock");
        assertThat(names(client.get(LIST, TimeSandbox.TEAM_MANAGER).data())).containsExactly("Team lunch with client");
        assertThat(client.get(LIST, TimeSandbox.EXEC).data()).hasSize(5);
    }

    @Test
    void listsCategories() {
        Reply reply = client.get("/expenses/categories?workspace_id=1");

        assertSuccess(reply, 200, "Expense categories retrieved successfully");
        assertThat(names(reply.data(), "name")).containsExactly("Travel", "Software", "Meals", "Equipment");
        assertThat(reply.data().get(0).toString()).isEqualTo("{\"id\":\"" + TRAVEL + "\",\"name\":\"Travel\"}");
        assertError(client.get("/expenses/categories"), 422, null);
    }

    @Test
    void createsAnExpenseForTheCaller() {
        Reply reply = client.send("POST", "/expenses", "{\"workspace_id\":1,\"expense_name\":\"Client dinner\","
                + "\"date\":\"2024-05-14\",\"amount\":\"62.5\",\"category_id\":\"" + MEALS + "\",\"project_id\":101,"
                + "\"note\":\"Store review debrief\",\"is_billable\":true}", TimeSandbox.TEAM_MANAGER,
                SandboxClient.JSON);

        assertSuccess(reply, 201, "Expense created successfully");
        JsonNode e = reply.data();
        assertThat(fieldNames(e)).containsExactlyElementsOf(EXPENSE_FIELDS);
        assertThat(e.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(e.path("member").asText()).isEqualTo("Tom Teamlead");
        assertThat(e.path("expense_date").asText()).isEqualTo("May 14, 2024");
        assertThat(e.path("project").asText()).isEqualTo("Mobile App");
        assertThat(e.path("category").asText()).isEqualTo("Meals");
        assertThat(e.path("amount").decimalValue()).isEqualByComparingTo("62.50");
        assertThat(e.path("type").asText()).isEqualTo("billable");
        assertThat(e.path("added_dte").asText()).isEqualTo("May 15, 2024");
        SandboxExpense stored = sandbox.get().state().expense(e.path("id").asText()).orElseThrow();
        assertThat(stored.userId()).isEqualTo(104);
        assertThat(stored.amount()).isEqualByComparingTo(new BigDecimal("62.50"));

        Reply minimal = client.send("POST", "/expenses", "{\"workspace_id\":1,\"expense_name\":\"Taxi\","
                + "\"date\":\"2024-05-15\",\"amount\":18,\"category_id\":\"" + TRAVEL + "\"}");
        assertThat(minimal.data().path("type").asText()).isEqualTo("non-billable"); // is_billable defaults to false
        assertThat(minimal.data().get("project").isNull()).isTrue();
        assertThat(client.get(LIST).pagination().path("total").asInt()).isEqualTo(7);
    }

    @Test
    void validatesEveryCreateFieldAtOnce() {
        Reply reply = client.send("POST", "/expenses", "{\"workspace_id\":1,\"date\":\"15/05/2024\",\"amount\":0,"
                + "\"category_id\":\"nope\",\"project_id\":999,\"is_billable\":\"yes\",\"note\":[]}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("expense_name", "date", "amount",
                "category_id", "project_id", "is_billable", "note");
        assertThat(reply.errors().path("expense_name").get(0).asText())
                .isEqualTo("The expense name field is required.");
        assertThat(reply.errors().path("date").get(0).asText()).isEqualTo("The date does not match the format Y-m-d.");
        assertThat(reply.errors().path("amount").get(0).asText()).isEqualTo("The amount must be greater than 0.");
        assertThat(reply.errors().path("category_id").get(0).asText())
                .isEqualTo("The selected category id is invalid.");
        assertThat(reply.errors().path("project_id").get(0).asText()).isEqualTo("The selected project id is invalid.");
        assertThat(reply.errors().path("is_billable").get(0).asText())
                .isEqualTo("The is billable field must be true or false.");
        Reply other = client.send("POST", "/expenses", "{\"workspace_id\":1,\"expense_name\":\"x\","
                + "\"date\":\"2024-05-01\","
                + "\"amount\":\"ten\",\"category_id\":\"3f670031-9ec5-4562-961b-da0bd408c633\",\"project_id\":200}");
        assertThat(other.errors().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("amount", "category_id", "project_id");
        assertThat(other.errors().path("amount").get(0).asText()).isEqualTo("The amount must be a number.");
    }

    @Test
    void enforcesRolesAndWorkspacePlacement() {
        String body = "{\"workspace_id\":1,\"expense_name\":\"x\",\"date\":\"2024-05-01\",\"amount\":1,"
                + "\"category_id\":\"" + TRAVEL + "\"}";
        assertError(client.send("POST", "/expenses", body, TimeSandbox.VIEWER, SandboxClient.JSON), 403, null);
        Reply query = client.send("POST", "/expenses?workspace_id=1", body.replace("\"workspace_id\":1,", ""));
        assertError(query, 422, null);
        assertThat(query.errors().fieldNames()).toIterable().containsExactly("workspace_id");
        assertThat(query.json().path("error").asText()).contains("H1");
        assertError(client.send("DELETE", "/expenses/" + TRAIN + "?workspace_id=1", null, sandbox.get().token(),
                null), 422, null);
        assertError(client.get("/expenses/" + TRAIN + "?workspace_id=1"), 405, "Method not allowed.");
    }

    @Test
    void updatesOnlyTheSentFields() {
        Reply reply = client.send("PUT", "/expenses/" + TRAIN, "{\"workspace_id\":1,\"amount\":99.9,"
                + "\"project_id\":null,\"is_billable\":0}");

        assertSuccess(reply, 200, "Expense updated successfully");
        JsonNode e = reply.data();
        assertThat(e.path("amount").decimalValue()).isEqualByComparingTo("99.90");
        assertThat(e.get("project").isNull()).isTrue();
        assertThat(e.path("type").asText()).isEqualTo("non-billable");
        assertThat(e.path("expense_name").asText()).isEqualTo("Train to client workshop");
        assertThat(e.path("note").asText()).isEqualTo("Return ticket London-Bristol");
        assertThat(e.path("category").asText()).isEqualTo("Travel");
        assertThat(sandbox.get().state().expense(TRAIN).orElseThrow().updatedAt()).isAfterOrEqualTo(TimeSandbox.NOW);

        Reply empty = client.send("PUT", "/expenses/" + TRAIN, "{\"workspace_id\":1,\"expense_name\":\"\","
                + "\"amount\":null,\"date\":\"yesterday\",\"category_id\":\"" + MEALS + "x\"}");
        assertThat(empty.errors().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("expense_name", "amount", "date", "category_id");
        assertThat(empty.errors().path("amount").get(0).asText()).isEqualTo("The amount field is required.");
        assertError(client.send("PUT", "/expenses/nope", "{\"workspace_id\":1}"), 404, "Expense not found.");
        assertError(client.send("PUT", "/expenses/" + TRAIN, "{\"workspace_id\":2}"), 404, "Expense not found.");
    }

    @Test
    void membersChangeOnlyTheirOwnExpenses() {
        String body = "{\"workspace_id\":1,\"note\":\"Dock for the second monitor\"}";
        assertError(client.send("PUT", "/expenses/" + TRAIN, body, TimeSandbox.REGULAR, SandboxClient.JSON), 404,
                "Expense not found.");
        Reply own = client.send("PUT", "/expenses/" + RITAS_DOCK, body, TimeSandbox.REGULAR, SandboxClient.JSON);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.data().path("note").asText()).isEqualTo("Dock for the second monitor");
        assertThat(client.send("PUT", "/expenses/" + RITAS_DOCK, "{\"workspace_id\":1,\"note\":null}").data()
                .get("note").isNull()).isTrue();
    }

    @Test
    void deletesSoftlyOnce() {
        Reply reply = client.send("DELETE", "/expenses/" + TRAIN, "{\"workspace_id\":1}");

        assertSuccess(reply, 200, "Expense deleted successfully");
        assertThat(reply.data().isNull()).isTrue();
        assertThat(names(client.get(LIST).data())).doesNotContain("Train to client workshop");
        assertThat(client.get(LIST + "&id=" + TRAIN).data()).isEmpty();
        assertThat(sandbox.get().state().expense(TRAIN).orElseThrow().deletedAt()).isAfterOrEqualTo(TimeSandbox.NOW);
        assertError(client.send("DELETE", "/expenses/" + TRAIN, "{\"workspace_id\":1}"), 404, "Expense not found.");
        assertError(client.send("PUT", "/expenses/" + TRAIN, "{\"workspace_id\":1,\"amount\":1}"), 404,
                "Expense not found.");
        assertThat(client.send("DELETE", "/expenses/" + RITAS_DOCK, "{\"workspace_id\":1}", TimeSandbox.REGULAR,
                SandboxClient.JSON).status()).isEqualTo(200);
    }

    static List<String> names(JsonNode array) {
        return names(array, "expense_name");
    }

    static List<String> names(JsonNode array, String field) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.path(field).asText()));
        return result;
    }
}
