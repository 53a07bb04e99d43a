package io.cloudopt.instances.dvamp;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.DvampVm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded synthetic dvamp instances with the statistics of the Huawei-East-1 lifetime file
 * (problems/dvamp.md §11): the 15 VM types with their trace counts, inter-arrival times and
 * lifetimes drawn from quantile curves through the published quantiles. The same seed gives the
 * same instance, byte for byte (commons-rng XO_RO_SHI_RO_128_PP, stable across versions); the
 * achieved statistics are written into the description.
 */
public final class DvampGenerator {
    public static final String GENERATOR = "cloudopt generate dvamp";
    public static final int DEFAULT_PM_COUNT = 5;

    /** The VM types of the trace: cores, GiB, number of VMs of that type in the trace. */
    static final int[][] TYPES = {
            {1, 2, 53_934}, {1, 1, 25_447}, {2, 4, 14_918}, {4, 8, 9_360}, {1, 4, 3_339}, {2, 8, 2_273},
            {8, 16, 2_029}, {4, 16, 1_962}, {8, 32, 1_023}, {16, 32, 1_002}, {12, 24, 638}, {64, 128, 252},
            {32, 64, 131}, {24, 48, 3}, {48, 96, 2}};

    static final double ZERO_GAP_SHARE = 0.34;
    static final double TARGET_GAP_MEAN_SECONDS = 23.7;
    static final double TARGET_LIFETIME_MEAN_SECONDS = 17_192;
    static final long MAX_LIFETIME_SECONDS = 2_540_293;
    static final long[] LIFETIME_DECILES = {57, 71, 262, 1178, 2592, 3433, 5092, 9375, 20506};

    /**
     * Inter-arrival times: an atom of 34 % at 0 s (the batches of the test region), then log-linear
     * through the trace's quantiles P50 1 s, P75 26 s, P90 66 s, P99 241 s. The top 1 % is
     * log-linear from 241 s to a last value solved so that the mean is 23.7 s (about 370 s; the
     * test region's largest gap is 505 s).
     */
    static final QuantileCurve GAPS = new QuantileCurve(new double[] {ZERO_GAP_SHARE, 0.5, 0.75, 0.9, 0.99, 1.0},
            new double[] {1, 1, 26, 66, 241, 241}, 1.0, 1).solveLastKnot(TARGET_GAP_MEAN_SECONDS);

    /**
     * Lifetimes: log-linear between the deciles, from 1 s at u = 0 to 2,540,293 s at u = 1. Log-linear
     * all the way would give a mean of about 55,000 s, because the top decile alone (20,506 s to
     * 2.5·10⁶ s) would average about 523,000 s. We keep both ends of that decile (its lower end is
     * the 9th decile, its upper end the trace's maximum) and bend it in log space, Q = a·(b/a)^(s^γ),
     * with γ solved so that the overall mean is 17,192 s: most of the decile stays within a few
     * times the 9th decile, as in the trace, and a thin tail still reaches the maximum. A Pareto tail
     * would need a cut-off to honour the maximum; this shape has one parameter and a bounded
     * support.
     */
    static final QuantileCurve LIFETIMES = lifetimeCurve();

    private DvampGenerator() {
    }

    /**
     * @param seed               the random seed (recorded in {@code source.seed})
     * @param vmCount            n, the number of VMs
     * @param pmCount            m
     * @param semantics          spane or vmagent
     * @param episodePlacements  P, or null for the whole list (spane: placements n; vmagent: all)
     * @param cpuCoresPerNuma    C^cpu
     * @param memoryGiBPerNuma   C^mem
     * @param doubleThresholdGiB θ
     */
    public record Options(long seed, int vmCount, int pmCount, DvampSemantics semantics, Integer episodePlacements,
                          int cpuCoresPerNuma, int memoryGiBPerNuma, int doubleThresholdGiB) {
        public Options {
            semantics = semantics == null ? DvampSemantics.SPANE : semantics;
        }

        /** {@code vmCount} VMs on 5 PMs of 40 cores / 90 GiB per node, θ = 10, spane, the whole list. */
        public static Options of(long seed, int vmCount) {
            return new Options(seed, vmCount, DEFAULT_PM_COUNT, DvampSemantics.SPANE, null,
                    DvampInstance.DEFAULT_CPU_CORES_PER_NUMA, DvampInstance.DEFAULT_MEMORY_GIB_PER_NUMA,
                    DvampInstance.DEFAULT_DOUBLE_NUMA_THRESHOLD_GIB);
        }

        public Options withPmCount(int newPmCount) {
            return new Options(seed, vmCount, newPmCount, semantics, episodePlacements, cpuCoresPerNuma,
                    memoryGiBPerNuma, doubleThresholdGiB);
        }

        public Options withSemantics(DvampSemantics newSemantics) {
            return new Options(seed, vmCount, pmCount, newSemantics, episodePlacements, cpuCoresPerNuma,
                    memoryGiBPerNuma, doubleThresholdGiB);
        }

        public Options withEpisodePlacements(Integer newEpisodePlacements) {
            return new Options(seed, vmCount, pmCount, semantics, newEpisodePlacements, cpuCoresPerNuma,
                    memoryGiBPerNuma, doubleThresholdGiB);
        }

        public Options withCapacities(int newCpuCoresPerNuma, int newMemoryGiBPerNuma, int newDoubleThresholdGiB) {
            return new Options(seed, vmCount, pmCount, semantics, episodePlacements, newCpuCoresPerNuma,
                    newMemoryGiBPerNuma, newDoubleThresholdGiB);
        }
    }

    /** A generated instance; it has passed {@link Instances#revalidate}. */
    public static DvampInstance generate(Options options) {
        if (options.vmCount() < 1) {
            throw InputException.usage("--vms must be >= 1 (found " + options.vmCount() + ")");
        }
        if (options.episodePlacements() != null
                && (options.episodePlacements() < 1 || options.episodePlacements() > options.vmCount())) {
            throw InputException.usage("--placements must be in 1.." + options.vmCount() + " (found "
                    + options.episodePlacements() + ")");
        }
        DvampTrace trace = trace(options.seed(), options.vmCount());
        List<DvampVm> vms = new ArrayList<>(trace.rows());
        for (int j = 0; j < trace.rows(); j++) {
            vms.add(new DvampVm("v" + j, trace.cpuCores(j), trace.memoryGiB(j), trace.arrivalSeconds(j),
                    trace.lifetimeSeconds(j)));
        }
        DvampEpisode episode;
        if (options.episodePlacements() != null) {
            episode = DvampEpisode.placements(options.episodePlacements());
        } else if (options.semantics() == DvampSemantics.SPANE) {
            episode = DvampEpisode.placements(options.vmCount());
        } else {
            episode = DvampEpisode.all();
        }
        String name = String.format(Locale.ROOT, "dvamp-gen-n%d-m%d-seed%d", options.vmCount(), options.pmCount(),
                options.seed());
        String description = "Synthetic, Huawei-East-1 statistics; achieved: "
                + describe(trace, options.doubleThresholdGiB());
        DvampInstance instance = new DvampInstance(name, description, source(options), options.semantics(),
                options.pmCount(), options.cpuCoresPerNuma(), options.memoryGiBPerNuma(), options.doubleThresholdGiB(),
                true, episode, null, null, List.of(), vms);
        return Instances.revalidate(DvampProblem.INSTANCE, instance, name);
    }

    /** Generates and writes an instance atomically. */
    public static DvampInstance generateTo(Options options, Path output) {
        DvampInstance instance = generate(options);
        Instances.write(output, DvampProblem.INSTANCE, instance);
        return instance;
    }

    /**
     * The raw columns of {@code vmCount} generated VMs (arrivals from 0), e.g. for simulations
     * and statistics without building an instance.
     */
    public static DvampTrace trace(long seed, int vmCount) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        long[] cumulative = new long[TYPES.length];
        long total = 0;
        for (int t = 0; t < TYPES.length; t++) {
            total += TYPES[t][2];
            cumulative[t] = total;
        }
        int[] cpu = new int[vmCount];
        int[] mem = new int[vmCount];
        long[] at = new long[vmCount];
        long[] lt = new long[vmCount];
        long clock = 0;
        for (int j = 0; j < vmCount; j++) {
            long pick = random.nextLong(total);
            int type = 0;
            while (pick >= cumulative[type]) {
                type++;
            }
            cpu[j] = TYPES[type][0];
            mem[j] = TYPES[type][1];
            if (j > 0) {
                clock += GAPS.value(random.nextDouble());
            }
            at[j] = clock;
            lt[j] = LIFETIMES.value(random.nextDouble());
        }
        return new DvampTrace(cpu, mem, at, lt);
    }

    /** The achieved statistics of a trace, in the words of §11. */
    static String describe(DvampTrace trace, int doubleThresholdGiB) {
        int n = trace.rows();
        long[] gaps = new long[Math.max(0, n - 1)];
        long zeros = 0;
        for (int j = 1; j < n; j++) {
            gaps[j - 1] = trace.arrivalSeconds(j) - trace.arrivalSeconds(j - 1);
            zeros += gaps[j - 1] == 0 ? 1 : 0;
        }
        long[] lifetimes = new long[n];
        int doubles = 0;
        int[] typeCounts = new int[TYPES.length];
        for (int j = 0; j < n; j++) {
            lifetimes[j] = trace.lifetimeSeconds(j);
            doubles += trace.memoryGiB(j) > doubleThresholdGiB ? 1 : 0;
            for (int t = 0; t < TYPES.length; t++) {
                if (TYPES[t][0] == trace.cpuCores(j) && TYPES[t][1] == trace.memoryGiB(j)) {
                    typeCounts[t]++;
                }
            }
        }
        Arrays.sort(gaps);
        Arrays.sort(lifetimes);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d VMs, %d double (memory > %d GiB); types", n, doubles,
                doubleThresholdGiB));
        for (int t = 0; t < TYPES.length; t++) {
            if (typeCounts[t] > 0) {
                text.append(String.format(Locale.ROOT, " %dU%dG %d", TYPES[t][0], TYPES[t][1], typeCounts[t]));
            }
        }
        if (gaps.length > 0) {
            text.append(String.format(Locale.ROOT, "; inter-arrival mean %.1f s, %.1f %% zero, P50 %d s, P75 %d s, "
                            + "P90 %d s, P99 %d s", mean(gaps), 100.0 * zeros / gaps.length, quantile(gaps, 0.5),
                    quantile(gaps, 0.75), quantile(gaps, 0.9), quantile(gaps, 0.99)));
        }
        text.append(String.format(Locale.ROOT, "; lifetime mean %.0f s, min %d s, max %d s, deciles", mean(lifetimes),
                lifetimes[0], lifetimes[n - 1]));
        for (int d = 1; d <= 9; d++) {
            text.append(d == 1 ? " " : ", ").append(quantile(lifetimes, d / 10.0));
        }
        return text.append(" s").toString();
    }

    /** The empirical quantile sorted[⌊p·n⌋] of sorted values. */
    static long quantile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static QuantileCurve lifetimeCurve() {
        double[] u = new double[11];
        double[] q = new double[11];
        for (int k = 0; k <= 10; k++) {
            u[k] = k / 10.0;
        }
        q[0] = 1;
        for (int d = 0; d < LIFETIME_DECILES.length; d++) {
            q[d + 1] = LIFETIME_DECILES[d];
        }
        q[10] = MAX_LIFETIME_SECONDS;
        return new QuantileCurve(u, q, 1.0, 1).solveTailExponent(TARGET_LIFETIME_MEAN_SECONDS);
    }

    private static Source source(Options options) {
        String command = String.format(Locale.ROOT, "%s --seed %d --vms %d --pms %d --semantics %s%s"
                        + " --cpu-per-numa %d --mem-per-numa %d --double-threshold %d", GENERATOR, options.seed(),
                options.vmCount(), options.pmCount(), options.semantics().json(),
                options.episodePlacements() == null ? "" : " --placements " + options.episodePlacements(),
                options.cpuCoresPerNuma(), options.memoryGiBPerNuma(), options.doubleThresholdGiB());
        return new Source(null, null, command, options.seed());
    }
}
