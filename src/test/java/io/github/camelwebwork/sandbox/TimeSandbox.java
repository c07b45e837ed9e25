package io.github.camelwebwork.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Test support of the time sections: the default seed on a movable clock pinned to Wednesday 2024-05-15 15:00 UTC
 * (so "last week" is 2024-05-06..12), with a token per role. Moving the clock lets tracker tests run time without
 * sleeping.
 */
final class TimeSandbox {

    static final Instant NOW = Instant.parse("2024-05-15T15:00:00Z");
    static final String EXEC = "exec-token";
    static final String PM = "pm-token";
    static final String TEAM_MANAGER = "tm-token";
    static final String VIEWER = "viewer-token";
    static final String REGULAR = WebworkSandbox.REGULAR_USER_TOKEN;

    private TimeSandbox() {
    }

    static WebworkSandbox start(MovableClock clock) {
        return WebworkSandbox.builder().clock(clock).addToken(EXEC, 101).addToken(PM, 102)
                .addToken(TEAM_MANAGER, 104).addToken(VIEWER, 105).build().start();
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock() {
            this(NOW);
        }

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
