package io.cloudopt.model.dvamp;

/**
 * {@code wf}: maximise the post-placement score — single VM: the node's score after placing; double
 * VM: the smaller of its two nodes' scores after placing. Ties to the lowest index. (VMAgent's
 * "BestFit" with its double-VM node read fixed.)
 */
public final class DvampWorstFitPolicy implements DvampPolicy {
    @Override
    public String name() {
        return "wf";
    }

    @Override
    public int choose(DvampState state, int vm) {
        int cpu = state.workload.cpuNeedHalf(vm);
        int mem = state.workload.memoryNeedHalf(vm);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        if (state.workload.isDouble(vm)) {
            for (int pm = 0, pms = state.nodeCount / 2; pm < pms; pm++) {
                if (state.fitsPm(vm, pm)) {
                    double score = Math.min(after(state, 2 * pm, cpu, mem), after(state, 2 * pm + 1, cpu, mem));
                    if (score > bestScore) {
                        bestScore = score;
                        best = 2 * pm;
                    }
                }
            }
        } else {
            for (int node = 0; node < state.nodeCount; node++) {
                if (state.fitsNode(vm, node)) {
                    double score = after(state, node, cpu, mem);
                    if (score > bestScore) {
                        bestScore = score;
                        best = node;
                    }
                }
            }
        }
        return best;
    }

    private static double after(DvampState state, int node, int cpuHalf, int memoryHalf) {
        return Math.min((double) (state.remainingCpuHalf[node] - cpuHalf) / state.cpuCapacityHalf,
                (double) (state.remainingMemoryHalf[node] - memoryHalf) / state.memoryCapacityHalf);
    }
}
