package io.github.camelwebwork.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A main class of the test classpath in an OS process of its own (a "machine" of a multi-process test), its output
 * and errors in a file the test reads line by line. Secrets go in {@code environment}, never in the arguments.
 */
public record JavaProcess(Process process, Path output) {

    public static JavaProcess start(Class<?> mainClass, List<String> arguments, Map<String, String> environment,
                                    Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new JavaProcess(builder.start(), output);
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
