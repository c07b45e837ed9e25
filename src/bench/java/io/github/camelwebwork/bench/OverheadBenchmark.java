package io.github.camelwebwork.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Group 1, per-call overhead: the same {@code GET /tasks/{id}} against the sandbox on loopback (rate limit off),
 * through the component, a bare Apache HttpClient 5 + Jackson, the JDK HttpClient + Jackson, and a plain camel-http
 * route with JSON unmarshalling. The bare clients map the envelope's {@code data} to the same {@link Task} model
 * the component returns. Threads (1, 8) are set by {@link Benchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {

    private WebworkSandbox sandbox;
    private CamelContext camel;
    private ProducerTemplate template;
    private Endpoint webworkGet;
    private Endpoint camelHttpGet;
    private CloseableHttpClient apache;
    private HttpClient jdk;
    private ObjectMapper mapper;
    private String url;
    private String bearer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sandbox = WebworkSandbox.builder().noRateLimit().build().start();
        long taskId = sandbox.state().tasks(1, 100).get(0).id();
        url = sandbox.baseUrl() + "/tasks/" + taskId + "?workspace_id=1&project_id=100";
        bearer = "Bearer " + sandbox.token();
        mapper = WebworkJson.newMapper();
        apache = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(32).setMaxConnTotal(64).build()).build();
        jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        camel = BenchSupport.camel(sandbox.baseUrl(), sandbox.token(), 1_000_000);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:camel-http")
                        .setHeader("Authorization", constant(bearer))
                        .setHeader("Accept", constant("application/json"))
                        .to(url + "&throwExceptionOnFailure=true")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        webworkGet = camel.getEndpoint("webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=" + taskId);
        camelHttpGet = camel.getEndpoint("direct:camel-http");
        // every variant once: a failure shows here, not as a fast error in the measurement
        if (webwork() == null || apacheBare() == null || jdkBare() == null || camelHttp() == null) {
            throw new IllegalStateException("a variant returned nothing");
        }
    }

    /** The sandbox records every request: dropped between iterations so memory stays flat. */
    @TearDown(Level.Iteration)
    public void clearRecorded() {
        sandbox.clearRequests();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        camel.stop();
        apache.close();
        sandbox.close();
    }

    @Benchmark
    public Task webwork() {
        return template.requestBody(webworkGet, null, Task.class);
    }

    @Benchmark
    public Task apacheBare() throws Exception {
        HttpGet get = new HttpGet(url);
        get.setHeader("Authorization", bearer);
        get.setHeader("Accept", "application/json");
        return apache.execute(get, response -> {
            if (response.getCode() != 200) {
                throw new IllegalStateException("HTTP " + response.getCode());
            }
            try (InputStream in = response.getEntity().getContent()) {
                JsonNode root = mapper.readTree(in);
                return mapper.treeToValue(root.get("data"), Task.class);
            }
        });
    }

    @Benchmark
    public Task jdkBare() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = jdk.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            JsonNode root = mapper.readTree(in);
            return mapper.treeToValue(root.get("data"), Task.class);
        }
    }

    @Benchmark
    public Object camelHttp() {
        return template.requestBody(camelHttpGet, (Object) null);
    }
}
