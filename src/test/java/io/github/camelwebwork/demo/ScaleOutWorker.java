package io.github.camelwebwork.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelwebwork.client.HazelcastBudgetStore;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.support.HazelcastTestCluster;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One machine of {@link ScaleOutDemo} (and so of ThreeProcessScaleOutTest), in an OS process of its own, deployed as
 * the docs say a machine of a scaled-out installation is: the shipped routes/kafka-to-webwork.yaml (a member of the
 * commands' consumer group, the creates' keys shared through a Kafka topic by examples/kafka-to-webwork/shared-keys.yaml)
 * and routes/webwork-to-kafka.yaml with its consumers behind {@code master:webwork-cdc:} on the ZooKeeper cluster
 * service of examples/webwork-to-kafka/zookeeper-cluster.yaml (one leader, the others hot standbys, the state folder
 * shared), and the webwork component's rate budget in a {@link HazelcastBudgetStore} on this process's member of the
 * demo's Hazelcast cluster. The token comes from the environment (WEBWORK_ACCESS_TOKEN), never the command line.
 * <p>
 * Prints {@code READY <member uuid>} once its routes started, {@code LEADER} when it becomes the change-capture
 * leader, and {@code DONE} after the stop file appeared and its context stopped.
 * <p>
 * Arguments: base URL, Hazelcast cluster name, member ports (comma-separated), this member's index, limit, window in
 * ms, Kafka bootstrap servers, ZooKeeper connect string, shared state folder, stop file, commands topic.
 */
public final class ScaleOutWorker {

    public static final String NAMESPACE = "webwork-cdc";
    public static final String PREFIX = "scale";

    private ScaleOutWorker() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> ports = Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList();
        int index = Integer.parseInt(args[3]);
        HazelcastInstance member = new HazelcastTestCluster(args[1], ports).startMember(index, true);
        String topic = args[10];
        Path stop = Path.of(args[9]);

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("worker-" + index);
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(args[0]);
        webwork.getConfiguration().setAccessToken(System.getenv("WEBWORK_ACCESS_TOKEN"));
        webwork.getConfiguration().setRateLimit(Integer.parseInt(args[4]));
        webwork.getConfiguration().setRateLimitWindow(Long.parseLong(args[5]));
        webwork.getConfiguration().setBudgetStore(new HazelcastBudgetStore(member));
        context.addComponent("webwork", webwork);
        // a killed consumer's partitions move after the group's session timeout: the broker's minimum, not 45 s
        KafkaComponent kafka = new KafkaComponent();
        kafka.getConfiguration().setSessionTimeoutMs(6000);
        kafka.getConfiguration().setHeartbeatIntervalMs(1000);
        context.addComponent("kafka", kafka);

        Properties p = new Properties();
        p.put("kafka.brokers", args[6]);
        p.put("kafka.poll-timeout-ms", "500");
        p.put("kafka.topic-prefix", PREFIX);
        p.put("webwork.workspace-id", "1");
        p.put("webwork.commands.topic", topic);
        p.put("webwork.commands.dlq-topic", topic + ".dlq");
        p.put("webwork.commands.group-id", topic + "-group");
        p.put("webwork.commands.max-poll-records", "5");
        p.put("webwork.commands.idempotency-repository", "webworkSharedCommandKeys");
        p.put("webwork.commands.keys-topic", topic + ".keys");
        p.put("webwork.commands.redelivery-delay", "200");
        p.put("webwork.poll-delay", "1000");
        p.put("webwork.initial-delay", "0");
        p.put("webwork.state-dir", args[8]);
        p.put("webwork.ha.endpoint-prefix", "master:" + NAMESPACE + ":");
        p.put("webwork.ha.node-id", "worker-" + index);
        p.put("webwork.ha.zookeeper.nodes", args[7]);
        p.put("webwork.ha.zookeeper.session-timeout", "3000");
        context.getPropertiesComponent().setOverrideProperties(p);

        YamlRoutes.loadFile(context, Path.of("examples", "webwork-to-kafka", "zookeeper-cluster.yaml"));
        ZooKeeperClusterService cluster = context.getRegistry().lookupByNameAndType("webworkZooKeeperCluster",
                ZooKeeperClusterService.class);
        context.addService(cluster, true, true);
        context.start();
        YamlRoutes.loadFile(context, Path.of("examples", "kafka-to-webwork", "shared-keys.yaml"));
        YamlRoutes.load(context, "kafka-to-webwork.yaml");
        YamlRoutes.load(context, "webwork-to-kafka.yaml");
        System.out.println("READY " + member.getLocalEndpoint().getUuid());
        System.out.flush();

        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean leads = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        watch.scheduleWithFixedDelay(() -> {
            if (cluster.isLeader(NAMESPACE) && leads.compareAndSet(false, true)) {
                System.out.println("LEADER");
                System.out.flush();
            }
            if (Files.exists(stop)) {
                stopped.countDown();
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        stopped.await();
        watch.shutdownNow();
        context.stop();
        System.out.println("DONE");
        System.out.flush();
        member.getLifecycleService().terminate();
        System.exit(0);
    }
}
