package io.github.camelwebwork.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Apache Camel Kamelets catalogue conventions, checked on EVERY file in src/main/resources/kamelets: a new
 * Kamelet that breaks one fails here.
 */
class KameletConventionsTest {

    static final Path DIR = Path.of("src/main/resources/kamelets");
    static final String SUFFIX = ".kamelet.yaml";
    static final String PROJECT_DEPENDENCY = "mvn:io.github.camelwebwork:camel-webwork:0.1.0-SNAPSHOT";
    static final Set<String> TYPES = Set.of("source", "sink", "action");
    static final Set<String> PROPERTY_TYPES = Set.of("string", "integer", "number", "boolean", "object", "array");
    static final List<String> ANNOTATIONS = List.of("camel.apache.org/kamelet.support.level",
            "camel.apache.org/catalog.version", "camel.apache.org/kamelet.icon", "camel.apache.org/provider",
            "camel.apache.org/kamelet.group");
    static final Set<String> SUPPORT_LEVELS = Set.of("Stable", "Preview", "Experimental");
    static final Pattern SECRET_NAME = Pattern.compile(".*(token|secret|password|apikey|api-key|credential).*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.-]+)(?::[^}]*)?}}");
    static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    static List<Path> kamelets() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theSixKameletsOfTheIssueAreShipped() throws IOException {
        assertThat(kamelets()).extracting(p -> p.getFileName().toString()).contains(
                "webwork-source.kamelet.yaml", "webwork-sink.kamelet.yaml", "webwork-task-source.kamelet.yaml",
                "webwork-time-entry-source.kamelet.yaml", "webwork-create-task-sink.kamelet.yaml",
                "webwork-timesheet-approval-source.kamelet.yaml");
    }

    @Test
    void everyFileIsOnTheClasspathUnderKamelets() throws IOException {
        for (Path file : kamelets()) {
            assertThat(getClass().getClassLoader().getResource("kamelets/" + file.getFileName()))
                    .as("classpath:kamelets/%s", file.getFileName()).isNotNull();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyKameletFollowsTheCatalogueConventions() throws IOException {
        return kamelets().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> check(file)));
    }

    private void check(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        assertThat(fileName).as("file name <name>%s", SUFFIX).endsWith(SUFFIX);
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        assertThat(name).as("lower-case, dash-separated name").matches(NAME);
        assertThat(name).as("named after the component").startsWith("webwork-");

        JsonNode k = yaml.readTree(file.toFile());
        assertThat(text(k, "apiVersion")).isEqualTo("camel.apache.org/v1");
        assertThat(text(k, "kind")).isEqualTo("Kamelet");
        assertThat(text(k.path("metadata"), "name")).as("metadata.name = file name").isEqualTo(name);

        JsonNode annotations = k.path("metadata").path("annotations");
        for (String annotation : ANNOTATIONS) {
            assertThat(text(annotations, annotation)).as("annotation %s", annotation).isNotBlank();
        }
        assertThat(text(annotations, "camel.apache.org/kamelet.support.level")).isIn(SUPPORT_LEVELS);
        assertThat(text(annotations, "camel.apache.org/kamelet.icon")).startsWith("data:image/svg+xml;base64,");
        assertThat(PROJECT_DEPENDENCY).as("catalog.version = the jar's version")
                .endsWith(":" + text(annotations, "camel.apache.org/catalog.version"));

        String type = text(k.path("metadata").path("labels"), "camel.apache.org/kamelet.type");
        assertThat(type).as("label camel.apache.org/kamelet.type").isIn(TYPES);
        assertThat(name).as("the name ends with its type").endsWith("-" + type);

        JsonNode definition = k.path("spec").path("definition");
        assertThat(text(definition, "title")).as("spec.definition.title").isNotBlank();
        assertThat(text(definition, "title")).as("title in Title Case, ending with the type")
                .endsWith(" " + Character.toUpperCase(type.charAt(0)) + type.substring(1));
        assertThat(text(definition, "description")).as("spec.definition.description").isNotBlank();
        assertThat(text(definition, "type")).isEqualTo("object");
        JsonNode properties = definition.path("properties");
        assertThat(properties.isObject()).as("spec.definition.properties").isTrue();

        List<String> required = new ArrayList<>();
        definition.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).as("spec.definition.required").isNotEmpty().doesNotHaveDuplicates();
        for (String r : required) {
            assertThat(properties.has(r)).as("required %s is a property", r).isTrue();
        }
        assertThat(required).as("every WebWork Kamelet needs a credential and a workspace")
                .contains("accessToken", "workspaceId");

        Set<String> propertyNames = new LinkedHashSet<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext();) {
            String p = it.next();
            propertyNames.add(p);
            JsonNode prop = properties.get(p);
            assertThat(p).as("property names are camelCase").matches("[a-z][A-Za-z0-9]*");
            assertThat(text(prop, "title")).as("%s.title", p).isNotBlank();
            assertThat(text(prop, "description")).as("%s.description", p).isNotBlank();
            assertThat(text(prop, "type")).as("%s.type", p).isIn(PROPERTY_TYPES);
            List<String> descriptors = new ArrayList<>();
            prop.path("x-descriptors").forEach(d -> descriptors.add(d.asText()));
            if (SECRET_NAME.matcher(p).matches()) {
                assertThat(text(prop, "format")).as("secret %s has format: password", p).isEqualTo("password");
                assertThat(descriptors).as("secret %s in the credentials group", p)
                        .contains("urn:camel:group:credentials");
                assertThat(prop.has("default")).as("secret %s has no default", p).isFalse();
            }
            if ("password".equals(text(prop, "format"))) {
                assertThat(descriptors).contains("urn:camel:group:credentials");
            }
            if (prop.has("default") && "integer".equals(text(prop, "type"))) {
                assertThat(prop.get("default").isIntegralNumber()).as("%s default is an integer", p).isTrue();
            }
            if (prop.has("default") && "boolean".equals(text(prop, "type"))) {
                assertThat(prop.get("default").isBoolean()).as("%s default is a boolean", p).isTrue();
            }
        }

        List<String> dependencies = new ArrayList<>();
        k.path("spec").path("dependencies").forEach(d -> dependencies.add(d.asText()));
        assertThat(dependencies).as("spec.dependencies").contains(PROJECT_DEPENDENCY, "camel:kamelet")
                .doesNotHaveDuplicates();
        assertThat(dependencies).allSatisfy(d -> assertThat(d).matches("(camel:[a-z0-9-]+|mvn:[^:]+:[^:]+:[^:]+)"));

        JsonNode template = k.path("spec").path("template");
        assertThat(template.has("from")).as("spec.template.from").isTrue();
        String templateText = yaml.writeValueAsString(template);
        String fromUri = text(template.path("from"), "uri");
        switch (type) {
            case "source" -> {
                assertThat(fromUri).as("a source reads from webwork:").startsWith("webwork:");
                assertThat(templateText).as("a source ends in kamelet:sink").contains("kamelet:sink");
                assertThat(dependencies).as("a source emits JSON").contains("camel:jackson");
            }
            case "sink" -> {
                assertThat(fromUri).as("a sink starts from kamelet:source").isEqualTo("kamelet:source");
                assertThat(templateText).as("a sink writes to webwork:").contains("uri: \"webwork:");
            }
            default -> {
                assertThat(fromUri).isEqualTo("kamelet:source");
                assertThat(templateText).contains("kamelet:sink");
            }
        }

        Set<String> used = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(templateText);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(propertyNames).as("every property is used by the template").isSubsetOf(used);
        assertThat(used).as("every placeholder of the template is a property").isSubsetOf(propertyNames);
        for (String r : required) {
            assertThat(templateText).as("required %s is not an optional {{?%s}} placeholder", r, r)
                    .doesNotContain("{{?" + r + "}}");
        }
        for (String p : propertyNames) {
            boolean optional = templateText.contains("{{?" + p + "}}");
            boolean mandatory = templateText.contains("{{" + p + "}}");
            if (!required.contains(p) && mandatory) {
                assertThat(properties.get(p).has("default"))
                        .as("optional %s is either {{?%s}} or has a default", p, p).isTrue();
            }
            if (optional) {
                assertThat(required).doesNotContain(p);
            }
        }
        assertThat(templateText.toLowerCase(Locale.ROOT)).as("no secret value in the template")
                .doesNotContain("bearer ");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
