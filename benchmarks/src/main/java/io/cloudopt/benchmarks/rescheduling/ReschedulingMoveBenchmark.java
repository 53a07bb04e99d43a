package io.cloudopt.benchmarks.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
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
 * One migration on reset_vm_pm0: {@code ReschedulingState.move} and the fragment delta over the two
 * touched PMs, the inner step of every local search. {@value #MOVES} seeded random moves of a
 * movable VM to another ACTIVE (PM, NUMA set) that fits; each is done and undone, so an invocation
 * is 2 × {@value #MOVES} moves and the state never drifts. Score in ns per move.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ReschedulingMoveBenchmark {
    static final int MOVES = 4096;
    private ReschedulingState state;
    private int[] vms;
    private int[] pms;
    private int[] masks;

    @Setup(Level.Trial)
    public void prepare() {
        state = ReschedulingState.initial(ResetSnapshotData.instance(50));
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        List<int[]> moves = new ArrayList<>();
        while (moves.size() < MOVES) {
            int vm = random.nextInt(state.vmCount());
            int pm = random.nextInt(state.pmCount());
            int mask = state.isDouble(vm) ? 3 : 1 + random.nextInt(2);
            boolean same = pm == state.host(vm) && mask == state.numaMask(vm);
            if (state.isMovable(vm) && state.isActive(pm) && !same && state.fits(vm, pm, mask, true)) {
                moves.add(new int[] {vm, pm, mask});
            }
        }
        vms = moves.stream().mapToInt(move -> move[0]).toArray();
        pms = moves.stream().mapToInt(move -> move[1]).toArray();
        masks = moves.stream().mapToInt(move -> move[2]).toArray();
    }

    @Benchmark
    @OperationsPerInvocation(2 * MOVES)
    public long moveAndUndo() {
        long delta = 0;
        for (int i = 0; i < MOVES; i++) {
            int vm = vms[i];
            int fromPm = state.host(vm);
            int fromMask = state.numaMask(vm);
            delta += step(vm, fromPm, pms[i], masks[i]);
            delta += step(vm, pms[i], fromPm, fromMask);
        }
        return delta;
    }

    /** Moves VM v from {@code fromPm} to (toPm, toMask) and returns the change of Σ (f mod G) on the touched PMs. */
    private long step(int vm, int fromPm, int toPm, int toMask) {
        long before = state.fragments(fromPm) + (toPm == fromPm ? 0 : state.fragments(toPm));
        state.move(vm, toPm, toMask);
        return state.fragments(fromPm) + (toPm == fromPm ? 0 : state.fragments(toPm)) - before;
    }
}
