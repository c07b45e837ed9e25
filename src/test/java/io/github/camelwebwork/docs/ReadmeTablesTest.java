package io.github.camelwebwork.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.operation.ParameterSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's operation, option and header tables are rendered from the operation catalogue and the generated
 * component JSON, so they cannot drift. Run with {@code -Dreadme.update=true} to rewrite them after a change.
 */
class ReadmeTablesTest {

    private static final Path README = Paths.get("README.md");
    private static final Path COMPONENT_JSON = Paths.get(
            "src/generated/resources/META-INF/io/github/camelwebwork/component/webwork.json");

    @Test
    void readmeTablesMatchTheCatalogueAndTheGeneratedMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(COMPONENT_JSON.toFile());
        Map<String, String> sections = Map.of(
                "operations", operationsTable(),
                "options", optionsTable(json.get("properties")),
                "component-options", optionsTable(json.get("componentProperties")),
                "headers", headersTable(json.get("headers")));
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = readme;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            expected = replaceSection(expected, section.getKey(), section.getValue());
        }
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
        }
        assertThat(readme).as("README tables (rewrite them with -Dreadme.update=true)").isEqualTo(expected);
    }

    @Test
    void everyOptionTheCatalogueReadsIsADocumentedEndpointOptionWithAHeader() throws IOException {
        JsonNode json = new ObjectMapper().readTree(COMPONENT_JSON.toFile());
        for (OperationDef op : OperationCatalogue.all()) {
            for (Param p : op.params()) {
                if (p.hasOption()) {
                    assertThat(json.get("properties").has(p.option()))
                            .as(op.qualifiedName() + " reads option " + p.option()).isTrue();
                    assertThat(json.get("headers").has(ParameterSource.headerFor(p.option())))
                            .as("header for " + p.option()).isTrue();
                }
            }
        }
        json.get("properties").fields().forEachRemaining(
                e -> assertThat(e.getValue().path("description").asText()).as(e.getKey()).isNotBlank());
        json.get("headers").fields().forEachRemaining(
                e -> assertThat(e.getValue().path("description").asText()).as(e.getKey()).isNotBlank());
    }

    /** The metadata generator drops what looks like HTML ({@code <id>}): every header's text reaches the docs whole. */
    @Test
    void everyHeaderDescriptionReachesTheGeneratedMetadataWhole() throws Exception {
        JsonNode headers = new ObjectMapper().readTree(COMPONENT_JSON.toFile()).get("headers");
        for (java.lang.reflect.Field f : io.github.camelwebwork.component.WebworkConstants.class.getFields()) {
            org.apache.camel.spi.Metadata metadata = f.getAnnotation(org.apache.camel.spi.Metadata.class);
            if (metadata != null) {
                String name = (String) f.get(null);
                // double quotes are dropped by the generator on purpose (JSON); nothing else may be
                assertThat(headers.path(name).path("description").asText()).as(name)
                        .isEqualTo(metadata.description().replace("\"", ""));
            }
        }
    }

    private static String replaceSection(String text, String name, String content) {
        Pattern pattern = Pattern.compile("(<!-- " + name + ":begin -->\n)(.*?)(<!-- " + name + ":end -->)",
                Pattern.DOTALL);
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("README has a " + name + " section").isTrue();
        return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + content + m.group(3)));
    }

    static String operationsTable() {
        StringBuilder sb = new StringBuilder("| Resource | Operation | HTTP call | Required | Optional | Result |\n"
                                             + "|---|---|---|---|---|---|\n");
        for (OperationDef op : OperationCatalogue.all()) {
            sb.append("| `").append(op.resource()).append("` | `").append(op.name()).append("` | `")
                    .append(op.httpCall()).append("` | ").append(params(op, true)).append(" | ")
                    .append(params(op, false)).append(" | ").append(result(op)).append(" |\n");
        }
        return sb.toString();
    }

    private static String params(OperationDef op, boolean required) {
        List<String> names = new ArrayList<>();
        for (Param p : op.params()) {
            if (p.field().isRequired() == required) {
                String name = p.hasOption() ? p.option() : "body `" + p.wireName() + "`";
                names.add(p.hasOption() ? "`" + name + "`" : name);
            }
        }
        return names.isEmpty() ? "" : String.join(", ", names);
    }

    private static String result(OperationDef op) {
        String type = op.resultType() == null ? "" : op.resultType().getSimpleName();
        return switch (op.shape()) {
            case OBJECT -> "`" + type + "`";
            case OPTIONAL_OBJECT -> "`" + type + "` or null";
            case LIST -> op.isPaged() ? "`PagedResult<" + type + ">`, or `List` with `page`"
                    : "`List<" + type + ">`";
            case NONE -> "body unchanged";
        };
    }

    private static String optionsTable(JsonNode properties) {
        StringBuilder sb = new StringBuilder("| Option | Group | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            sb.append("| `").append(e.getKey()).append("` | ").append(p.path("group").asText()).append(" | ")
                    .append(p.path("type").asText()).append(p.path("secret").asBoolean() ? " (secret)" : "")
                    .append(" | ").append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "")
                    .append(" | ").append(cell(p.path("description").asText()))
                    .append(p.has("enum") ? " One of: " + enums(p.get("enum")) + "." : "").append(" |\n");
        }
        return sb.toString();
    }

    private static String headersTable(JsonNode headers) {
        StringBuilder sb = new StringBuilder("| Header | Type | Description |\n|---|---|---|\n");
        headers.fields().forEachRemaining(e -> sb.append("| `").append(e.getKey()).append("` | ")
                .append(e.getValue().path("javaType").asText()).append(" | ")
                .append(cell(e.getValue().path("description").asText())).append(" |\n"));
        return sb.toString();
    }

    private static String enums(JsonNode values) {
        List<String> list = new ArrayList<>();
        values.forEach(v -> list.add("`" + v.asText() + "`"));
        return list.stream().collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

}
