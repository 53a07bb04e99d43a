package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingState;
import java.util.Arrays;

/**
 * Combinatorial lower bounds on the final fragment cores Σ(f mod G) of problems/rescheduling.md §9:
 * (a) congruence, (b) the touch bound (default flip rule: per NUMA; flips free: per PM), and a
 * net-gain bound [ours]: one counted move raises the free slots by at most 1 (single-NUMA VM whose
 * share is not a multiple of G) or 2 (such a double-NUMA VM), and never when the share is a
 * multiple of G; valid under the default flip rule only.
 */
public final class ReschedulingBounds {
    private ReschedulingBounds() {
    }

    /** (a) Σ(f mod G) ≡ F (mod G) and ≥ 0, so it is at least F mod G. */
    public static long congruence(ReschedulingState state) {
        return Math.floorMod(state.freeCores(), state.fragmentCpuCores());
    }

    /** (b) The touch bound for {@code k} counted migrations, by the instance's flip rule. */
    public static long touch(ReschedulingState state, int k) {
        int g = state.fragmentCpuCores();
        int active = 0;
        for (int p = 0; p < state.pmCount(); p++) {
            active += state.isActive(p) ? 1 : 0;
        }
        boolean flipsCounted = state.instance().numaFlipCountsAsMigration();
        long[] terms = new long[flipsCounted ? 2 * active : active];
        int i = 0;
        for (int p = 0; p < state.pmCount(); p++) {
            if (!state.isActive(p)) {
                continue;
            }
            if (flipsCounted) {
                terms[i++] = Math.floorMod(state.freeCpu(p, 0), g);
                terms[i++] = Math.floorMod(state.freeCpu(p, 1), g);
            } else {
                terms[i++] = Math.floorMod(state.freeCpu(p, 0) + state.freeCpu(p, 1), g);
            }
        }
        // A counted step touches at most 4 NUMAs (or 2 PMs); the untouched ones keep their terms.
        long touched = (long) k * (flipsCounted ? 4 : 2);
        Arrays.sort(terms);
        long kept = 0;
        for (int j = 0; j < terms.length - Math.min(touched, terms.length); j++) {
            kept += terms[j];
        }
        return raise(kept, state);
    }

    /** The net-gain bound (default flip rule; 0 otherwise, i.e. no information beyond congruence). */
    public static long netGain(ReschedulingState state, int k) {
        if (!state.instance().numaFlipCountsAsMigration()) {
            return congruence(state);
        }
        int g = state.fragmentCpuCores();
        int perMove = 0;
        for (int v = 0; v < state.vmCount(); v++) {
            if (state.isMovable(v) && state.cpuShare(v) % g != 0) {
                perMove = Math.max(perMove, state.isDouble(v) ? 2 : 1);
            }
        }
        return raise(state.totalFragments() - (long) g * perMove * k, state);
    }

    /** The best of the combinatorial bounds on the final fragment cores with k counted migrations. */
    public static long fragments(ReschedulingState state, int k) {
        return Math.max(congruence(state), Math.max(touch(state, k), netGain(state, k)));
    }

    /** The same bound as a fragment rate of {@code instance} at its own k. */
    public static double fragmentRate(ReschedulingInstance instance) {
        ReschedulingState state = ReschedulingState.initial(instance);
        return rate(fragments(state, instance.maxMigrations()), state.freeCores());
    }

    /** FR of a fragment count: fragments / F, 0 when F = 0. */
    static double rate(long fragments, long freeCores) {
        return freeCores == 0 ? 0.0 : (double) fragments / freeCores;
    }

    /** The smallest value ≥ max(value, 0) that is ≡ F (mod G). */
    static long raise(long value, ReschedulingState state) {
        int g = state.fragmentCpuCores();
        long residue = congruence(state);
        long base = Math.max(value, 0);
        return base + Math.floorMod(residue - base, g);
    }
}
