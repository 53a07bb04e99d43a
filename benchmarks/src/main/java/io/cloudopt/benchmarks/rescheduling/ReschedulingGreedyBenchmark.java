package io.cloudopt.benchmarks.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.rescheduling.ReschedulingState;
import io.cloudopt.solvers.rescheduling.ReschedulingGreedy;
import java.util.ArrayList;
import java.util.List;
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
 * The corrected greedy (problems/rescheduling.md §9) at k = 50 on reset_vm_pm0: a copy of the initial
 * state, then the whole run (19 moves, then a last scan that finds nothing). Score in ms per run,
 * to set beside the published GA runtime (≈ 0.2 s at MNL 50, §12).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ReschedulingGreedyBenchmark {
    private ReschedulingState initial;
    private ReschedulingGreedy greedy;

    @Setup(Level.Trial)
    public void prepare() {
        initial = ReschedulingState.initial(ResetSnapshotData.instance(50));
        greedy = new ReschedulingGreedy(ReschedulingGreedy.Variant.CORRECTED);
        ReschedulingState check = initial.copy();
        greedy.run(check, 50, new ArrayList<>(), null);
        if (check.totalFragments() != ResetSnapshotData.GREEDY_FRAGMENTS) {
            throw new IllegalStateException("The greedy's fragments (" + check.totalFragments() + ") must be "
                    + ResetSnapshotData.GREEDY_FRAGMENTS + ".\nMaybe the data are not those of problems/rescheduling.md §11.");
        }
    }

    @Benchmark
    public List<ReschedulingSolution.Step> greedy() {
        ReschedulingState state = initial.copy();
        List<ReschedulingSolution.Step> plan = new ArrayList<>();
        greedy.run(state, 50, plan, null);
        return plan;
    }
}
