package io.github.camelwebwork.resilience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkDryRun;
import io.github.camelwebwork.operation.Field;
import io.github.camelwebwork.operation.Location;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dryRun: every write operation of the catalogue is validated and resolved, and returns the exact request it would
 * send, while the sandbox receives nothing and no rate budget is spent.
 */
class DryRunTest extends SandboxTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> writes() {
        return OperationCatalogue.all().stream().filter(op -> !"GET".equals(op.method()))
                .map(op -> Arguments.of(op.qualifiedName(), op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void everyWriteReturnsItsRequestAndSendsNothing(String name, OperationDef op) throws Exception {
        Map<String, Object> body = minimalBody(op);

        Object result = template.requestBody("webwork:" + op.resource() + "?operation=" + op.name() + "&dryRun=true",
                body);

        assertThat(result).isInstanceOf(WebworkDryRun.class);
        WebworkDryRun dryRun = (WebworkDryRun) result;
        assertThat(dryRun.method()).isEqualTo(op.method());
        String path = op.pathTemplate().replaceAll("\\{[a-zA-Z]+}", "[^/?]+");
        assertThat(dryRun.url()).matches(Pattern.quote(sandbox.baseUrl()) + path);
        assertThat(dryRun.headers()).containsEntry("Authorization", "Bearer xxxxxx")
                .containsEntry("Content-Type", "application/json");
        assertThat(dryRun.toString() + dryRun.headers()).doesNotContain(sandbox.token());
        JsonNode sent = JSON.readTree(dryRun.body());
        for (Param p : op.params(Location.BODY)) {
            if (body.containsKey(p.wireName())) {
                assertThat(sent.has(p.wireName())).as(p.wireName()).isTrue();
            }
        }
        assertThat(sent.path("workspace_id").asLong()).isEqualTo(1L);
        assertThat(requests()).isEmpty();
    }

    @Test
    void theHeaderTurnsItOnForOneMessageAndTheBudgetIsUntouched() {
        Object dry = template.requestBodyAndHeader("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", "Only planned"), "CamelWebworkDryRun", true);

        assertThat(dry).isInstanceOfSatisfying(WebworkDryRun.class, d -> {
            assertThat(d.url()).isEqualTo(sandbox.baseUrl() + "/tasks");
            assertThat(d.body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100,\"title\":\"Only planned\"}");
        });
        assertThat(requests()).isEmpty();
        assertThat(sandbox.state().tasks(1, 100)).noneMatch(t -> "Only planned".equals(t.title()));
    }

    /** Sample values for the required parameters (and one changed field where an update needs one). */
    static Map<String, Object> minimalBody(OperationDef op) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if (p.field().isRequired()) {
                body.put(p.wireName(), sample(p.field()));
            }
        }
        if (op.requiresChange()) {
            op.params(Location.BODY).stream()
                    .filter(p -> !p.field().isRequired())
                    .filter(p -> switch (p.field().type()) {
                        case TEXT, INTEGER, NUMBER, BOOLEAN, DATE -> true;
                        default -> false;
                    })
                    .findFirst()
                    .ifPresent(p -> body.put(p.wireName(), sample(p.field())));
        }
        return body;
    }

    private static Object sample(Field field) {
        String name = field.wireName();
        boolean end = name.startsWith("end") || name.endsWith("_to");
        return switch (field.type()) {
            case INTEGER_ID -> "workspace_id".equals(name) ? 1 : 100;
            case STRING_ID -> "abc123";
            case TEXT -> "Sample";
            case EMAIL -> "dry@run.example";
            case URL -> "https://hooks.example.com/dry";
            case INTEGER -> 8;
            case NUMBER -> 1.5;
            case BOOLEAN -> true;
            case DATE -> end ? "2026-01-06" : "2026-01-05";
            case TIME -> end ? "10:00" : "09:00";
            case DATE_TIME -> end ? "2026-01-05T10:00:00Z" : "2026-01-05T09:00:00Z";
            case INTEGER_ID_LIST -> List.of(100);
            case TEXT_LIST -> "events".equals(name) ? List.of("tracker.started") : List.of("Sample");
            case CODE, CHOICE -> {
                if (!"role".equals(name)) {
                    throw new IllegalStateException("no sample for required choice " + name);
                }
                yield "Regular User";
            }
        };
    }
}
