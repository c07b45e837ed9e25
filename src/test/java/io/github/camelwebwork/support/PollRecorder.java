package io.github.camelwebwork.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

import static org.awaitility.Awaitility.await;

/**
 * A consumer's poll strategy ({@code pollStrategy=#polls}) that counts the sandbox requests of each poll and runs the
 * test's steps between polls: a step given for poll n ({@link #before}, before the route starts) or for the next polls
 * ({@link #next}, while it runs) runs on the consumer's thread just before that poll makes its first request, so what
 * a poll sees does not depend on how fast the threads run.
 */
public final class PollRecorder implements PollingConsumerPollStrategy {

    private final WebworkSandbox sandbox;
    private final List<Integer> requests = new ArrayList<>();
    private final Map<Integer, Runnable> steps = new TreeMap<>();
    private final Deque<Runnable> next = new ArrayDeque<>();
    private int before;

    public PollRecorder(WebworkSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Runs {@code step} just before poll {@code poll} (counted from 1). */
    public synchronized PollRecorder before(int poll, Runnable step) {
        steps.put(poll, step);
        return this;
    }

    /** Runs the steps one a poll, before each of the next polls to begin, in order. */
    public synchronized PollRecorder next(Runnable... steps) {
        next.addAll(List.of(steps));
        return this;
    }

    /** The number of polls completed. */
    public synchronized int polls() {
        return requests.size();
    }

    /** The sandbox requests of each completed poll, in order. */
    public synchronized List<Integer> requests() {
        return List.copyOf(requests);
    }

    /** Waits (30 s at most) until {@code count} polls have completed. */
    public PollRecorder awaitPolls(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> polls() >= count);
        return this;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        Runnable step;
        synchronized (this) {
            step = steps.remove(requests.size() + 1);
            if (step == null) {
                step = next.poll();
            }
        }
        if (step != null) {
            step.run();
        }
        synchronized (this) {
            before = sandbox.requests().size();
        }
        return true;
    }

    @Override
    public synchronized void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        requests.add(sandbox.requests().size() - before);
    }

    @Override
    public synchronized boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        requests.add(sandbox.requests().size() - before);
        return false;
    }
}
