package io.github.camelwebwork.metrics.micrometer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import io.github.camelwebwork.metrics.ClientMetrics;
import io.github.camelwebwork.metrics.Progress;
import io.github.camelwebwork.metrics.WebworkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of docs/metrics.md in a Micrometer {@link MeterRegistry}. Loaded only when Micrometer is on the class
 * path and a registry is bound ({@link MicrometerLookup}). Gauges hold what they read until {@link #close()}, when the
 * component stops; counters and timers stay in the registry.
 */
public final class MicrometerMetrics implements WebworkMetrics {

    static final String PREFIX = "camel.webwork.";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicReference<Instant>> lastScans = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    public MicrometerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public ClientMetrics client(String credential) {
        return new MicrometerClientMetrics(registry, credential);
    }

    @Override
    public void watchBudget(String credential, IntSupplier remaining) {
        gauges.add(Gauge.builder(PREFIX + "budget.remaining", remaining, r -> r.getAsInt())
                .description("Requests the credential's rate budget could send right now")
                .tag("credential", credential).strongReference(true).register(registry));
    }

    @Override
    public void createRecovered(String resource, String operation) {
        Counter.builder(PREFIX + "creates.recovered")
                .description("Creates whose earlier attempt had taken effect, found by a look-up instead of sent again")
                .tags("resource", resource, "operation", operation).register(registry).increment();
    }

    @Override
    public void poll(String resource, long nanos, int requests) {
        Timer.builder(PREFIX + "poll").description("Polls of a change-capture consumer")
                .tag("resource", resource).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder(PREFIX + "poll.requests").description("Requests the polls of a consumer made")
                .tag("resource", resource).register(registry).increment(requests);
    }

    @Override
    public void change(String resource, String type) {
        Counter.builder(PREFIX + "changes").description("Changes a consumer handed to its route")
                .tags("resource", resource, "type", type.toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    @Override
    public void scanCompleted(String resource) {
        lastScans.computeIfAbsent(resource, r -> {
            AtomicReference<Instant> last = new AtomicReference<>();
            gauges.add(Gauge.builder(PREFIX + "scan.age", last, this::secondsSince)
                    .description("Seconds since a consumer of the resource last completed a scan").baseUnit("seconds")
                    .tag("resource", r).strongReference(true).register(registry));
            return last;
        }).set(clock.instant());
    }

    private double secondsSince(AtomicReference<Instant> last) {
        Instant at = last.get();
        return at == null ? Double.NaN : Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }

    @Override
    public void webhookDelivery(String outcome, String reason) {
        Counter.builder(PREFIX + "webhook.deliveries").description("Webhook deliveries by outcome")
                .tags("outcome", outcome, "reason", reason == null ? "none" : reason).register(registry).increment();
    }

    @Override
    public void watchProgress(Progress progress) {
        // the next run of a job reports itself, not the one before (a gauge is registered once per name and tags)
        for (String name : List.of("progress.done", "progress.expected", "progress.eta")) {
            registry.find(PREFIX + name).tag("job", progress.job()).meters().forEach(m -> {
                registry.remove(m);
                gauges.remove(m);
            });
        }
        gauges.add(Gauge.builder(PREFIX + "progress.done", progress, Progress::done)
                .description("Units a long job (export, backfill) has done").tag("job", progress.job())
                .strongReference(true).register(registry));
        gauges.add(Gauge.builder(PREFIX + "progress.expected", progress, Progress::expected)
                .description("Units a long job expects to do in all").tag("job", progress.job())
                .strongReference(true).register(registry));
        gauges.add(Gauge.builder(PREFIX + "progress.eta", progress, MicrometerMetrics::etaSeconds)
                .description("Seconds a long job needs still at its rate so far").baseUnit("seconds")
                .tag("job", progress.job()).strongReference(true).register(registry));
    }

    private static double etaSeconds(Progress progress) {
        Duration eta = progress.eta();
        return eta == null ? Double.NaN : eta.toMillis() / 1000.0;
    }

    @Override
    public void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
        lastScans.clear();
    }
}
