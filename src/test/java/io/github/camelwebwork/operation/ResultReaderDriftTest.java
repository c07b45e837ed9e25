package io.github.camelwebwork.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.model.Leave;
import io.github.camelwebwork.model.LeavePolicy;
import io.github.camelwebwork.model.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lenient reader on answers of each kind of mismatch, nested fields included. */
class ResultReaderDriftTest {

    private final ObjectMapper mapper = WebworkJson.newMapper();
    private final ResultReader reader = new ResultReader(mapper);

    private ApiResponse answer(String data) throws Exception {
        return new ApiResponse(200, mapper.readTree("{\"success\":true,\"data\":" + data + "}"), Map.of());
    }

    private List<?> list(String resource, String operation, String data) throws Exception {
        return (List<?>) reader.list(answer(data), OperationCatalogue.require(resource, operation), Reading.DEFAULT);
    }

    @Test
    void aRecordThatFitsHasNoDriftedValues() throws Exception {
        Project p = (Project) list("projects", "list", "[{\"id\":1,\"name\":\"A\",\"status\":1}]").get(0);

        assertThat(p.getStatus()).isEqualTo(1);
        assertThat(p.getDriftedValues()).isEmpty();
    }

    @Test
    void aScalarWhereAnInferredObjectIsDeclaredIsKept() throws Exception {
        Leave leave = (Leave) list("leaves", "list", "[{\"id\":\"L1\",\"status\":\"approved\",\"total\":\"3 days\"}]")
                .get(0);

        assertThat(leave.getTotal()).isNull();
        assertThat(leave.getStatus()).isEqualTo("approved");
        assertThat(leave.getDriftedValues()).containsExactly(Map.entry("total", "3 days"));
    }

    @Test
    void aNestedInferredFieldOfAnotherTypeIsKeptInTheNestedModel() throws Exception {
        Leave leave = (Leave) list("leaves", "list", "[{\"id\":\"L1\",\"total\":{\"days\":[1,2],\"hours\":8}}]").get(0);

        assertThat(leave.getTotal().getHours()).isEqualByComparingTo("8");
        assertThat(leave.getTotal().getDriftedValues()).containsExactly(Map.entry("days", List.of(1, 2)));
    }

    @Test
    void anArrayWhereAnUnknownFieldIsDeclaredIsKept() throws Exception {
        LeavePolicy policy = (LeavePolicy) list("leaves", "policies", "[{\"id\":7,\"name\":[\"a\",\"b\"]}]").get(0);

        assertThat(policy.getId()).isEqualTo(7L);
        assertThat(policy.getDriftedValues()).containsExactly(Map.entry("name", List.of("a", "b")));
    }

    @Test
    void aConfirmedFieldOfAnotherTypeFailsNamingItsPathButNotItsValue() {
        assertThatThrownBy(() -> list("projects", "list", "[{\"id\":1,\"tags\":[{\"id\":\"secret-ish\"}]}]"))
                .isInstanceOf(WebworkException.class).hasNoCause()
                .hasMessageContaining("projects.list").hasMessageContaining("tags[0].id is string")
                .hasMessageContaining("outputType=map").hasMessageNotContaining("secret-ish");
    }

    @Test
    void strictModelsFailsOnAnInferredFieldWithoutQuotingTheValue() {
        assertThatThrownBy(() -> reader.list(answer("[{\"id\":\"L1\",\"total\":\"3 days\"}]"),
                OperationCatalogue.require("leaves", "list"), Reading.of(OutputType.MODEL, true)))
                .isInstanceOf(WebworkException.class).hasMessageContaining("leaves.list").hasMessageContaining("Leave: total is string")
                .hasMessageNotContaining("3 days");
    }

    @Test
    void mapAndJsonTakeTheDataAsItIs() throws Exception {
        ApiResponse response = answer("{\"report_type\":\"x\",\"rows\":[1]}");
        OperationDef op = OperationCatalogue.require("reports", "dailyTimeline");

        assertThat(reader.list(response, op, Reading.of(OutputType.MAP, false)))
                .isEqualTo(Map.of("report_type", "x", "rows", List.of(1)));
        assertThat(reader.list(response, op, Reading.of(OutputType.JSON, true)))
                .isEqualTo("{\"report_type\":\"x\",\"rows\":[1]}");
    }
}
