package io.cloudopt.model.provisioning;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The seeded request stream of problems/provisioning.md S1–S4. The root {@code SplittableRandom(seed)}
 * is split, in this order, into the arrivals, bursts, exits, service-times and FaaS cold-start
 * streams. Second σ (0 ≤ σ &lt; T) first steps the burst chain (not at σ = 0), then draws its count
 * c_σ ~ Poisson(λ_σ β_σ) with commons-rng's {@link PoissonSampler} reading the arrivals stream through
 * {@code nextLong()}, then c_σ uniform offsets from the same stream; the times are sorted. A request
 * draws u_exit from the exits stream, then X_1..X_N from the service-times stream. Lognormal X uses
 * {@code nextGaussian()} of the service stream; Pareto X = x_m·U^(−1/a) with U = 1 − nextDouble().
 */
public final class ProvisioningRequestStream implements ProvisioningRequests {
    private final int horizonSeconds;
    private final double[] ratePerSecond;
    private final ProvisioningInstance.Burst burst;
    private final SplittableRandom arrivals;
    private final SplittableRandom bursts;
    private final SplittableRandom exits;
    private final SplittableRandom service;
    private final UniformRandomProvider arrivalsProvider;
    private final double[] exitCumulative;
    private final boolean[] lognormal;
    private final double[] muLn;
    private final double[] sigmaLn;
    private final double[] paretoScaleMs;
    private final double[] paretoInverseShape;

    private int nextSecond;
    private boolean inBurst;
    private double[] times = new double[256];
    private int timeCount;
    private int timeNext;
    private long burstSeconds;

    public ProvisioningRequestStream(ProvisioningInstance instance, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        this.arrivals = root.split();
        this.bursts = root.split();
        this.exits = root.split();
        this.service = root.split();
        this.arrivalsProvider = arrivals::nextLong;
        this.horizonSeconds = instance.horizonSeconds();
        this.burst = instance.arrivals().burst();
        this.ratePerSecond = new double[horizonSeconds];
        for (int second = 0; second < horizonSeconds; second++) {
            ratePerSecond[second] = instance.arrivals().ratePerSecond(second);
        }
        int n = instance.stages().size();
        exitCumulative = new double[n];
        lognormal = new boolean[n];
        muLn = new double[n];
        sigmaLn = new double[n];
        paretoScaleMs = new double[n];
        paretoInverseShape = new double[n];
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            ProvisioningInstance.Stage stage = instance.stages().get(i);
            cumulative += stage.exitFraction();
            exitCumulative[i] = i == n - 1 ? Double.POSITIVE_INFINITY : cumulative;
            ProvisioningInstance.ServiceDistribution law = stage.serviceDistribution();
            if (law.isLognormal()) {
                lognormal[i] = true;
                sigmaLn[i] = law.sigmaLn();
                muLn[i] = Math.log(stage.serviceMeanMs()) - sigmaLn[i] * sigmaLn[i] / 2;
            } else {
                double shape = law.shape();
                paretoScaleMs[i] = stage.serviceMeanMs() * (shape - 1) / shape;
                paretoInverseShape[i] = 1 / shape;
            }
        }
        fill();
    }

    @Override
    public double peekArrivalSeconds() {
        return timeNext < timeCount ? times[timeNext] : Double.POSITIVE_INFINITY;
    }

    @Override
    public int take(double[] serviceMs, int offset) {
        timeNext++;
        if (timeNext == timeCount) {
            fill();
        }
        double u = exits.nextDouble();
        int exit = 0;
        while (!(u < exitCumulative[exit])) {
            exit++;
        }
        for (int i = 0; i < lognormal.length; i++) {
            serviceMs[offset + i] = lognormal[i] ? Math.exp(muLn[i] + sigmaLn[i] * service.nextGaussian())
                    : paretoScaleMs[i] * Math.pow(1 - service.nextDouble(), -paretoInverseShape[i]);
        }
        return exit;
    }

    /** Seconds spent in the burst state among those generated so far. */
    public long burstSeconds() {
        return burstSeconds;
    }

    /** Generates seconds until one has arrivals or the horizon ends. */
    private void fill() {
        timeCount = 0;
        timeNext = 0;
        while (timeCount == 0 && nextSecond < horizonSeconds) {
            int second = nextSecond++;
            double factor = 1;
            if (burst != null) {
                if (second > 0) {
                    double step = bursts.nextDouble();
                    inBurst = inBurst ? !(step < 1 / burst.meanDurationSeconds()) : step < 1 / burst.meanGapSeconds();
                }
                if (inBurst) {
                    factor = burst.factor();
                    burstSeconds++;
                }
            }
            double mean = ratePerSecond[second] * factor;
            int count = mean > 0 ? PoissonSampler.of(arrivalsProvider, mean).sample() : 0;
            if (count > times.length) {
                times = new double[Math.max(count, 2 * times.length)];
            }
            for (int k = 0; k < count; k++) {
                times[k] = second + arrivals.nextDouble();
            }
            Arrays.sort(times, 0, count);
            timeCount = count;
        }
    }
}
