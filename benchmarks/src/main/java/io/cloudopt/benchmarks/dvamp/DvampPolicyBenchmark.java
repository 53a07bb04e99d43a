package io.cloudopt.benchmarks.dvamp;

import io.cloudopt.model.dvamp.DvampPolicies;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampState;
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
 * Policy-only time per decision (problems/dvamp.md §12(g)): {@code policy.choose(state, vm)} on
 * states captured from the policy's own episodes of the 50-episode sample at N = 5. The
 * {@value #DECISIONS} states are spread evenly over the sample's decisions, so early (empty) and
 * late (crowded) states appear in their real proportions. Python anchor: ff 2.35 µs, balance 20.2
 * µs, bf 38.0 µs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DvampPolicyBenchmark {
    static final int DECISIONS = 4096;

    @Param({"ff", "balance", "bf"})
    public String policy;

    private DvampPolicy chosen;
    private final DvampState[] states = new DvampState[DECISIONS];
    private final int[] vms = new int[DECISIONS];

    @Setup(Level.Trial)
    public void prepare() {
        Path directory = SpaneSuiteData.directory();
        SpaneProtocol protocol = SpaneSuiteData.protocol(SpaneSuiteData.trace(directory), SpaneSuiteData.PM_COUNT);
        SpaneProtocol.Episode[] episodes =
                SpaneSuiteData.sampleEpisodes(protocol, SpaneSuiteData.testStartIndices(directory));
        chosen = DvampPolicies.create(policy, 1);
        // Decision d of the sample is kept iff it is the first with d >= k * total / DECISIONS.
        long[] seen = {0};
        int[] kept = {0};
        for (SpaneProtocol.Episode episode : episodes) {
            protocol.run(episode, chosen, (state, vm, action, waitSeconds, reward) -> {
                int k = kept[0];
                if (k < DECISIONS && seen[0] == (long) k * SpaneSuiteData.SAMPLE_PLACEMENTS / DECISIONS) {
                    states[k] = state.copy();
                    vms[k] = vm;
                    kept[0]++;
                }
                seen[0]++;
            });
        }
        if (kept[0] != DECISIONS) {
            throw new IllegalStateException("Captured " + kept[0] + " states, expected " + DECISIONS + ".");
        }
    }

    @Benchmark
    @OperationsPerInvocation(DECISIONS)
    public int decision() {
        int actions = 0;
        for (int k = 0; k < DECISIONS; k++) {
            actions += chosen.choose(states[k], vms[k]);
        }
        return actions;
    }
}
