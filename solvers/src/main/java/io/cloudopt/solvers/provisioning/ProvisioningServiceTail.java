package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningTails;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * The law of the full-speed service sums S_j = Σ_{i≤j} X_i on a grid (problems/provisioning.md §7,
 * "shared service term"): each X_i is discretised with step h (0.1 ms) by CDF differences, bin q holding
 * the mass of (qh, (q+1)h]; the bins of a sum of j variables add their indices, and the sum is read at
 * its upper grid point: P(S_j ≤ x) = Σ_{q ≤ x/h − 1} pmf_{S_j}[q]. This is the convention that gives
 * the §12 golden G(B) to the printed digits; it reads a sum of j ≥ 2 variables at most (j − 1)·h below
 * its true upper end (0.2 ms for three stages). The sums are convolved directly (the exact discrete
 * convolution, which an FFT would only approximate up to rounding), truncated at {@code maxMs}: only
 * P(S_j ≤ x) for x ≤ maxMs is needed, and the truncation drops no mass below maxMs.
 */
public final class ProvisioningServiceTail {
    /** The grid step of §7 and §12. */
    public static final double STEP_MS = 0.1;

    private final double stepMs;
    private final double[] exitFraction;
    /** cdf[j][q] = Σ_{q' ≤ q} pmf_{S_j}[q'], q = 0..size−1: P(S_j ≤ (q+1)·h) read at the upper grid point. */
    private final double[][] cdf;

    private ProvisioningServiceTail(double stepMs, double[] exitFraction, double[][] cdf) {
        this.stepMs = stepMs;
        this.exitFraction = exitFraction;
        this.cdf = cdf;
    }

    /** The sums' laws on the grid 0, h, …, maxMs. */
    public static ProvisioningServiceTail of(ProvisioningInstance instance, double stepMs, double maxMs) {
        int size = (int) Math.floor(maxMs / stepMs + 1e-9) + 1;
        int n = instance.stages().size();
        double[] exits = new double[n];
        double[][] cdf = new double[n][];
        double[] sum = null;
        for (int i = 0; i < n; i++) {
            exits[i] = instance.stages().get(i).exitFraction();
            double[] pmf = binPmf(ProvisioningTails.serviceMs(instance.stages().get(i), 1.0), stepMs, size);
            sum = sum == null ? pmf : convolve(sum, pmf);
            cdf[i] = cumulative(sum);
        }
        return new ProvisioningServiceTail(stepMs, exits, cdf);
    }

    /** Bin q = P(X ∈ (qh, (q+1)h]) for q = 0..size−1, from CDF differences (X &gt; 0). */
    static double[] binPmf(RealDistribution law, double stepMs, int size) {
        double[] pmf = new double[size];
        double previous = law.cumulativeProbability(0);
        for (int q = 0; q < size; q++) {
            double current = law.cumulativeProbability((q + 1) * stepMs);
            pmf[q] = current - previous;
            previous = current;
        }
        return pmf;
    }

    private static double[] convolve(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int x = 0; x < a.length; x++) {
            double ax = a[x];
            if (ax == 0) {
                continue;
            }
            for (int y = 0; x + y < c.length; y++) {
                c[x + y] += ax * b[y];
            }
        }
        return c;
    }

    private static double[] cumulative(double[] pmf) {
        double[] cdf = new double[pmf.length];
        double running = 0;
        for (int q = 0; q < pmf.length; q++) {
            running += pmf[q];
            cdf[q] = running;
        }
        return cdf;
    }

    /** P(S_j &gt; x) for stage index j (0-based, S_j sums stages 0..j); 1 for x &lt; 0; needs x ≤ maxMs. */
    public double survival(int stage, double xMs) {
        if (xMs < 0) {
            return 1;
        }
        int q = (int) Math.floor(xMs / stepMs + 1e-9) - 1;
        if (q < 0) {
            return 1;
        }
        if (q >= cdf[stage].length) {
            throw new IllegalArgumentException("The latency (" + xMs + " ms) is beyond the grid's end ("
                    + maxMs() + " ms).");
        }
        return Math.max(0, 1 - cdf[stage][q]);
    }

    /** Σ_j e_j·P(S_j + hopMs[j] &gt; x): the latency tail when stage j's exit adds the delays hopMs[j]. */
    public double exitWeightedSurvival(double xMs, double[] hopMs) {
        double tail = 0;
        for (int j = 0; j < exitFraction.length; j++) {
            tail += exitFraction[j] * survival(j, xMs - hopMs[j]);
        }
        return tail;
    }

    /** The shared service term G(B) = Σ_j e_j·P(S_j &gt; D − B) (§7). */
    public double sharedTerm(double latencyMs, double budgetMs) {
        return exitWeightedSurvival(latencyMs - budgetMs, new double[exitFraction.length]);
    }

    /** The grid's end in ms. */
    public double maxMs() {
        return cdf[0].length * stepMs;
    }
}
