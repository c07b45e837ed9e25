package io.github.camelwebwork.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.model.WebworkModel;
import io.github.camelwebwork.sandbox.Drift;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift table of docs/drift.md, made here: each drift case of the sandbox through a real route with outputType
 * model, map and json, and what the route got. Run with {@code -Dreadme.update=true} to rewrite the table after a
 * change.
 */
class DriftTableTest extends SandboxTestSupport {

    private static final Path PAGE = Path.of("docs/drift.md");
    private static final String START = "<!-- drift-table:start -->";
    private static final String END = "<!-- drift-table:end -->";

    /** A drift case, the call that meets it, and the field (or key) it drifts. */
    private record Case(Drift drift, String uri, String field) {
    }

    private static final List<Case> CASES = List.of(
            new Case(Drift.PROJECT_STATUS_AS_STRING, "webwork:projects?operation=get&workspaceId=1&projectId=100",
                    "status"),
            new Case(Drift.TASK_STATUS_UNKNOWN_CODE,
                    "webwork:tasks?operation=list&workspaceId=1&projectId=100&page=1&perPage=2", "status"),
            new Case(Drift.TASK_TITLE_AS_OBJECT,
                    "webwork:tasks?operation=list&workspaceId=1&projectId=100&page=1&perPage=2", "title"),
            new Case(Drift.CATEGORY_NAME_AS_OBJECT, "webwork:expenses?operation=categories&workspaceId=1", "name"),
            new Case(Drift.REPORT_DATA_OBJECT_WITHOUT_USERS,
                    "webwork:reports?operation=dailyTimeline&workspaceId=1&date=TODAY&page=1", "members"));

    private final ObjectMapper json = WebworkJson.newMapper();
    // writes the typed properties only (no drifted values in their place): what the getters return
    private final ObjectMapper typed = new ObjectMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:drift").toD("${header.uri}");
            }
        };
    }

    @Test
    void theTableOfTheDocsIsWhatTheRoutesGet() throws Exception {
        StringBuilder table = new StringBuilder("| Drift case (sandbox `Drift`) | Call | `outputType=model` |"
                                                + " `outputType=map` | `outputType=json` |\n|---|---|---|---|---|\n");
        for (Case c : CASES) {
            sandbox.drift(c.drift());
            String uri = c.uri().replace("TODAY", LocalDate.now(clock()).toString());
            Object map = call(uri + "&outputType=map");
            Object text = call(uri + "&outputType=json");
            assertThat(map).as("map never fails: %s", c.drift()).isNotInstanceOf(Exception.class).isNotNull();
            assertThat(text).as("json never fails: %s", c.drift()).isInstanceOf(String.class);
            table.append("| `").append(c.drift()).append("` | `").append(c.uri()).append("` | ")
                    .append(model(call(uri), c.field())).append(" | ").append(map(map, c.field())).append(" | ")
                    .append(json((String) text, c.field())).append(" |\n");
        }
        sandbox.drift();

        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf(START) + START.length();
        int end = page.indexOf(END);
        assertThat(start).as("markers in " + PAGE).isGreaterThan(START.length() - 1).isLessThan(end);
        String expected = page.substring(0, start) + "\n" + table + page.substring(end);
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(page).as(PAGE + " drift table (rewrite it with -Dreadme.update=true)").isEqualTo(expected);
    }

    private Object call(String uri) {
        try {
            return template.requestBodyAndHeader("direct:drift", null, "uri", uri);
        } catch (CamelExecutionException e) {
            return e.getCause();
        }
    }

    private String model(Object body, String field) {
        if (body instanceof Exception e) {
            String m = e.getMessage();
            String told = m.contains("outputType=map") ? " (the message names `outputType=map`)" : "";
            return "error: " + m.substring(m.indexOf("answered ") + "answered ".length(), m.indexOf(';')) + told;
        }
        List<?> records = body instanceof List<?> l ? l : List.of(body);
        WebworkModel first = (WebworkModel) records.get(0);
        String what = "`" + first.getClass().getSimpleName() + "`" + (body instanceof List<?> ? " ×" + records.size()
                : "");
        JsonNode value = typed.valueToTree(first).get(field);
        String drifted = first.getDriftedValues().isEmpty() ? "no drifted value"
                : "`getDriftedValues()` `" + first.getDriftedValues() + "`";
        return what + ": `" + field + "` " + value + ", " + drifted;
    }

    private static String map(Object body, String field) {
        Map<?, ?> first = body instanceof List<?> l ? (Map<?, ?>) l.get(0) : (Map<?, ?>) body;
        String what = body instanceof List<?> l ? "`List` of " + l.size() + " `Map`" : "`Map`";
        return what + ", `" + field + "` " + javaForm(first.get(field));
    }

    private String json(String text, String field) throws Exception {
        JsonNode tree = json.readTree(text);
        JsonNode first = tree.isArray() ? tree.get(0) : tree;
        JsonNode value = first.get(field);
        String shown = value.isObject() ? "{…}" : value.isArray() ? "[…]" : value.toString();
        return "JSON text (" + (tree.isArray() ? "array" : "object") + "), `\"" + field + "\":" + shown + "`";
    }

    private static String javaForm(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a `Map`";
        }
        if (value instanceof List<?> l) {
            return "a `List` of " + l.size();
        }
        return value instanceof String s ? "`\"" + s + "\"`" : "`" + value + "`";
    }
}
