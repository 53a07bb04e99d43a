package io.cloudopt.model.dvamp;

/**
 * An online placement rule: given the cluster state and the head VM of the queue, the canonical
 * action 2i + k to execute (2i for a double VM). The simulator calls it only when the head VM fits
 * somewhere, and rejects an infeasible answer.
 */
public interface DvampPolicy {
    /** The name used on the command line ({@code --policy NAME}). */
    String name();

    /** The canonical action for VM {@code vm} (index in the workload) in {@code state}. */
    int choose(DvampState state, int vm);

    /** Called before each episode; {@code episode} numbers runs for per-episode seeding. */
    default void beginEpisode(DvampWorkload workload, int episode) {
    }
}
