package io.cloudopt.model.provisioning;

/**
 * The exit-share estimate of serflow (§9) and of the labels' {@code exitShareEst} (§10): ê_i starts at the
 * instance's e_i; at each update, with the requests that completed at each exit stage since the last one,
 * ê_i ← 0.8·ê_i + 0.2·(observed share of stage i). An update with no completion changes nothing.
 */
public final class ProvisioningExitShareEstimator {
    private final double[] shares;
    private final long[] lastExits;

    public ProvisioningExitShareEstimator(ProvisioningInstance instance) {
        int n = instance.stages().size();
        shares = new double[n];
        lastExits = new long[n];
        for (int i = 0; i < n; i++) {
            shares[i] = instance.stages().get(i).exitFraction();
        }
    }

    /** Feeds the completions per exit stage since the last update. */
    public void update(ProvisioningControl control) {
        long completed = 0;
        long[] window = new long[shares.length];
        for (int i = 0; i < shares.length; i++) {
            window[i] = control.exits(i) - lastExits[i];
            lastExits[i] = control.exits(i);
            completed += window[i];
        }
        if (completed > 0) {
            for (int i = 0; i < shares.length; i++) {
                shares[i] = 0.8 * shares[i] + 0.2 * window[i] / completed;
            }
        }
    }

    /** ê_i. */
    public double share(int stage) {
        return shares[stage];
    }
}
