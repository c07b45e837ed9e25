package io.github.camelwebwork.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A deterministic schedule of injected faults: for each eligible request the sandbox draws once from a
 * {@code java.util.Random(seed)} (under a lock) whether to fault it ({@link #share()}) and, if so, which
 * {@link FaultKind} (by weight). The same seed and the same sequence of eligible requests give the same faults.
 * A plan is immutable; each {@link WebworkSandbox#faults(FaultPlan)} starts its draws afresh from the seed.
 *
 * <p>Eligible: by default every request under {@code /api/v2}; {@link Builder#onlyPaths(String)} replaces that
 * default (it can also target {@code POST /oauth/token}), {@link Builder#methods(String...)} narrows it. A request
 * already over the rate limit is answered 429 by the limiter and is not eligible (it makes no draw). While a
 * {@link FaultKind#BURST_429} burst runs, the next eligible requests continue it without drawing.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder().seed(42).share(0.3)
 *         .kinds(FaultKind.HTTP_503, FaultKind.RESET_AFTER).onlyPaths("POST /api/v2/tasks").build();
 * }</pre>
 */
public final class FaultPlan {

    private final long seed;
    private final double share;
    private final Map<FaultKind, Double> weights;
    private final Duration slowDelay;
    private final int burstLength;
    private final Duration burstRetryAfter;
    private final Pattern onlyPaths;
    private final Set<String> methods;

    private FaultPlan(Builder b) {
        this.seed = b.seed;
        this.share = b.share;
        this.weights = Map.copyOf(b.weights);
        this.slowDelay = b.slowDelay;
        this.burstLength = b.burstLength;
        this.burstRetryAfter = b.burstRetryAfter;
        this.onlyPaths = b.onlyPaths;
        this.methods = Set.copyOf(b.methods);
    }

    public static Builder builder() {
        return new Builder();
    }

    public long seed() {
        return seed;
    }

    /** The probability (0..1) that an eligible request is faulted. */
    public double share() {
        return share;
    }

    public Map<FaultKind, Double> weights() {
        return weights;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    public int burstLength() {
        return burstLength;
    }

    /** The wait announced by {@code Retry-After-Millis} on a {@link FaultKind#BURST_429} answer. */
    public Duration burstRetryAfter() {
        return burstRetryAfter;
    }

    /**
     * Whether a request may be faulted: {@code onlyPaths} must match (in full) either "METHOD /path" or "/path"
     * (without query); without it the path must lie under {@code /api/v2/}.
     */
    public boolean eligible(String method, String path) {
        if (!methods.isEmpty() && !methods.contains(method.toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (onlyPaths == null) {
            return path.startsWith("/api/v2/");
        }
        return onlyPaths.matcher(method + " " + path).matches() || onlyPaths.matcher(path).matches();
    }

    /** A fresh run of this plan: its draws start again from the seed. */
    public FaultDraws start() {
        return new FaultDraws(this);
    }

    FaultKind pick(double r) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double point = r * total;
        FaultKind last = null;
        for (FaultKind kind : FaultKind.values()) { // enum order, so the pick never depends on map order
            Double w = weights.get(kind);
            if (w == null || w <= 0) {
                continue;
            }
            last = kind;
            if (point < w) {
                return kind;
            }
            point -= w;
        }
        return last;
    }

    @Override
    public String toString() {
        return "FaultPlan[seed=" + seed + ", share=" + share + ", weights=" + new EnumMap<>(weights)
                + (onlyPaths == null ? "" : ", onlyPaths=" + onlyPaths)
                + (methods.isEmpty() ? "" : ", methods=" + new TreeSet<>(methods)) + "]";
    }

    public static final class Builder {
        private long seed;
        private double share = 0.1;
        private final Map<FaultKind, Double> weights = new EnumMap<>(FaultKind.class);
        private Duration slowDelay = Duration.ofSeconds(3);
        private int burstLength = 3;
        private Duration burstRetryAfter = Duration.ofMillis(50);
        private Pattern onlyPaths;
        private final Set<String> methods = new TreeSet<>();

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The probability (0..1, default 0.1) that an eligible request is faulted; 1 faults every one. */
        public Builder share(double share) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("share must be within 0..1: " + share);
            }
            this.share = share;
            return this;
        }

        /** These kinds with equal weights (added to any weights already set). */
        public Builder kinds(FaultKind... kinds) {
            Arrays.stream(kinds).forEach(kind -> weight(kind, 1.0));
            return this;
        }

        public Builder weight(FaultKind kind, double weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight for " + kind);
            }
            weights.put(Objects.requireNonNull(kind), weight);
            return this;
        }

        /** How long {@link FaultKind#SLOW} waits before processing, and {@link FaultKind#LATE_ARRIVAL} before it counts (default 3 s). */
        public Builder slowDelay(Duration delay) {
            this.slowDelay = Objects.requireNonNull(delay);
            return this;
        }

        /** How many consecutive eligible requests a {@link FaultKind#BURST_429} answers with 429 (default 3). */
        public Builder burstLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("burst length must be at least 1");
            }
            this.burstLength = length;
            return this;
        }

        /** {@code Retry-After-Millis} of a burst's 429s (default 50 ms; {@code Retry-After} stays 1). */
        public Builder burstRetryAfter(Duration wait) {
            this.burstRetryAfter = Objects.requireNonNull(wait);
            return this;
        }

        /** Only requests whose "METHOD /path" or "/path" matches this regex in full, e.g. "POST /api/v2/tasks". */
        public Builder onlyPaths(String regex) {
            this.onlyPaths = Pattern.compile(regex);
            return this;
        }

        /** Only requests with one of these methods. */
        public Builder methods(String... methods) {
            Arrays.stream(methods).forEach(m -> this.methods.add(m.toUpperCase(Locale.ROOT)));
            return this;
        }

        public FaultPlan build() {
            if (share > 0 && weights.values().stream().noneMatch(w -> w > 0)) {
                throw new IllegalStateException("a fault plan needs kinds(...) or a positive weight(...)");
            }
            return new FaultPlan(this);
        }
    }
}
