package io.cloudopt.model.dvamp;

/** {@code ff}: the lowest feasible action index, s0n0, s0n1, s1n0, … (SPANE {@code first_fit.py}). */
public final class DvampFirstFitPolicy implements DvampPolicy {
    @Override
    public String name() {
        return "ff";
    }

    @Override
    public int choose(DvampState state, int vm) {
        return firstFeasible(state, vm);
    }

    static int firstFeasible(DvampState state, int vm) {
        if (state.workload.isDouble(vm)) {
            for (int pm = 0, pms = state.nodeCount / 2; pm < pms; pm++) {
                if (state.fitsPm(vm, pm)) {
                    return 2 * pm;
                }
            }
        } else {
            for (int node = 0; node < state.nodeCount; node++) {
                if (state.fitsNode(vm, node)) {
                    return node;
                }
            }
        }
        return -1;
    }
}
