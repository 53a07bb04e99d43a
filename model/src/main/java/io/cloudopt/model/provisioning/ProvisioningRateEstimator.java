package io.cloudopt.model.provisioning;

/**
 * The arrival-rate estimator shared by libra and serflow (§9, LIBRA's {@code manager.py}): for each
 * second with x arrivals, mean ← 0.8·mean + 0.2·x, then dev ← 0.8·dev + 0.2·|mean − x| with the
 * updated mean. Both start at 0.
 */
public final class ProvisioningRateEstimator {
    private double mean;
    private double dev;
    private int nextSecond;

    /** Feeds one second with {@code arrivals} requests. */
    public void observe(double arrivals) {
        mean = 0.8 * mean + 0.2 * arrivals;
        dev = 0.8 * dev + 0.2 * Math.abs(mean - arrivals);
        nextSecond++;
    }

    /** Feeds every whole second that ended by the epoch and was not fed yet. */
    public void catchUp(ProvisioningControl control) {
        int end = (int) Math.floor(control.timeSeconds());
        while (nextSecond < end) {
            observe(control.arrivalsInSecond(nextSecond));
        }
    }

    /** The estimated mean arrivals per second. */
    public double mean() {
        return mean;
    }

    /** The estimated deviation of arrivals per second. */
    public double dev() {
        return dev;
    }
}
