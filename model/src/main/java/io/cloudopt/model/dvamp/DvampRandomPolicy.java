package io.cloudopt.model.dvamp;

import java.util.SplittableRandom;

/** {@code random}: uniform over the canonical feasible actions, {@code SplittableRandom(seed + episode)}. */
public final class DvampRandomPolicy implements DvampPolicy {
    private final long seed;
    private SplittableRandom random;

    public DvampRandomPolicy(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public void beginEpisode(DvampWorkload workload, int episode) {
        random = new SplittableRandom(seed + episode);
    }

    @Override
    public int choose(DvampState state, int vm) {
        int[] actions = state.feasibleActions(vm);
        return actions.length == 0 ? -1 : actions[random.nextInt(actions.length)];
    }
}
