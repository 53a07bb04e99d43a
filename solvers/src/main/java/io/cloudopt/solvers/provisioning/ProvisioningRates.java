package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningRequestStream;
import java.util.Arrays;

/**
 * Per-period arrival rates (req/s) of an instance: the expected profile λ̄_t and the realised rates of
 * a seeded request stream.
 */
public final class ProvisioningRates {
    private ProvisioningRates() {
    }

    /**
     * E[β]: the stationary mean of the S2 burst multiplier, 1 + (factor − 1)·d/(d + g) with d, g the
     * mean burst duration and gap (1.1 on the reference: 50·1.1 = 55/s, §11).
     */
    public static double burstMultiplier(ProvisioningInstance instance) {
        ProvisioningInstance.Burst burst = instance.arrivals().burst();
        if (burst == null) {
            return 1;
        }
        return 1 + (burst.factor() - 1) * burst.meanDurationSeconds()
                / (burst.meanDurationSeconds() + burst.meanGapSeconds());
    }

    /** λ̄_t: the mean over the period's seconds of λ_σ (S2) times the stationary burst multiplier. */
    public static double[] expected(ProvisioningInstance instance) {
        int periods = instance.periodCount();
        int length = instance.periodSeconds();
        double multiplier = burstMultiplier(instance);
        double[] rates = new double[periods];
        for (int t = 0; t < periods; t++) {
            double sum = 0;
            for (int s = 0; s < length; s++) {
                sum += instance.arrivals().ratePerSecond(t * length + s);
            }
            rates[t] = sum / length * multiplier;
        }
        return rates;
    }

    /** The realised rate of every period: its arrival count in the seeded stream (S1–S2) / H. */
    public static double[] realised(ProvisioningInstance instance, long seed) {
        ProvisioningRequestStream stream = new ProvisioningRequestStream(instance, seed);
        int periods = instance.periodCount();
        long[] counts = new long[periods];
        double[] serviceMs = new double[instance.stages().size()];
        double next;
        while ((next = stream.peekArrivalSeconds()) != Double.POSITIVE_INFINITY) {
            stream.take(serviceMs, 0);
            counts[Math.min(periods - 1, (int) (next / instance.periodSeconds()))]++;
        }
        double[] rates = new double[periods];
        for (int t = 0; t < periods; t++) {
            rates[t] = (double) counts[t] / instance.periodSeconds();
        }
        return rates;
    }

    /**
     * The rolling forecast's correction at period t (§7): clamp(obs_{t−1}/λ̄_{t−1}, 0.5, 2), with 1 at t = 0
     * (or when λ̄_{t−1} = 0); λ̂_{t+h} = λ̄_{t+h} times this factor.
     */
    public static double forecastFactor(double[] expected, double[] realised, int t) {
        return t == 0 || expected[t - 1] <= 0 ? 1 : Math.max(0.5, Math.min(2, realised[t - 1] / expected[t - 1]));
    }

    /** The nearest-rank quantile: element ⌈q·n⌉ − 1 of the sorted values. */
    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    public static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
