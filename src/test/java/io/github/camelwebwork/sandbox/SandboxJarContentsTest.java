package io.github.camelwebwork.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests jar (the sandbox, for users' own route tests) takes the classes of this package that pom.xml's test-jar
 * execution includes; none of them may need what only this project's tests have (AssertJ, JUnit), which the jar does
 * not bring. The rules are pom.xml's, read from it, so a change there is checked too.
 */
class SandboxJarContentsTest {

    private static final Path CLASSES = Paths.get("target/test-classes");

    @Test
    void noClassOfTheTestsJarNeedsATestOnlyLibrary() throws IOException {
        String pom = Files.readString(Paths.get("pom.xml"), StandardCharsets.UTF_8);
        String execution = pom.substring(pom.indexOf("<id>test-jar</id>"));
        execution = execution.substring(0, execution.indexOf("</execution>"));
        List<Pattern> excludes = Pattern.compile("<exclude>([^<]+)</exclude>").matcher(execution).results()
                .map(m -> glob(m.group(1))).toList();
        assertThat(excludes).as("the test-jar's excludes").isNotEmpty();

        Path sandbox = CLASSES.resolve("io/github/camelwebwork/sandbox");
        List<Path> shipped;
        try (Stream<Path> files = Files.walk(sandbox)) {
            shipped = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> excludes.stream().noneMatch(p -> p.matcher(CLASSES.relativize(f).toString()
                            .replace('\\', '/')).matches()))
                    .toList();
        }
        assertThat(shipped).as("classes of the tests jar").isNotEmpty()
                .anyMatch(f -> f.getFileName().toString().equals("WebworkSandbox.class"));
        for (Path f : shipped) {
            String constants = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(constants).as(CLASSES.relativize(f) + " refers to a test-only library")
                    .doesNotContain("org/assertj/").doesNotContain("org/junit/");
        }
    }

    /** Maven's {@code **}/{@code *} patterns as a regular expression over a relative path. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                    i++;
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
