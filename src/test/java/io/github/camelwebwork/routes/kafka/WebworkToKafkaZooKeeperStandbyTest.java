package io.github.camelwebwork.routes.kafka;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Active/standby change capture on a real cluster service: camel-zookeeper's ZooKeeperClusterService, declared by
 * examples/webwork-to-kafka/zookeeper-cluster.yaml as a user loads it, against an in-process ZooKeeper (curator-test's
 * TestingServer). When the leader's context stops (a graceful stop: its session is closed and its lock node goes at
 * once), {@link StandbyTestSupport}'s scenario holds: the standby takes over mid-run, every change is on the topic
 * exactly once, one instance consumes at a time. When the leader's ZooKeeper connection fails under it (its session
 * expired, or only its socket closed), Camel 4.18.0 hands the lock to the standby and leaves the former leader's
 * consumers running: both consume; {@link #theFormerLeaderKeepsConsumingWhenItsZooKeeperConnectionFails} shows it.
 */
class WebworkToKafkaZooKeeperStandbyTest extends StandbyTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(WebworkToKafkaZooKeeperStandbyTest.class);
    private static final long SESSION_TIMEOUT_MS = 3000;

    private TestingServer zookeeper;
    private CamelClusterService leaderCluster;
    private boolean expireSession;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zookeeper = new TestingServer(-1, shared.resolve("zookeeper").toFile(), true);
    }

    /** Once both contexts stopped: no Curator client is left to lose its connection (and log it). */
    @Override
    void afterContextsStopped() throws Exception {
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    void theStandbyTakesOverWhenTheLeaderStops() throws Exception {
        Failover failover = theStandbyTakesOverWhereTheLeaderFailed();
        assertThat(failover.takeoverMillis()).as("a graceful stop frees the lock at once, not after the session timeout")
                .isLessThan(SESSION_TIMEOUT_MS);
    }

    /**
     * The same scenario, the leader's session expiring under it: does not pass with Camel 4.18.0 (see
     * {@link #theFormerLeaderKeepsConsumingWhenItsZooKeeperConnectionFails}), kept for when it does.
     */
    @Test
    @Disabled("Camel 4.18.0's ZooKeeperClusterView does not stop the master: consumers of a leader whose session expired")
    void theStandbyTakesOverWhenTheLeadersSessionExpires() throws Exception {
        expireSession = true;
        theStandbyTakesOverWhereTheLeaderFailed();
        assertThat(isLeader("a")).as("the former leader does not take the lead back").isFalse();
    }

    /**
     * What camel-zookeeper 4.18.0 does when the leader's ZooKeeper connection fails: Curator cancels the leadership
     * (its LeaderSelector interrupts ZooKeeperClusterView's takeLeadership), the view tells its listeners who leads
     * while the selector still says it has the lead, so the master: consumers keep theirs running, and no later event
     * says otherwise; the selector gives up the lock (it is not requeued) and the standby takes it. From then on both
     * instances scan and publish: a change made now is published by both (with the same ce_id). Seen here: the standby
     * leads 25-100 ms after the session expired and 1.5-2.7 s after the socket closed (the former leader's selector, cancelled, gives up its lock node
     * through its reconnected client), so the session timeout does not delay it. Fails once Camel
     * fixes this: then enable {@link #theStandbyTakesOverWhenTheLeadersSessionExpires} and correct docs/scaling.md.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"session expired", "connection lost"})
    void theFormerLeaderKeepsConsumingWhenItsZooKeeperConnectionFails(String failure) throws Exception {
        sandbox.state().addTasks(1, 100, 2);
        instance("a");
        await().atMost(Duration.ofSeconds(30)).until(() -> isLeader("a") && turns().equals(List.of("a")));
        instance("b");
        ZooKeeper session = curator(leaderCluster).getZookeeperClient().getZooKeeper();
        long failedAt = System.nanoTime();
        if (failure.equals("session expired")) {
            session.getTestable().injectSessionExpiration();
        } else {
            session.getTestable().closeSocket();            // the client reconnects, its session alive
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> isLeader("b"));
        LOG.info("{}: the standby leads {} ms after the failure; the former leader says it leads: {}", failure,
                (System.nanoTime() - failedAt) / 1_000_000, isLeader("a"));

        // a new task at each check, until both instances made an exchange for a change made after the failover
        int from = consumedBy().size();
        List<String> made = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            made.add("1:tasks:" + sandbox.state().addTask(1, 100, "Made after the failover " + made.size()).id());
            List<String> since = List.copyOf(consumedBy()).subList(from, consumedBy().size());
            return since.contains("a") && since.contains("b");
        });
        Map<String, List<String>> twice = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            twice.clear();
            kafka.readAll("cdc.tasks.changes", Duration.ofMillis(300)).stream().filter(r -> made.contains(r.key()))
                    .forEach(r -> twice.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(header(r, "ce_id")));
            twice.values().removeIf(ids -> ids.size() < 2);
            return !twice.isEmpty();
        });
        LOG.info("{}: {} of the {} tasks made after the failover published by both instances", failure, twice.size(),
                made.size());
        assertThat(twice).as("published twice: the same change, the same ce_id")
                .allSatisfy((key, ids) -> assertThat(ids).as(key).containsOnly(ids.get(0)));
    }

    @Override
    void addProperties(String name, Properties p) {
        p.put("webwork.ha.node-id", "instance-" + name);
        p.put("webwork.ha.zookeeper.nodes", zookeeper.getConnectString());
        p.put("webwork.ha.zookeeper.session-timeout", String.valueOf(SESSION_TIMEOUT_MS));
    }

    @Override
    CamelClusterService clusterService(String name, CamelContext context) throws Exception {
        // as Camel Main does it: the file declares the bean, the cluster service found in the registry is added
        YamlRoutes.loadFile(context, Path.of("examples", "webwork-to-kafka", "zookeeper-cluster.yaml"));
        ZooKeeperClusterService cluster = context.getRegistry().lookupByNameAndType("webworkZooKeeperCluster",
                ZooKeeperClusterService.class);
        assertThat(cluster).as("the bean of zookeeper-cluster.yaml").isNotNull();
        assertThat(cluster.getId()).isEqualTo("instance-" + name);
        assertThat(cluster.getNodes()).isEqualTo(zookeeper.getConnectString());
        if (leaderCluster == null) {
            leaderCluster = cluster;
        }
        return cluster;
    }

    @Override
    void leaderFailsMidRun(CamelContext leader) throws Exception {
        if (!expireSession) {
            leader.stop();
            return;
        }
        // the leader's view tells this listener it lost the lead after it told the three master: consumers (listeners
        // run in the order they were added); the scenario's own checks (who consumed, in order) catch any overlap
        CamelClusterView view = leaderCluster.getView(NAMESPACE);
        CountDownLatch stoppedConsuming = new CountDownLatch(1);
        view.addEventListener((CamelClusterEventListener.Leadership) (v, l) -> {
            if (!v.getLocalMember().isLeader()) {
                stoppedConsuming.countDown();
            }
        });
        curator(leaderCluster).getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
        assertThat(stoppedConsuming.await(30, TimeUnit.SECONDS)).as("the leader stops consuming").isTrue();
        leaderCluster.releaseView(view);
    }

    /** The service's own Curator client (it has no getter for the one it creates). */
    private static CuratorFramework curator(CamelClusterService cluster) throws Exception {
        Field field = ZooKeeperClusterService.class.getDeclaredField("curator");
        field.setAccessible(true);
        return (CuratorFramework) field.get(cluster);
    }
}
