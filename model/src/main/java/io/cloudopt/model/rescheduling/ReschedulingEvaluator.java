package io.cloudopt.model.rescheduling;

/**
 * The objective of problems/rescheduling.md §6 from a solution's final placement: the fragment
 * rate FR = Σ(f mod G) / Σ f over the NUMAs of ACTIVE PMs (0 when F = 0), in integer arithmetic.
 */
public final class ReschedulingEvaluator {
    private ReschedulingEvaluator() {
    }

    /** What a final placement achieves. */
    public record Evaluation(double fragmentRate, double initialFragmentRate, long freeCpuCores,
                             long fragmentCpuCoresTotal, long freeSlots, int migrationsCounted) {
    }

    /** The state of the solution's final placement (entries that do not resolve are left where they started). */
    public static ReschedulingState finalState(ReschedulingInstance instance, ReschedulingSolution solution) {
        ReschedulingState state = ReschedulingState.initial(instance);
        for (ReschedulingSolution.Location location : solution.placement()) {
            int vm = state.vmIndex(location.vm());
            int pm = state.pmIndex(location.pm());
            int mask = ReschedulingState.mask(location.numas());
            if (vm >= 0 && pm >= 0 && mask > 0) {
                state.move(vm, pm, mask);
            }
        }
        return state;
    }

    public static double objective(ReschedulingInstance instance, ReschedulingSolution solution) {
        return finalState(instance, solution).fragmentRate();
    }

    public static Evaluation evaluate(ReschedulingInstance instance, ReschedulingSolution solution) {
        ReschedulingState initial = ReschedulingState.initial(instance);
        ReschedulingState end = finalState(instance, solution);
        int counted = 0;
        ReschedulingState replay = ReschedulingState.initial(instance);
        for (ReschedulingSolution.Step step : solution.plan()) {
            int vm = replay.vmIndex(step.vm());
            int pm = replay.pmIndex(step.toPm());
            int mask = ReschedulingState.mask(step.toNumas());
            if (vm < 0 || pm < 0 || mask < 0) {
                continue;
            }
            counted += ReschedulingSimulator.cost(replay, vm, pm);
            replay.move(vm, pm, mask);
        }
        return new Evaluation(end.fragmentRate(), initial.fragmentRate(), end.freeCores(), end.totalFragments(),
                end.freeSlots(), counted);
    }
}
