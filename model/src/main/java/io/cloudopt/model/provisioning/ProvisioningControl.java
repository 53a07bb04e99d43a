package io.cloudopt.model.provisioning;

/**
 * What an online policy sees and does at an epoch (S11). Observations cover everything up to now:
 * arrivals per whole second, completed requests per exit stage, busy worker-seconds, ready and booting
 * VMs and queue lengths per pool. Actions take effect at once: routing holds until changed, launches
 * are billed from now (from −L^V at the t = 0 epoch, so that those VMs are ready at 0) and are ready
 * L^V later, terminations pick booting VMs first (S9).
 */
public interface ProvisioningControl {
    ProvisioningInstance instance();

    /** The epoch's time t in seconds. */
    double timeSeconds();

    /** Requests that arrived in second σ = [σ, σ + 1); σ + 1 ≤ t. */
    int arrivalsInSecond(int second);

    /** Requests that completed at exit stage {@code stage} (0-based) since the start. */
    long exits(int stage);

    /** Requests of stage {@code stage} diverted from a pool to FaaS since the start (S5 vmToFaasOverflow). */
    long overflow(int stage);

    /** Requests completed (exited) since the start. */
    long completed();

    /** Completed requests whose latency exceeded D. */
    long late();

    /** The integral over [0, t] of the pool's busy workers (draining VMs included), in worker-seconds. */
    double busyWorkerSeconds(int pool);

    /** Ready VMs of the pool that accept requests. */
    int readyVms(int pool);

    /** VMs of the pool launched and not yet ready. */
    int bootingVms(int pool);

    /** Requests waiting in the pool's FIFO queue. */
    int queueLength(int pool);

    /** Launches {@code count} VMs in the pool (nothing when count ≤ 0). */
    void launch(int pool, int count);

    /** Terminates up to {@code count} booting or ready VMs of the pool (S9 order); nothing when count ≤ 0. */
    void terminate(int pool, int count);

    /**
     * Sets the routing of stage {@code stage} (S5): the pool index (−1 = FaaS only, α and the cap are
     * then ignored), the share α sent to the pool, the per-second cap (null = none) and the FaaS memory.
     */
    void route(int stage, int pool, double vmFraction, Integer vmMaxPerSecond, int faasMemoryMiB);

    /** Asks for one more epoch at {@code timeSeconds} &gt; t (dropped at or after the horizon). */
    void wakeUpAt(double timeSeconds);
}
