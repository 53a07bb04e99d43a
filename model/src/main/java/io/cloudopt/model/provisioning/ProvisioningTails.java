package io.cloudopt.model.provisioning;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * The closed-form tables of problems/provisioning.md §6, §7 and §12 that need no solver: service-time
 * laws (Commons Math), the expected billed FaaS duration and cost per invocation c^F_i(m), the T-CIP
 * break-even rate, and the M/G/c waiting-time tail (Erlang-B recursion, Erlang-C, Allen–Cunneen).
 */
public final class ProvisioningTails {
    /** The billed-duration series E⌈Y⌉_g = g·Σ_{q≥0} P(Y &gt; q·g) stops once a term is below this. */
    static final double SERIES_STOP = 1e-15;

    private ProvisioningTails() {
    }

    /** The law of the stage's full-speed service time X_i in ms, scaled by {@code factor} (f_m X_i). */
    public static RealDistribution serviceMs(ProvisioningInstance.Stage stage, double factor) {
        ProvisioningInstance.ServiceDistribution law = stage.serviceDistribution();
        if (law.isLognormal()) {
            double sigma = law.sigmaLn();
            double mu = Math.log(stage.serviceMeanMs()) - sigma * sigma / 2 + Math.log(factor);
            return new LogNormalDistribution(null, mu, sigma);
        }
        double shape = law.shape();
        return new ParetoDistribution(null, factor * stage.serviceMeanMs() * (shape - 1) / shape, shape);
    }

    /** Squared coefficient of variation of X_i: e^{σ²} − 1 (lognormal) or 1/(a(a − 2)) (Pareto). */
    public static double scv(ProvisioningInstance.ServiceDistribution law) {
        if (law.isLognormal()) {
            return Math.expm1(law.sigmaLn() * law.sigmaLn());
        }
        return 1 / (law.shape() * (law.shape() - 2));
    }

    /** E⌈Y⌉_g in ms for Y = f_m X_i: g·Σ_{q≥0} P(Y &gt; q·g), summed until a term is below 1e-15. */
    public static double expectedBilledMs(ProvisioningInstance.Stage stage, double slowdown,
                                          double granularityMs) {
        RealDistribution duration = serviceMs(stage, slowdown);
        double sum = 0;
        for (long q = 0; ; q++) {
            double term = 1 - duration.cumulativeProbability(q * granularityMs);
            if (term < SERIES_STOP) {
                return granularityMs * sum;
            }
            sum += term;
        }
    }

    /** c^F_i(m) = π_req + π_GB·(m/1024)·E⌈f_m X_i⌉_g/1000 USD per invocation (§6). */
    public static double faasUsdPerInvocation(ProvisioningInstance instance, int stage, int memoryMiB) {
        ProvisioningInstance.Faas faas = instance.faas();
        double billedMs = expectedBilledMs(instance.stages().get(stage), faas.slowdown(memoryMiB),
                faas.billingGranularityMs());
        return faas.usdPerMillionRequests() / 1e6 + faas.usdPerGbSecond() * memoryMiB / 1024 * billedMs / 1000;
    }

    /** The FaaS price of an invocation on the plain mean, no rounding: π_req + π_GB·(m/1024)·s_i f_m/1000. */
    public static double faasUsdPerInvocationPlainMean(ProvisioningInstance instance, int stage, int memoryMiB) {
        ProvisioningInstance.Faas faas = instance.faas();
        double meanMs = instance.stages().get(stage).serviceMeanMs() * faas.slowdown(memoryMiB);
        return faas.usdPerMillionRequests() / 1e6 + faas.usdPerGbSecond() * memoryMiB / 1024 * meanMs / 1000;
    }

    /**
     * The T-CIP break-even rate λ*_i (stage requests per second) at which a VM of {@code vmType} costs
     * as much per second as FaaS at {@code memoryMiB}: (p_k/3600)/(plain-mean FaaS price).
     */
    public static double breakEvenPerSecond(ProvisioningInstance instance, int stage, int memoryMiB, int vmType) {
        return instance.vmTypes().get(vmType).usdPerHour() / 3600
                / faasUsdPerInvocationPlainMean(instance, stage, memoryMiB);
    }

    /** Erlang-B by the recursion B_0 = 1, B_j = a·B_{j−1}/(j + a·B_{j−1}). */
    public static double erlangB(int servers, double offeredLoad) {
        if (servers < 0 || !(offeredLoad >= 0)) {
            throw new IllegalArgumentException("The servers (" + servers + ") and offered load (" + offeredLoad
                    + ") of Erlang-B must be non-negative.");
        }
        double b = 1;
        for (int j = 1; j <= servers; j++) {
            b = offeredLoad * b / (j + offeredLoad * b);
        }
        return b;
    }

    /** Erlang-C C = B_c/(1 − (a/c)(1 − B_c)), the probability of waiting in M/M/c; needs a &lt; c. */
    public static double erlangC(int servers, double offeredLoad) {
        if (servers < 1 || !(offeredLoad < servers)) {
            throw new IllegalArgumentException("The offered load (" + offeredLoad + ") of Erlang-C must be below "
                    + "the servers (" + servers + ").\nMaybe the pool is unstable; check ρ < 1 first.");
        }
        double b = erlangB(servers, offeredLoad);
        return b / (1 - offeredLoad / servers * (1 - b));
    }

    /**
     * The decay rate θ = (cμ − λ)/κ per second of the Allen–Cunneen M/G/c wait tail, with
     * λ = a·μ and κ = (1 + SCV)/2.
     */
    public static double waitDecayPerSecond(int servers, double offeredLoad, double serviceRatePerSecond,
                                            double scv) {
        return (servers - offeredLoad) * serviceRatePerSecond / ((1 + scv) / 2);
    }

    /** P(W &gt; t) = C·exp(−θt) for an M/G/c pool (Allen–Cunneen). */
    public static double waitTail(int servers, double offeredLoad, double serviceRatePerSecond, double scv,
                                  double waitSeconds) {
        return erlangC(servers, offeredLoad)
                * Math.exp(-waitDecayPerSecond(servers, offeredLoad, serviceRatePerSecond, scv) * waitSeconds);
    }
}
