package io.github.camelwebwork.routes;

import java.time.Clock;

import io.github.camelwebwork.component.WebworkComponent;
import org.apache.camel.CamelContext;

/**
 * The clock the shipped WebWork routes take "today" and "now" from: the one of the context's {@code webwork}
 * component ({@link WebworkComponent#clock()}: a single {@code java.time.Clock} bean of the registry when there is
 * one, else the system clock in UTC), so that the routes and the calls they make agree on the date.
 */
public final class RouteClock {

    private RouteClock() {
    }

    public static Clock of(CamelContext context) {
        return context.getComponent("webwork", WebworkComponent.class).clock();
    }
}
