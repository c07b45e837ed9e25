package io.github.camelwebwork.component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.camelwebwork.routes.RouteClock;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component's clock: the system clock in UTC, or the single java.time.Clock bean of the registry. */
class ComponentClockTest {

    @Test
    void aClockBeanIsAutowiredIntoTheComponentAndTheRoutes() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T20:00:00Z"), ZoneOffset.UTC);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("clock", clock);
            context.start();
            assertThat(context.getComponent("webwork", WebworkComponent.class).clock()).isSameAs(clock);
            assertThat(RouteClock.of(context)).isSameAs(clock);
        }
    }

    @Test
    void withoutOneItIsTheSystemClockInUtc() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThat(RouteClock.of(context)).isEqualTo(Clock.systemUTC());
        }
    }
}
