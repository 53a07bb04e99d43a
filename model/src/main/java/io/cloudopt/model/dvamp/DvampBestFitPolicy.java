package io.cloudopt.model.dvamp;

/**
 * {@code bf}: tightest fit on the pre-placement state. Single VM: argmin s_ik over feasible nodes;
 * double VM: argmin over feasible PMs of s_i0 + s_i1. Ties to the lowest index.
 */
public final class DvampBestFitPolicy implements DvampPolicy {
    @Override
    public String name() {
        return "bf";
    }

    @Override
    public int choose(DvampState state, int vm) {
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        if (state.workload.isDouble(vm)) {
            for (int pm = 0, pms = state.nodeCount / 2; pm < pms; pm++) {
                if (state.fitsPm(vm, pm)) {
                    double score = state.score(2 * pm) + state.score(2 * pm + 1);
                    if (score < bestScore) {
                        bestScore = score;
                        best = 2 * pm;
                    }
                }
            }
        } else {
            for (int node = 0; node < state.nodeCount; node++) {
                if (state.fitsNode(vm, node)) {
                    double score = state.score(node);
                    if (score < bestScore) {
                        bestScore = score;
                        best = node;
                    }
                }
            }
        }
        return best;
    }
}
