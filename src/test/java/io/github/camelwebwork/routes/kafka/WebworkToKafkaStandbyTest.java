package io.github.camelwebwork.routes.kafka;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.junit.jupiter.api.Test;

/**
 * Active/standby change capture with camel-file's FileLockClusterService on a folder both instances share (the scenario
 * and its assertions: {@link StandbyTestSupport}). The leader's context is stopped while tasks are being created and
 * changed: the standby becomes leader and continues where it stopped; every change is on the topic exactly once.
 */
class WebworkToKafkaStandbyTest extends StandbyTestSupport {

    @Test
    void theStandbyTakesOverWhereTheLeaderStopped() throws Exception {
        theStandbyTakesOverWhereTheLeaderFailed();
    }

    @Override
    CamelClusterService clusterService(String name, CamelContext context) {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("instance-" + name);
        cluster.setRoot(shared.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        return cluster;
    }

    @Override
    void leaderFailsMidRun(CamelContext leader) {
        leader.stop();
    }
}
