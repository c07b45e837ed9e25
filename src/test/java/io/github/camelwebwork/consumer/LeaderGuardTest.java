package io.github.camelwebwork.consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which namespace a master: route's URI names (the guard's end to end: WebworkToKafkaZooKeeperStandbyTest). */
class LeaderGuardTest {

    @Test
    void theNamespaceOfAMasterUri() {
        assertThat(LeaderGuard.masterNamespace("master:webwork-cdc:webwork:tasks?workspaceId=1")).isEqualTo("webwork-cdc");
        assertThat(LeaderGuard.masterNamespace("master://webwork-cdc:webwork://tasks?workspaceId=1"))
                .isEqualTo("webwork-cdc");
    }

    @Test
    void noNamespaceOutsideMaster() {
        assertThat(LeaderGuard.masterNamespace("webwork://tasks?workspaceId=1")).isNull();
        assertThat(LeaderGuard.masterNamespace("master:")).isNull();
        assertThat(LeaderGuard.masterNamespace(null)).isNull();
        assertThat(LeaderGuard.NONE.leads()).isTrue();
    }
}
