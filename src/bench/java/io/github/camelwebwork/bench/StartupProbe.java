package io.github.camelwebwork.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Started in a fresh JVM by {@link StartupRun}: one route {@code timer -> webwork:tasks?operation=get}; prints the JVM
 * uptime (ms since JVM start) when main was entered, when the context had started and when the first exchange
 * completed. Args: base URL, token, task id.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long atMain = ManagementFactory.getRuntimeMXBean().getUptime();
        CountDownLatch first = new CountDownLatch(1);
        long[] firstAt = new long[1];
        CamelContext camel = BenchSupport.camel(args[0], args[1], 1_000);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:first?repeatCount=1&delay=0")
                        .to("webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=" + args[2])
                        .process(e -> {
                            if (e.getMessage().getBody() == null) {
                                throw new IllegalStateException("no task");
                            }
                            firstAt[0] = ManagementFactory.getRuntimeMXBean().getUptime();
                            first.countDown();
                        });
            }
        });
        camel.start();
        long started = ManagementFactory.getRuntimeMXBean().getUptime();
        if (!first.await(60, TimeUnit.SECONDS)) {
            System.out.println("STARTUP FAILED");
            System.exit(1);
        }
        System.out.println("STARTUP main=" + atMain + " started=" + started + " first=" + firstAt[0]);
        camel.stop();
        System.exit(0);
    }
}
