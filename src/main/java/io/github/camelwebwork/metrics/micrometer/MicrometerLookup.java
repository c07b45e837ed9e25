package io.github.camelwebwork.metrics.micrometer;

import java.time.Clock;
import java.util.Set;

import io.github.camelwebwork.metrics.WebworkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.Registry;

/**
 * Finds the {@link MeterRegistry} in the Camel registry as camel-micrometer does: the single one bound, else the one
 * named {@value #METRICS_REGISTRY_NAME}. Called only once Micrometer is known to be on the class path.
 */
public final class MicrometerLookup {

    /** camel-micrometer's name for its registry bean (MicrometerConstants.METRICS_REGISTRY_NAME). */
    public static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    private MicrometerLookup() {
    }

    /** The metrics of the registry bound in {@code beans}; {@link WebworkMetrics#NOOP} when none is. */
    public static WebworkMetrics metrics(Registry beans, Clock clock) {
        Set<MeterRegistry> found = beans.findByType(MeterRegistry.class);
        MeterRegistry registry = found.size() == 1 ? found.iterator().next()
                : beans.lookupByNameAndType(METRICS_REGISTRY_NAME, MeterRegistry.class);
        return registry == null ? WebworkMetrics.NOOP : new MicrometerMetrics(registry, clock);
    }
}
