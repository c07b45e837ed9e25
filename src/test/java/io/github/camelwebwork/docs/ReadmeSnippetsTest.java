package io.github.camelwebwork.docs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fenced code block of README.md and of docs/**.md, as pasted, one test each (named by file and line):
 * Java blocks are compiled as the body of a RouteBuilder's configure() and, unless they follow a consumer or talk to
 * Kafka, run against the sandbox; YAML blocks are loaded as routes (or as the YAML of a step); properties name real
 * component options; Maven coordinates are the project's; shell commands are the ones the project has.
 */
class ReadmeSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]*)\\n(.*?)^```$", Pattern.DOTALL);
    private static final String IMPORTS = String.join("\n", "import java.util.*;", "import java.nio.file.*;",
            "import io.github.camelwebwork.model.*;", "import io.github.camelwebwork.component.*;",
            "import io.github.camelwebwork.sandbox.*;", "import io.github.camelwebwork.client.*;",
            "import com.hazelcast.config.Config;", "import com.hazelcast.core.Hazelcast;",
            "import com.hazelcast.core.HazelcastInstance;", "import org.apache.camel.*;",
            "import org.apache.camel.builder.RouteBuilder;");

    @TempDir
    Path classes;

    record Snippet(String file, int line, String language, String code) {
        String name() {
            return file + ":" + line + " (" + (language.isEmpty() ? "text" : language) + ")";
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCodeBlockRunsAsPasted() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Paths.get("README.md")));
        if (Files.isDirectory(Paths.get("docs"))) {
            try (Stream<Path> docs = Files.walk(Paths.get("docs"))) {
                docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = FENCE.matcher(text);
            while (m.find()) {
                int line = text.substring(0, m.start()).split("\n", -1).length;
                snippets.add(new Snippet(file.toString(), line, m.group(1), m.group(2)));
            }
        }
        assertThat(snippets).as("code blocks found").hasSizeGreaterThan(10);
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    private void check(Snippet s) throws Exception {
        switch (s.language()) {
            case "java" -> java(s);
            case "yaml" -> yaml(s);
            case "properties" -> properties(s);
            case "xml" -> xml(s);
            case "bash" -> bash(s);
            case "" , "text" -> text(s);
            default -> throw new AssertionError(s.name() + ": no check for ```" + s.language());
        }
    }

    private void java(Snippet s) throws Exception {
        String className = "Snippet" + s.line();
        String source = "package snippets;\n" + IMPORTS + "\npublic class " + className + " extends RouteBuilder {\n"
                        + "  public ProducerTemplate template;\n  public CamelContext context;\n"
                        + "  @Override public void configure() throws Exception {\n" + s.code() + "\n  }\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///snippets/" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter errors = new StringWriter();
        boolean compiled = compiler.getTask(errors, null, null, List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")), null, List.of(file)).call();
        assertThat(compiled).as(s.name() + " compiles:\n" + errors).isTrue();
        if (s.code().contains("from(\"webwork:") || s.code().contains("kafka:")) {
            return;                             // a consumer of the live API or a Kafka route: compiled only
        }
        try (WebworkSandbox sandbox = WebworkSandbox.builder().noRateLimit().build().start();
             URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                     getClass().getClassLoader());
             CamelContext context = new DefaultCamelContext()) {
            WebworkComponent webwork = new WebworkComponent();
            webwork.getConfiguration().setBaseUrl(sandbox.baseUrl());
            webwork.getConfiguration().setAccessToken(sandbox.token());
            context.addComponent("webwork", webwork);
            context.start();
            RouteBuilder builder = (RouteBuilder) loader.loadClass("snippets." + className)
                    .getDeclaredConstructor().newInstance();
            builder.getClass().getField("template").set(builder, context.createProducerTemplate());
            builder.getClass().getField("context").set(builder, context);
            context.addRoutes(builder);
            for (var route : context.getRoutes()) {
                assertThat(context.getRouteController().getRouteStatus(route.getRouteId()).isStarted())
                        .as(s.name() + ": route " + route.getEndpoint()).isTrue();
            }
        }
    }

    private void yaml(Snippet s) throws Exception {
        String code = s.code().trim().startsWith("- to:")
                ? "- route:\n    from:\n      uri: direct:snippet\n      steps:\n" + s.code().indent(8) : s.code();
        try (CamelContext context = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.put("webwork.workspace-id", "1");
            properties.put("webwork.project-id", "100");
            properties.put("webwork.client-id", "app");
            properties.put("webwork.client-secret", "secret");
            properties.put("webwork.refresh-token", "refresh");
            context.getPropertiesComponent().setInitialProperties(properties);
            context.setAutoStartup(false);
            WebworkComponent webwork = new WebworkComponent();
            webwork.getConfiguration().setAccessToken("snippet-token");
            context.addComponent("webwork", webwork);
            Resource resource = ResourceHelper.fromString("snippet.yaml", code);
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            context.start();
            assertThat(context.getRoutes()).as(s.name() + " defines a route").isNotEmpty();
            context.getRoutes().forEach(r -> assertThat(r.getEndpoint()).isNotNull());
        }
    }

    private static void properties(Snippet s) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(s.code()));
        JsonNode options = new ObjectMapper().readTree(Paths.get(
                "src/generated/resources/META-INF/io/github/camelwebwork/component/webwork.json").toFile())
                .get("componentProperties");
        for (String key : p.stringPropertyNames()) {
            assertThat(key).as(s.name()).startsWith("camel.component.webwork.");
            String option = camelCase(key.substring("camel.component.webwork.".length()));
            assertThat(options.has(option)).as(s.name() + ": " + key + " is a component option").isTrue();
        }
    }

    private static String camelCase(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static void xml(Snippet s) throws IOException {
        String pom = Files.readString(Paths.get("pom.xml"), StandardCharsets.UTF_8);
        String version = pom.replaceAll("(?s).*?<artifactId>camel-webwork</artifactId>\\s*<version>([^<]+)</version>.*",
                "$1");
        assertThat(s.code()).as(s.name()).contains("<groupId>io.github.camelwebwork</groupId>")
                .contains("<artifactId>camel-webwork</artifactId>").contains("<version>" + version + "</version>");
    }

    private static void bash(Snippet s) throws IOException {
        String ci = Files.readString(Paths.get(".ci/run"), StandardCharsets.UTF_8);
        String pom = Files.readString(Paths.get("pom.xml"), StandardCharsets.UTF_8);
        for (String line : s.code().split("\n")) {
            String command = line.replaceAll("#.*", "").trim();
            if (command.isEmpty()) {
                continue;
            }
            assertThat(command).as(s.name()).contains("mvn -B");
            Matcher execution = Pattern.compile("@([a-z-]+)").matcher(command);
            while (execution.find()) {
                assertThat(pom).as(s.name() + ": execution " + execution.group(1))
                        .contains("<id>" + execution.group(1) + "</id>");
            }
            Matcher profile = Pattern.compile("-P([a-z]+)").matcher(command);
            while (profile.find()) {
                assertThat(pom).as(s.name() + ": profile").contains("<id>" + profile.group(1) + "</id>");
            }
            Matcher test = Pattern.compile("-Dtest=([A-Za-z]+)").matcher(command);
            while (test.find()) {
                try (Stream<Path> tests = Files.walk(Paths.get("src/test/java"))) {
                    assertThat(tests.anyMatch(f -> f.getFileName().toString().equals(test.group(1) + ".java")))
                            .as(s.name() + ": test " + test.group(1)).isTrue();
                }
            }
            if (command.equals("mvn -B verify") || command.startsWith("mvn -B test-compile exec:java@demo")) {
                assertThat(ci).as(s.name() + ": CI runs the README's command").contains(command.split("  ")[0]);
            }
        }
    }

    /** A block without a language is text: each {@code webwork:} URI in it is of a known resource. */
    private static void text(Snippet s) {
        Matcher uri = Pattern.compile("webwork:([a-z-]+)").matcher(s.code());
        while (uri.find()) {
            String resource = uri.group(1).toLowerCase(Locale.ROOT);
            assertThat(resource.equals("resource") || OperationCatalogue
                    .hasResource(resource)).as(s.name() + ": " + uri.group()).isTrue();
        }
    }
}
