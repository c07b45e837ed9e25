package io.github.camelwebwork.metrics;

import java.time.Duration;
import java.time.Instant;

import io.github.camelwebwork.support.CapturedLog;
import io.github.camelwebwork.support.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A long job's progress: done of expected, the rate so far, the time left at it; logged at most every interval. */
class ProgressTest {

    @RegisterExtension
    CapturedLog log = new CapturedLog();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void theRateAndTheTimeLeftFollowTheClock() {
        Progress progress = new Progress("export 2026-W49", 120, clock, Duration.ofSeconds(10));
        assertThat(progress.eta()).as("no rate before any time passed").isNull();

        clock.advance(Duration.ofSeconds(20));
        progress.advance(40);

        assertThat(progress.done()).isEqualTo(40);
        assertThat(progress.rate()).isEqualTo(2.0);
        assertThat(progress.eta()).isEqualTo(Duration.ofSeconds(40));
        assertThat(progress.describe()).isEqualTo("export 2026-W49: 40/120 (33%), 2.0/s, ETA 40 s");
    }

    @Test
    void itLogsAtMostOncePerInterval() {
        Progress progress = new Progress("backfill tasks", 10, clock, Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(3));
            progress.advance(1);
        }
        progress.finish();

        // after 12 s (4 done) and 24 s (8 done): two lines in 30 s, then the last one
        assertThat(log.text()).contains("backfill tasks: 4/10 (40%), 0.3/s, ETA 18 s")
                .contains("backfill tasks: 8/10 (80%), 0.3/s, ETA 6 s")
                .contains("backfill tasks: complete, 10 done in 30 s");
        assertThat(log.text().split("backfill tasks: ", -1)).hasSize(4);
    }

    @Test
    void reachNeverGoesBack() {
        Progress progress = new Progress("export", 7, clock, Duration.ofSeconds(10));
        progress.reach(3);
        progress.reach(2);
        assertThat(progress.done()).isEqualTo(3);
    }
}
