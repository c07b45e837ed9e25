package io.github.camelwebwork.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.demo.ScaleOutDemo;
import io.github.camelwebwork.demo.ScaleOutDemo.Outcome;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelwebwork.support.EmbeddedKafka.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's scale-out proof with OS processes, the run of the multi-process demo ({@link ScaleOutDemo}): three JVMs on
 * one token run the shipped kafka-to-webwork route in one consumer group and the shipped webwork-to-kafka change
 * capture behind ZooKeeper leadership, on one rate budget in Hazelcast, against the sandbox at 10 requests a second;
 * a worker that does not lead is killed with {@code kill -9}, then the leader. Every command takes effect once (each
 * create one POST and one task), every change reaches the topic with one ce_id per change (a repeat after a kill
 * carries the same ce_id, as the route documents), the sandbox answers no request with a 429 (it refuses any request
 * that finds its sliding window full, so none means no window went over the limit), and the slots each killed process
 * held come back once the cluster has seen it go.
 */
class ThreeProcessScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyCommandAndEveryChangeOnceThroughTheKillOfAWorkerAndOfTheLeader() throws Exception {
        try (ScaleOutDemo demo = new ScaleOutDemo(dir)) {
            Outcome run;
            try {
                run = demo.run();
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + demo.workerLogs(), e);
            }
            WebworkSandbox sandbox = demo.sandbox();
            SandboxState state = sandbox.state();
            Set<String> titles = run.titles();
            List<SandboxTask> targets = run.targets();

            // every command once: one task and one successful POST per create, every update applied
            List<SandboxTask> made = state.allTasks().stream().filter(t -> titles.contains(t.title())).toList();
            assertThat(made).extracting(SandboxTask::title).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(titles);
            Map<String, Long> posts = sandbox.requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/api/v2/tasks") && r.status() / 100 == 2)
                    .map(RecordedRequest::json).map(j -> j.path("title").asText())
                    .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
            assertThat(posts).containsOnlyKeys(titles).allSatisfy((t, n) -> assertThat(n).as(t).isEqualTo(1L));
            targets.forEach(t -> assertThat(state.task(t.id()).orElseThrow().description())
                    .startsWith("updated by so-u"));

            // every change on the topic, one ce_id per change: each new task one created
            List<ConsumerRecord<String, String>> changes = demo.kafka().readAll(ScaleOutDemo.CHANGES,
                    Duration.ofSeconds(1));
            Map<String, Set<String>> createdIds = changes.stream()
                    .filter(r -> header(r, "ce_type").endsWith(".created"))
                    .collect(Collectors.groupingBy(ConsumerRecord::key,
                            Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet())));
            made.forEach(t -> assertThat(createdIds.get("1:tasks:" + t.id())).as(t.title()).hasSize(1));
            // each target's update published; a PUT that a kill made the survivor send again (the same body) moves
            // the task's updated_at, a change of its own in WebWork: at most one UPDATED per PUT, all alike
            Map<String, List<ConsumerRecord<String, String>>> updates = changes.stream()
                    .filter(r -> header(r, "ce_type").endsWith(".updated") && r.value().contains("updated by so-u"))
                    .collect(Collectors.groupingBy(ConsumerRecord::key));
            int resent = 0;
            for (SandboxTask t : targets) {
                List<ConsumerRecord<String, String>> published = updates.get("1:tasks:" + t.id());
                long ids = published.stream().map(r -> header(r, "ce_id")).distinct().count();
                long puts = sandbox.requests().stream().filter(r -> r.method().equals("PUT") && r.status() / 100 == 2
                        && r.path().endsWith("/tasks/" + t.id())).count();
                assertThat(ids).as("updates of %d published against its PUTs", t.id()).isBetween(1L, puts);
                assertThat(published.stream().map(r -> withoutUpdatedAt(r.value())).distinct()).as("%d", t.id())
                        .hasSize(1);
                resent += puts > 1 ? 1 : 0;
            }
            long repeats = changes.size() - changes.stream().map(r -> header(r, "ce_id")).distinct().count();

            // the budget held across the three, then the two, then the one
            assertThat(sandbox.rateLimitedCount()).as("429s").isZero();
            assertThat(sandbox.requests()).allSatisfy(r -> assertThat(r.status()).isLessThan(500));
            System.out.printf("ThreeProcessScaleOutTest: %d commands (%d committed when a worker was killed, %d when"
                              + " the leader was); the leader's slots back %.1f s and its standby leading %.1f s after"
                              + " its kill -9; %d requests, %d x 429; %d change records, %d of them repeats of a"
                              + " ce_id; %d updates sent twice after a kill; busiest window %d of %d%n", run.commands().size(),
                    run.committedAtWorkerKill(), run.committedAtLeaderKill(), run.leaderSlotsBackSeconds(),
                    run.takeoverSeconds(), sandbox.requests().size(), sandbox.rateLimitedCount(), changes.size(),
                    repeats, resent, sandbox.busiestWindow(), ScaleOutDemo.LIMIT);
        }
    }

    private static String withoutUpdatedAt(String json) {
        try {
            ObjectNode record = (ObjectNode) JSON.readTree(json);
            record.remove("updated_at");
            return record.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
