package io.github.camelwebwork.support;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A main class of the test classpath in an OS process of its own (a "machine" of a multi-process test), its output
 * and errors in a file the test reads line by line. Secrets go in {@code environment}, never in the arguments.
 */
public record JavaProcess(Process process, Path output) {

    public static JavaProcess start(Class<?> mainClass, List<String> arguments, Map<String, String> environment,
                                    Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-cp", classPath(), mainClass.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new JavaProcess(builder.start(), output);
    }

    /**
     * The class path this JVM runs the project with: the class loader's under {@code mvn exec:java} (which runs in
     * Maven's JVM, whose java.class.path is Maven's own), else java.class.path (Surefire sets it to the tests').
     */
    static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
            && loader.getURLs().length > 0) {
            return Arrays.stream(loader.getURLs()).map(JavaProcess::file).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String file(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file on the class path: " + url, e);
        }
    }

    /** Everything the process printed so far. */
    public String text() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The first line that starts with {@code prefix}, or null. */
    public String line(String prefix) {
        return text().lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }

    /** {@code kill -9}: nothing in the process runs a shutdown step. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
