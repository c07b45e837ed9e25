package io.github.camelwebwork.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The demo's meters (docs/metrics.md): a Prometheus registry, bound in Camel Main as {@code metricsRegistry} (where
 * camel-micrometer binds its own), served in the Prometheus text format at {@code /metrics} on loopback.
 */
final class DemoMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    private DemoMetrics(HttpServer server) {
        this.server = server;
    }

    static DemoMetrics start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoMetrics metrics = new DemoMetrics(server);
        server.createContext("/metrics", metrics::scrape);
        server.start();
        return metrics;
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
    }

    private void scrape(HttpExchange exchange) throws IOException {
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
