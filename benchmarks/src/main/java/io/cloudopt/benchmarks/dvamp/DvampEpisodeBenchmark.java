package io.cloudopt.benchmarks.dvamp;

import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.SpaneProtocol;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Environment-inclusive time per placement (problems/dvamp.md §12(g)): whole SPANE episodes of the
 * fixed 50-episode sample at N = 5, each run as the protocol runs it (workload slice, simulator,
 * policy, advance of the clock, departures). The probes are done once in the setup; see
 * {@link DvampProbeBenchmark} for their cost. Python anchor per step (policy + environment): ff 37.5
 * µs, balance 55.6 µs, bf 75.5 µs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DvampEpisodeBenchmark {
    @Param({"ff", "balance", "bf"})
    public String policy;

    private SpaneProtocol protocol;
    private SpaneProtocol.Episode[] episodes;
    private DvampPolicy chosen;

    @Setup(Level.Trial)
    public void prepare() {
        Path directory = SpaneSuiteData.directory();
        protocol = SpaneSuiteData.protocol(SpaneSuiteData.trace(directory), SpaneSuiteData.PM_COUNT);
        episodes = SpaneSuiteData.sampleEpisodes(protocol, SpaneSuiteData.testStartIndices(directory));
        chosen = DvampPolicies.create(policy, 1);
    }

    /** One invocation runs all 50 episodes; the score is per placement. */
    @Benchmark
    @OperationsPerInvocation(SpaneSuiteData.SAMPLE_PLACEMENTS)
    public long placement() {
        long totalWait = 0;
        for (SpaneProtocol.Episode episode : episodes) {
            totalWait += protocol.run(episode, chosen, DvampObserver.NONE).totalWaitSeconds();
        }
        return totalWait;
    }
}
