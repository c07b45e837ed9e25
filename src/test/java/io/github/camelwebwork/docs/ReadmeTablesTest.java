package io.github.camelwebwork.docs;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.operation.ApiDocs;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.operation.ParameterSource;
import org.apache.camel.spi.Metadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated tables of the docs: the operations, option and header tables of docs/reference.md and the
 * one-line-per-resource summary of README.md are rendered from the operation catalogue and the generated component
 * JSON, so they cannot drift. Run with {@code -Dreadme.update=true} to rewrite them after a change.
 */
class ReadmeTablesTest {

    private static final Path README = Paths.get("README.md");
    private static final Path REFERENCE = Paths.get("docs/reference.md");
    private static final Path COMPONENT_JSON = Paths.get(
            "src/generated/resources/META-INF/io/github/camelwebwork/component/webwork.json");

    /** What makes a component option differ from the endpoint option of the same name (the group does not). */
    private static final List<String> COMPARED = List.of("type", "javaType", "defaultValue", "description", "enum",
            "secret");

    @Test
    void generatedTablesMatchTheCatalogueAndTheGeneratedMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(COMPONENT_JSON.toFile());
        Map<String, String> reference = new LinkedHashMap<>();
        reference.put("operations", operationsTable());
        reference.put("options", optionsTable(json.get("properties")));
        reference.put("component-options", componentOptions(json.get("componentProperties"), json.get("properties")));
        reference.put("headers", headersTable(json.get("headers")));
        checkSections(REFERENCE, reference);
        checkSections(README, Map.of("operations-summary", operationsSummary()));
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
        for (Field f : WebworkConstants.class.getFields()) {
            Metadata metadata = f.getAnnotation(Metadata.class);
            if (metadata != null) {
                String name = (String) f.get(null);
                // double quotes are dropped by the generator on purpose (JSON); nothing else may be
                assertThat(headers.path(name).path("description").asText()).as(name)
                        .isEqualTo(metadata.description().replace("\"", ""));
            }
        }
    }

    /** Every operation row links to the section of the public API docs of its resource (one section per resource). */
    @Test
    void everyOperationRowLinksToItsResourceSectionOfTheApiDocs() throws IOException {
        assertThat(ApiDocs.section("time-entries")).isEqualTo("https://api-docs.webwork-tracker.com/api/time-entries");
        String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        for (OperationDef op : OperationCatalogue.all()) {
            assertThat(reference).as(op.qualifiedName()).contains(
                    "| [`" + op.resource() + "`](" + ApiDocs.section(op.resource()) + ") | `" + op.name() + "` |");
        }
    }

    private static void checkSections(Path file, Map<String, String> sections) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String expected = text;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            expected = replaceSection(file, expected, section.getKey(), section.getValue());
        }
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(text).as(file + " tables (rewrite them with -Dreadme.update=true)").isEqualTo(expected);
    }

    private static String replaceSection(Path file, String text, String name, String content) {
        Pattern pattern = Pattern.compile("(<!-- " + name + ":begin -->\n)(.*?)(<!-- " + name + ":end -->)",
                Pattern.DOTALL);
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(file + " has a " + name + " section").isTrue();
        return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + content + m.group(3)));
    }

    static String operationsTable() {
        StringBuilder sb = new StringBuilder("| Resource (API docs) | Operation | HTTP call | Required | Optional | Result |\n"
                                             + "|---|---|---|---|---|---|\n");
        for (OperationDef op : OperationCatalogue.all()) {
            sb.append("| ").append(apiDocsLink(op.resource())).append(" | `").append(op.name()).append("` | `")
                    .append(op.httpCall()).append("` | ").append(params(op, true)).append(" | ")
                    .append(params(op, false)).append(" | ").append(result(op)).append(" |\n");
        }
        return sb.toString();
    }

    static String operationsSummary() {
        StringBuilder sb = new StringBuilder("| Resource | Operations | API docs |\n|---|---|---|\n");
        for (String resource : OperationCatalogue.resources()) {
            sb.append("| `").append(resource).append("` | ")
                    .append(OperationCatalogue.operations(resource).stream().map(o -> "`" + o + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" | [").append(resource).append("](").append(ApiDocs.section(resource)).append(") |\n");
        }
        return sb.toString();
    }

    private static String apiDocsLink(String resource) {
        return "[`" + resource + "`](" + ApiDocs.section(resource) + ")";
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

    /**
     * The component options that an endpoint does not have or has otherwise, then what the others are: endpoint
     * options of the same name and meaning, and the endpoint options a component does not take.
     */
    private static String componentOptions(JsonNode component, JsonNode endpoint) {
        Map<String, JsonNode> differing = new LinkedHashMap<>();
        List<String> shared = new ArrayList<>();
        component.fields().forEachRemaining(e -> {
            JsonNode same = endpoint.get(e.getKey());
            if (same != null && COMPARED.stream().allMatch(a -> Objects.equals(same.get(a), e.getValue().get(a)))) {
                shared.add(e.getKey());
            } else {
                differing.put(e.getKey(), e.getValue());
            }
        });
        List<String> endpointOnly = new ArrayList<>();
        endpoint.fieldNames().forEachRemaining(name -> {
            if (!component.has(name)) {
                endpointOnly.add("`" + name + "`");
            }
        });
        return optionsTable(differing.entrySet().iterator()) + "\nThe other " + shared.size()
               + " component options are the endpoint options of the same name, type, default and description (see"
               + " [Endpoint options](#endpoint-options)): set on the component"
               + " (`camel.component.webwork.<option>`), each is the default of every endpoint. Only an endpoint"
               + " takes " + String.join(", ", endpointOnly) + ".\n";
    }

    private static String optionsTable(JsonNode properties) {
        return optionsTable(properties.fields());
    }

    private static String optionsTable(Iterator<Map.Entry<String, JsonNode>> properties) {
        StringBuilder sb = new StringBuilder("| Option | Group | Type | Default | Description |\n|---|---|---|---|---|\n");
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> e = properties.next();
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
