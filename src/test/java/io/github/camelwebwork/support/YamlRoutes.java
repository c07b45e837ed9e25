package io.github.camelwebwork.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Loads the shipped YAML route files themselves (not Java copies of them) into a CamelContext. */
public final class YamlRoutes {

    private YamlRoutes() {
    }

    /** The repository's {@code routes/} folder (tests run from the project root). */
    public static Path routesDir() {
        Path dir = Paths.get("routes").toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No routes/ folder at " + dir);
        }
        return dir;
    }

    /** Loads a YAML file given by its path (e.g. a bean file of {@code examples/}). */
    public static void loadFile(CamelContext context, Path file) throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + file.toAbsolutePath()));
    }

    public static void load(CamelContext context, String fileName) throws Exception {
        Path file = routesDir().resolve(fileName);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + file));
    }
}
