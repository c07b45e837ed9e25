package io.github.camelwebwork.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of one long job (an export, a backfill): what is done of what is expected, the rate so far and the
 * time left at that rate. Logged at INFO at most once per {@code logEvery} of the given clock, and read by the
 * {@code camel.webwork.progress.*} gauges while the job runs. Not for hot paths: one per job.
 */
public final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final String job;
    private final Clock clock;
    private final Duration logEvery;
    private final Instant started;
    private long expected;
    private long done;
    private Instant lastLogged;

    public Progress(String job, long expected, Clock clock, Duration logEvery) {
        this.job = Objects.requireNonNull(job, "job");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logEvery = Objects.requireNonNull(logEvery, "logEvery");
        this.expected = expected;
        this.started = clock.instant();
        this.lastLogged = started;
    }

    public String job() {
        return job;
    }

    public synchronized long done() {
        return done;
    }

    public synchronized long expected() {
        return expected;
    }

    /** The expected total once it is known better (a list's total after its first page). */
    public synchronized void expect(long expected) {
        this.expected = expected;
    }

    /** {@code units} more are done; logs when {@code logEvery} has passed since the last line. */
    public void advance(long units) {
        update(units, false);
    }

    /** {@code total} are done in all (never fewer than before); logs as {@link #advance} does. */
    public void reach(long total) {
        update(total, true);
    }

    private void update(long units, boolean absolute) {
        String line = null;
        synchronized (this) {
            done = absolute ? Math.max(done, units) : done + units;
            Instant now = clock.instant();
            if (!now.isBefore(lastLogged.plus(logEvery))) {
                lastLogged = now;
                line = describe(now);
            }
        }
        if (line != null) {
            LOG.info("{}", line);
        }
    }

    /** Logs the last line: what was done, in how long. */
    public void finish() {
        LOG.info("{}: complete, {} done in {} s", job, done(), elapsed(clock.instant()).toSeconds());
    }

    /** Units per second since the start; 0 before any time passed. */
    public synchronized double rate() {
        return rate(clock.instant());
    }

    /** The time left at the current rate; null while there is no rate yet. */
    public synchronized Duration eta() {
        return eta(clock.instant());
    }

    /** E.g. {@code export tasks: 40/120 (33%), 2.0/s, ETA 40 s}. */
    public synchronized String describe() {
        return describe(clock.instant());
    }

    private String describe(Instant now) {
        Duration eta = eta(now);
        long percent = expected > 0 ? done * 100 / expected : 0;
        return String.format(Locale.ROOT, "%s: %d/%d (%d%%), %.1f/s, ETA %s", job, done, expected, percent,
                rate(now), eta == null ? "unknown" : eta.toSeconds() + " s");
    }

    private double rate(Instant now) {
        long millis = elapsed(now).toMillis();
        return millis <= 0 ? 0 : done * 1000.0 / millis;
    }

    private Duration eta(Instant now) {
        double rate = rate(now);
        if (rate <= 0) {
            return null;
        }
        return Duration.ofMillis((long) (Math.max(0, expected - done) * 1000 / rate));
    }

    private Duration elapsed(Instant now) {
        return Duration.between(started, now);
    }
}
