package io.cloudopt.benchmarks.dvamp;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first-fit probe of the SPANE protocol (problems/dvamp.md §6): a first-fit run in
 * {@code exceed} mode from the episode's start row, once per episode. Score per probe (one
 * episode) over the 50-episode sample at N = 5; the sample's probes place
 * {@value SpaneSuiteData#SAMPLE_PROBE_PLACEMENTS} VMs, 841 per probe on average.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DvampProbeBenchmark {
    private SpaneProtocol protocol;
    private int[] startIndices;

    @Setup(Level.Trial)
    public void prepare() {
        Path directory = SpaneSuiteData.directory();
        protocol = SpaneSuiteData.protocol(SpaneSuiteData.trace(directory), SpaneSuiteData.PM_COUNT);
        int[] starts = SpaneSuiteData.testStartIndices(directory);
        startIndices = new int[SpaneSuiteData.SAMPLE_EPISODES];
        long placements = 0;
        for (int i = 0; i < startIndices.length; i++) {
            startIndices[i] = starts[i * SpaneSuiteData.SAMPLE_STRIDE];
            placements += protocol.probe(startIndices[i]);
        }
        if (placements != SpaneSuiteData.SAMPLE_PROBE_PLACEMENTS) {
            throw new IllegalStateException("The sample's probe placements (" + placements + ") must be "
                    + SpaneSuiteData.SAMPLE_PROBE_PLACEMENTS
                    + ".\nMaybe the data are not those of problems/dvamp.md §11.");
        }
    }

    @Benchmark
    @OperationsPerInvocation(SpaneSuiteData.SAMPLE_EPISODES)
    public long probe() {
        long placements = 0;
        for (int start : startIndices) {
            placements += protocol.probe(start);
        }
        return placements;
    }
}
