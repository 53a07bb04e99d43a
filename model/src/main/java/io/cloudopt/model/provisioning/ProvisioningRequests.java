package io.cloudopt.model.provisioning;

/**
 * The requests a simulator run serves, in arrival order: arrival time, exit stage and the full-speed
 * service time of every stage. {@link ProvisioningRequestStream} draws them as S1–S4 prescribe; a test
 * may script them.
 */
public interface ProvisioningRequests {
    /** The arrival time (s) of the next request, or {@code +∞} when there is none. */
    double peekArrivalSeconds();

    /**
     * Consumes the next request: returns its exit stage (0-based, it runs stages 0..exit) and writes
     * the full-speed service times in ms of all N stages to {@code serviceMs[offset..offset+N)}.
     */
    int take(double[] serviceMs, int offset);
}
