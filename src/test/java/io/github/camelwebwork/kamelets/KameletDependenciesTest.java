package io.github.camelwebwork.kamelets;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kamelet starts with exactly the dependencies it declares: it runs in a JVM of its own whose class path is the
 * component (with its own run-time dependencies, as its pom gives them), Camel Main, camel-yaml-dsl and a logger, and
 * the Kamelet's {@code spec.dependencies}, resolved by Maven, and nothing of this project's test class path. Kamelets
 * that declare the same dependencies share one such JVM.
 */
class KameletDependenciesTest {

    private static final Path KAMELETS = Paths.get("src/main/resources/kamelets");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    private static WebworkSandbox sandbox;

    @TempDir
    Path work;

    @BeforeAll
    static void startSandbox() {
        sandbox = WebworkSandbox.builder().noRateLimit().build().start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /**
     * What a template uses, it declares, even when the component happens to bring it along today: the bean language
     * behind a simple expression that calls into the body ({@code ${body.id}}), and the component of every endpoint.
     */
    @Test
    void everyKameletDeclaresWhatItsTemplateUses() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(KAMELETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kamelet.yaml")).toList()) {
                JsonNode kamelet = yaml.readTree(file.toFile());
                List<String> declared = new ArrayList<>();
                kamelet.path("spec").path("dependencies").forEach(d -> declared.add(d.asText()));
                String template = kamelet.path("spec").path("template").toString();
                if (Pattern.compile("\\$\\{(body|header\\.[A-Za-z]+)\\.").matcher(template).find()) {
                    assertThat(declared).as(file + " calls into the body (bean language)").contains("camel:bean");
                }
                Matcher uri = Pattern.compile("\"uri\":\"([a-z0-9-]+):").matcher(template);
                while (uri.find()) {
                    String scheme = uri.group(1);
                    String needed = "webwork".equals(scheme) ? "mvn:io.github.camelwebwork:camel-webwork:"
                            : "camel:" + scheme;
                    assertThat(declared).as(file + " uses " + scheme + ":").anyMatch(d -> d.startsWith(needed));
                }
            }
        }
    }

    @Test
    void everyKameletStartsOnAClassPathOfExactlyItsDeclaredDependencies() throws Exception {
        Map<TreeSet<String>, List<String>> byDependencies = new LinkedHashMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(KAMELETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kamelet.yaml")).sorted().toList()) {
                JsonNode kamelet = yaml.readTree(file.toFile());
                TreeSet<String> declared = new TreeSet<>();
                kamelet.path("spec").path("dependencies").forEach(d -> declared.add(d.asText()));
                byDependencies.computeIfAbsent(declared, d -> new ArrayList<>())
                        .add(kamelet.path("metadata").path("name").asText());
            }
        }
        assertThat(byDependencies.values().stream().mapToInt(List::size).sum()).isEqualTo(6);
        int group = 0;
        for (Map.Entry<TreeSet<String>, List<String>> e : byDependencies.entrySet()) {
            run(work.resolve("group-" + group++), e.getKey(), e.getValue());
        }
    }

    private void run(Path dir, TreeSet<String> declared, List<String> kamelets) throws Exception {
        Files.createDirectories(dir);
        String classPath = resolve(dir, declared);
        StringBuilder routes = new StringBuilder();
        StringBuilder properties = new StringBuilder()
                .append("camel.main.routesIncludePattern=file:").append(dir.resolve("routes.yaml")).append('\n')
                .append("camel.main.durationMaxSeconds=6\n");
        for (String name : kamelets) {
            properties.append("camel.kamelet.").append(name).append(".accessToken=").append(sandbox.token())
                    .append('\n').append("camel.kamelet.").append(name).append(".baseUrl=")
                    .append(sandbox.baseUrl()).append('\n');
            routes.append(route(name));
        }
        Files.writeString(dir.resolve("routes.yaml"), routes.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("application.properties"), properties.toString(), StandardCharsets.UTF_8);
        sandbox.clearRequests();

        Path log = dir.resolve("run.log");
        Process java = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dir + File.pathSeparator + "target/classes" + File.pathSeparator + classPath,
                "org.apache.camel.main.Main")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(java.waitFor(3, TimeUnit.MINUTES)).as("the Kamelets' JVM ends by itself").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(output).as("%s on %s", kamelets, declared).doesNotContain("FailedToCreate")
                .doesNotContain("No language could be found").doesNotContain("Exception");
        assertThat(java.exitValue()).as(output).isZero();
        for (String name : kamelets) {
            if (name.endsWith("-source")) {
                assertThat(output).as(name + " started").contains("(kamelet:" + name + ")");
            }
        }
        if (kamelets.contains("webwork-create-task-sink")) {
            assertThat(output).containsPattern("done: [0-9]+");
            assertThat(sandbox.state().tasks(1, 100)).anyMatch(t -> "Made by an isolated Kamelet".equals(t.title()));
        }
        assertThat(sandbox.requests()).as("the Kamelets called the sandbox").isNotEmpty();
    }

    /** A route that runs the Kamelet once: a source is followed, a sink is given one message. */
    private static String route(String name) {
        return switch (name) {
            case "webwork-create-task-sink" -> timer("{\"title\": \"Made by an isolated Kamelet\"}",
                    "kamelet:webwork-create-task-sink?workspaceId=1&projectId=100");
            case "webwork-sink" -> timer("",
                    "kamelet:webwork-sink?resource=tasks&operation=list&workspaceId=1&projectId=100");
            case "webwork-source" -> source("kamelet:webwork-source?resource=tasks&workspaceId=1&projectId=100");
            case "webwork-task-source" -> source("kamelet:webwork-task-source?workspaceId=1&projectId=100");
            case "webwork-time-entry-source" -> source("kamelet:webwork-time-entry-source?workspaceId=1"
                                                       + "&lookbackDays=1");
            case "webwork-timesheet-approval-source" -> source("kamelet:webwork-timesheet-approval-source"
                                                               + "?workspaceId=1");
            default -> throw new AssertionError("no route for the Kamelet " + name + ": add one here");
        };
    }

    private static String timer(String body, String to) {
        return "- from:\n    uri: \"timer:once?repeatCount=1\"\n    steps:\n"
               + "      - setBody:\n          constant: '" + body + "'\n"
               + "      - to: \"" + to + "\"\n"
               + "      - log: \"done: ${header.CamelWebworkTaskId}\"\n";
    }

    private static String source(String from) {
        return "- from:\n    uri: \"" + from + "&delay=200\"\n    steps:\n      - log: \"${header.CamelWebworkChangeType}\"\n";
    }

    /**
     * The class path of the component's own run-time dependencies (its pom's, without the optional and test ones),
     * Camel Main, camel-yaml-dsl, slf4j-simple and the declared Kamelet dependencies, resolved by Maven.
     */
    private static String resolve(Path dir, TreeSet<String> declared) throws IOException, InterruptedException {
        String pom = Files.readString(Paths.get("pom.xml"), StandardCharsets.UTF_8);
        String management = section(pom, "dependencyManagement");
        String properties = section(pom, "properties");
        String dependencies = pom.substring(pom.indexOf("</dependencyManagement>"), pom.indexOf("<build>"));
        StringBuilder deps = new StringBuilder();
        Matcher m = DEPENDENCY.matcher(dependencies);
        while (m.find()) {
            String d = m.group(1);
            if (!d.contains("<optional>true</optional>") && !d.contains("<scope>test</scope>")) {
                deps.append("<dependency>").append(d).append("</dependency>\n");
            }
        }
        for (String runtime : List.of("camel-main", "camel-yaml-dsl")) {
            deps.append(camel(runtime));
        }
        deps.append("<dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId>"
                    + "<version>${slf4j.version}</version></dependency>\n");
        for (String d : declared) {
            if (d.startsWith("camel:")) {
                deps.append(camel("camel-" + d.substring("camel:".length())));
            } else if (!d.startsWith("mvn:io.github.camelwebwork:camel-webwork:")) {
                throw new AssertionError("a dependency this test cannot place: " + d);
            }
        }
        Path generated = dir.resolve("pom.xml");
        Files.writeString(generated, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0"
                                     + "</modelVersion><groupId>check</groupId><artifactId>kamelet-classpath"
                                     + "</artifactId><version>1</version>" + properties + management
                                     + "<dependencies>" + deps + "</dependencies></project>", StandardCharsets.UTF_8);
        Path classPath = dir.resolve("classpath.txt");
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", generated.toString(),
                "dependency:build-classpath", "-Dmdep.outputFile=" + classPath));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Process mvn = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile()).start();
        assertThat(mvn.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(mvn.exitValue()).as(Files.readString(dir.resolve("mvn.log"))).isZero();
        return Files.readString(classPath, StandardCharsets.UTF_8).trim();
    }

    private static String camel(String artifact) {
        return "<dependency><groupId>org.apache.camel</groupId><artifactId>" + artifact
               + "</artifactId></dependency>\n";
    }

    private static String section(String pom, String name) {
        int start = pom.indexOf("<" + name + ">");
        int end = pom.indexOf("</" + name + ">", start) + name.length() + 3;
        return pom.substring(start, end);
    }
}
