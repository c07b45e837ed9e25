package io.github.camelwebwork.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped route has its page in docs/flows, and the page's properties table names every property the route
 * (and the YAML files of its example) reads, with the default the route gives it.
 */
class FlowPagesTest {

    private static final Path ROUTES = Paths.get("routes");
    private static final Path FLOWS = Paths.get("docs/flows");
    /** {{name}}, {{name:default}} and Camel's optional {{?name}}; {{env:VAR}} is not a property of the route. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9._-]+)(?::([^}]*))?}}");

    @Test
    void everyShippedRouteHasAPageLinkedFromTheFlowsIndexAndTheReadme() throws IOException {
        String index = Files.readString(FLOWS.resolve("README.md"), StandardCharsets.UTF_8);
        String readme = Files.readString(Paths.get("README.md"), StandardCharsets.UTF_8);
        for (String flow : flows()) {
            assertThat(FLOWS.resolve(flow + ".md")).as("page of routes/" + flow + ".yaml").exists();
            assertThat(index).as("docs/flows/README.md links " + flow).contains("](" + flow + ".md)");
            assertThat(readme).as("README.md links " + flow).contains("](docs/flows/" + flow + ".md)");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPropertyARouteReadsIsOnItsPageWithItsDefault() throws IOException {
        return flows().stream().map(flow -> DynamicTest.dynamicTest(flow, () -> {
            String page = Files.readString(FLOWS.resolve(flow + ".md"), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> property : properties(flow).entrySet()) {
                Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(property.getKey()) + "` \\|.*$")
                        .matcher(page);
                assertThat(row.find()).as(flow + ".md has a row for " + property.getKey()).isTrue();
                if (!property.getValue().isEmpty()) {
                    assertThat(row.group()).as(flow + ".md: the default of " + property.getKey())
                            .contains("`" + property.getValue() + "`");
                }
            }
        }));
    }

    private static List<String> flows() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            List<String> flows = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            assertThat(flows).as("shipped routes").isNotEmpty();
            return flows;
        }
    }

    /** The properties the route file and its example's YAML files read, with their defaults ("" when none). */
    private static Map<String, String> properties(String flow) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        read(ROUTES.resolve(flow + ".yaml"), properties);
        Path example = Paths.get("examples", flow);
        if (Files.isDirectory(example)) {
            try (Stream<Path> files = Files.list(example)) {
                for (Path yaml : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    read(yaml, properties);
                }
            }
        }
        return properties;
    }

    private static void read(Path yaml, Map<String, String> properties) throws IOException {
        for (String line : Files.readAllLines(yaml, StandardCharsets.UTF_8)) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                if (!m.group(1).equals("env")) {
                    String defaultValue = m.group(2) == null ? "" : m.group(2);
                    String earlier = properties.putIfAbsent(m.group(1), defaultValue);
                    assertThat(earlier == null || earlier.equals(defaultValue))
                            .as(yaml + ": one default for " + m.group(1)).isTrue();
                }
            }
        }
    }
}
