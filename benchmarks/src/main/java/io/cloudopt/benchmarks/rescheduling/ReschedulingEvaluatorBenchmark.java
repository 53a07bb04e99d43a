package io.cloudopt.benchmarks.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingEvaluator;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.rescheduling.ReschedulingGreedy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fragment rate of a placement on reset_vm_pm0 (280 PMs, 2089 VMs): {@code placement} is the
 * evaluator's whole path from a solution's placement records (build the state, place every VM,
 * scan the NUMAs); {@code state} is the scan of an already built state alone. The placement is the
 * greedy's final one at k = 50 (FR 530/1394).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ReschedulingEvaluatorBenchmark {
    private ReschedulingInstance instance;
    private ReschedulingSolution solution;
    private ReschedulingState finalState;

    @Setup(Level.Trial)
    public void prepare() {
        instance = ResetSnapshotData.instance(50);
        solution = new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED).solve(instance, SolveOptions.DEFAULT)
                .solution();
        finalState = ReschedulingEvaluator.finalState(instance, solution);
        if (finalState.totalFragments() != ResetSnapshotData.GREEDY_FRAGMENTS) {
            throw new IllegalStateException("The greedy's fragments (" + finalState.totalFragments() + ") must be "
                    + ResetSnapshotData.GREEDY_FRAGMENTS + ".\nMaybe the data are not those of problems/rescheduling.md §11.");
        }
    }

    @Benchmark
    public double placement() {
        return ReschedulingEvaluator.objective(instance, solution);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double state() {
        return finalState.fragmentRate();
    }
}
