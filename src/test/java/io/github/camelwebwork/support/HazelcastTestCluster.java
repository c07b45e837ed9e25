package io.github.camelwebwork.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Embedded Hazelcast members on loopback for tests: a cluster name of their own (other builds on the machine never
 * join), TCP/IP join on fixed ports chosen free at the start (so that a member can be started again where one was
 * stopped), no multicast, no phone-home; and clients of them that fail fast while the cluster is away.
 */
public final class HazelcastTestCluster implements AutoCloseable {

    private final String name;
    private final List<Integer> ports = new ArrayList<>();
    private final List<HazelcastInstance> instances = new ArrayList<>();

    public HazelcastTestCluster(int memberPorts) {
        this.name = "webwork-test-" + UUID.randomUUID();
        for (int i = 0; i < memberPorts; i++) {
            ports.add(freePort());
        }
    }

    /** The cluster of {@code name} on {@code ports}, as another process of the same test started it. */
    public HazelcastTestCluster(String name, List<Integer> ports) {
        this.name = name;
        this.ports.addAll(ports);
    }

    public String name() {
        return name;
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** A member on the {@code index}-th port. */
    public HazelcastInstance startMember(int index) {
        return startMember(index, false);
    }

    /**
     * A member on the {@code index}-th port; {@code fastFailureDetection}: a member that stops answering (a process
     * killed with {@code kill -9}) is taken out of the cluster after 3 s without a heartbeat instead of 60 s.
     */
    public HazelcastInstance startMember(int index, boolean fastFailureDetection) {
        Config config = new Config();
        if (fastFailureDetection) {
            config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
            config.setProperty("hazelcast.max.no.heartbeat.seconds", "3");
        }
        config.setClusterName(name);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.partition.count", "7");
        config.getNetworkConfig().setPort(ports.get(index)).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        ports.forEach(port -> join.getTcpIpConfig().addMember("127.0.0.1:" + port));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        instances.add(member);
        return member;
    }

    /**
     * A client of the members: its calls fail at once while it has no connection (reconnect mode ASYNC), and it keeps
     * trying to reconnect, so that it is back as soon as a member is.
     */
    public HazelcastInstance startClient() {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.client.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.client.invocation.timeout.seconds", "2");
        ports.forEach(port -> config.getNetworkConfig().addAddress("127.0.0.1:" + port));
        config.getConnectionStrategyConfig().setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setInitialBackoffMillis(50)
                .setMaxBackoffMillis(200).setClusterConnectTimeoutMillis(-1);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        instances.add(client);
        return client;
    }

    @Override
    public void close() {
        instances.forEach(instance -> {
            if (instance.getLifecycleService().isRunning()) {
                instance.getLifecycleService().terminate();
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
