package io.github.camelwebwork.support;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** Camel's platform-http server (Vert.x) on a loopback port: what a test's webhook consumers are delivered to. */
public final class LoopbackHttpServer {

    private LoopbackHttpServer() {
    }

    /** Adds the server to {@code context} as a service (started and stopped with it). */
    public static void addTo(CamelContext context, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
    }
}
