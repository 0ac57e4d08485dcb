package io.laurel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;

/**
 * The engine's own metrics registry, which also counts job outcomes in Micrometer. The engine marks
 * {@code job-successful} / {@code job-failed} here after each job; its own meters are cleared whenever
 * they are written to the database (every 15 minutes), so they cannot back a Prometheus counter, but this
 * hook sees every occurrence as it happens. Counts are per node: in a cluster each node reports the jobs
 * it executed.
 */
class JobMetricsRegistry extends MetricsRegistry {

    static final String JOBS = "laurel.engine.jobs";

    private final Map<String, Counter> counters;

    JobMetricsRegistry(MeterRegistry meters) {
        this.counters = Map.of(
                Metrics.JOB_SUCCESSFUL, counter(meters, "successful", "jobs executed successfully"),
                Metrics.JOB_FAILED, counter(meters, "failed", "job executions that failed (each retry counts)"),
                Metrics.JOB_ACQUIRED_SUCCESS, counter(meters, "acquired", "jobs acquired (locked) by this node"),
                Metrics.JOB_EXECUTION_REJECTED, counter(meters, "rejected",
                        "jobs acquired but rejected because the executor queue was full"));
    }

    private static Counter counter(MeterRegistry meters, String result, String description) {
        return Counter.builder(JOBS).tag("result", result).description("Camunda " + description).register(meters);
    }

    @Override
    public void markOccurrence(String name, long times) {
        super.markOccurrence(name, times);
        Counter counter = counters.get(name);
        if (counter != null) {
            counter.increment(times);
        }
    }
}
