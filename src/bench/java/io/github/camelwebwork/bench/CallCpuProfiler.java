package io.github.camelwebwork.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time a call costs, whatever else the machine does: the CPU time of the threads that make the calls (JMH's
 * workers: with the classic Apache client every variant sends, waits and parses on the calling thread) and of the
 * whole fork (the sandbox's threads, GC and JIT included), each divided by the calls of the iteration. Unlike
 * latency it does not grow when other processes take the cores, so that its ratio to the bare client is the
 * per-call cost on a busy machine too (the latency ratio is the figure only on an idle one).
 * <p>
 * {@code -prof io.github.camelwebwork.bench.CallCpuProfiler}; results {@code cpu.caller} and {@code cpu.process}, in
 * ns per call.
 */
public final class CallCpuProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long callerBefore;
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time per call of the calling threads and of the whole fork";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        callerBefore = workersCpu();
        processBefore = processCpu();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long caller = workersCpu() - callerBefore;
        long process = processCpu() - processBefore;
        double calls = Math.max(1, result.getMetadata().getMeasuredOps());
        return List.of(new ScalarResult("cpu.caller", caller / calls, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process / calls, "ns/op", AggregationPolicy.AVG));
    }

    /**
     * The JMH workers' CPU time. They live through the warm-up and measurement iterations of a benchmark, so the
     * difference across one iteration is theirs for it (a worker that ended in between would be missed: JMH keeps them).
     */
    private long workersCpu() {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-jmh-worker-")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    private static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
