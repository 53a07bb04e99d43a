package io.cloudopt.model.dvamp;

/**
 * {@code balance}: SPANE's balance fit exactly ({@code balance_fit.py}). A double VM goes first-fit.
 * A single VM: d_i = |s_i0 − s_i1| for every PM with a feasible node (else 0); all d_i = 0 → first
 * fit; otherwise the first PM i* with the largest d, its node with the larger score (node 0 on a
 * tie), or the other node of i* if that one does not fit.
 */
public final class DvampBalanceFitPolicy implements DvampPolicy {
    @Override
    public String name() {
        return "balance";
    }

    @Override
    public int choose(DvampState state, int vm) {
        if (state.workload.isDouble(vm)) {
            return DvampFirstFitPolicy.firstFeasible(state, vm);
        }
        int bestPm = -1;
        double bestImbalance = 0.0;
        for (int pm = 0, pms = state.nodeCount / 2; pm < pms; pm++) {
            int n0 = 2 * pm;
            if (state.fitsNode(vm, n0) || state.fitsNode(vm, n0 + 1)) {
                double imbalance = Math.abs(state.score(n0) - state.score(n0 + 1));
                if (imbalance > bestImbalance) {
                    bestImbalance = imbalance;
                    bestPm = pm;
                }
            }
        }
        if (bestPm < 0) {
            return DvampFirstFitPolicy.firstFeasible(state, vm);
        }
        int n0 = 2 * bestPm;
        int node = state.score(n0 + 1) > state.score(n0) ? n0 + 1 : n0;
        if (!state.fitsNode(vm, node)) {
            node = node == n0 ? n0 + 1 : n0;
        }
        return node;
    }
}
