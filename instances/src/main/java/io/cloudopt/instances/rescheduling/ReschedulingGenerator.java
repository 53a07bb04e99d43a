package io.cloudopt.instances.rescheduling;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Source;
import io.cloudopt.model.rescheduling.PmStatus;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingPm;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingVm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded synthetic rescheduling instances shaped like reset_vm_pm0 (problems/rescheduling.md §11):
 * PMs of 2 × (44 cores, 184388 MiB) in 10 racks, VMs drawn i.i.d. from the snapshot's (flavour,
 * NUMA count) mix and each put on a random feasible (PM, NUMA) until the CPU use reaches 94 %; a
 * drawn VM that fits nowhere is drawn again. The instance is kept when its initial fragment rate
 * lies in [0.50, 0.62], else the whole cluster is drawn again. The same options give the same
 * instance, byte for byte (commons-rng XO_RO_SHI_RO_128_PP).
 *
 * <p>The feasible (PM, NUMA) is drawn with weight √(used cores + 1) (a double-NUMA VM: the sum
 * over both nodes), not uniformly: a uniform choice spreads the free cores thinly, FR0 ≈ 0.75–0.90
 * at 279 PMs, so the window is never hit; weight 1 + used cores concentrates them too much (FR0 ≈
 * 0.33). The square root gives FR0 ≈ 0.50–0.65 (mean ≈ 0.57) at 279 PMs, as in the snapshot (0.598).
 */
public final class ReschedulingGenerator {
    public static final String GENERATOR = "cloudopt generate rescheduling";
    static final int NUMA_CPU_CORES = 44;
    static final long NUMA_MEMORY_MIB = 184_388;
    static final int RACKS = 10;
    static final double CPU_USE = 0.94;
    static final double MIN_FRAGMENT_RATE = 0.50;
    static final double MAX_FRAGMENT_RATE = 0.62;
    /** Clusters drawn before giving up on the fragment-rate window. */
    static final int MAX_ATTEMPTS = 1000;
    /** Consecutive VMs that fit nowhere before a cluster counts as full. */
    static final int MAX_MISSES = 1000;

    /** The reset_vm_pm0 mix: flavour, total cores, total MiB, NUMA count, VMs of that kind in the snapshot. */
    record Kind(String flavour, int cpuCores, long memoryMiB, int numaCount, int count) {
    }

    static final List<Kind> MIX = List.of(
            new Kind("large", 2, 4096, 1, 337),
            new Kind("xlarge", 4, 8192, 1, 906), new Kind("xlarge", 4, 8192, 2, 3),
            new Kind("2xlarge", 8, 16384, 1, 311), new Kind("2xlarge", 8, 16384, 2, 57),
            new Kind("4xlarge", 16, 32768, 1, 184), new Kind("4xlarge", 16, 32768, 2, 46),
            new Kind("8xlarge", 32, 65536, 1, 61), new Kind("8xlarge", 32, 65536, 2, 50),
            new Kind("16xlarge", 64, 131072, 2, 130),
            new Kind("22xlarge", 88, 180224, 2, 4));

    private ReschedulingGenerator() {
    }

    /**
     * @param seed          the random seed (recorded in {@code source.seed})
     * @param pms           the number of PMs (all ACTIVE)
     * @param maxMigrations k
     * @param fragmentCpuCores G
     */
    public record Options(long seed, int pms, int maxMigrations, int fragmentCpuCores) {
        public Options {
            if (pms < 1) {
                throw InputException.usage("--pms must be a positive integer (got " + pms + ")");
            }
            if (maxMigrations < 0) {
                throw InputException.usage("--max-migrations must be a non-negative integer (got " + maxMigrations
                        + ")");
            }
            if (fragmentCpuCores < 1) {
                throw InputException.usage("--fragment-cores must be a positive integer (got " + fragmentCpuCores
                        + ")");
            }
        }

        /** 279 PMs (the Medium shape), k = 50, G = 16. */
        public static Options of(long seed) {
            return new Options(seed, 279, 50, 16);
        }

        public Options withPms(int newPms) {
            return new Options(seed, newPms, maxMigrations, fragmentCpuCores);
        }

        public Options withMaxMigrations(int newMaxMigrations) {
            return new Options(seed, pms, newMaxMigrations, fragmentCpuCores);
        }
    }

    /** A generated instance; it has passed {@link Instances#revalidate}. */
    public static ReschedulingInstance generate(Options options) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
        int total = MIX.stream().mapToInt(Kind::count).sum();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Cluster cluster = fill(options, random, total);
            double rate = cluster.fragmentRate(options.fragmentCpuCores());
            if (rate >= MIN_FRAGMENT_RATE && rate <= MAX_FRAGMENT_RATE) {
                return instance(options, cluster, attempt, rate);
            }
        }
        throw InputException.usage("no cluster of " + options.pms() + " PMs with an initial fragment rate in ["
                + MIN_FRAGMENT_RATE + ", " + MAX_FRAGMENT_RATE + "] after " + MAX_ATTEMPTS + " draws (seed "
                + options.seed() + ")\nMaybe use more PMs; small clusters rarely land in the window.");
    }

    public static ReschedulingInstance generateTo(Options options, Path output) {
        ReschedulingInstance instance = generate(options);
        Instances.write(output, ReschedulingProblem.INSTANCE, instance);
        return instance;
    }

    /** Free cores and MiB per NUMA node (2p + n) and the VMs placed so far. */
    static final class Cluster {
        final int[] freeCpu;
        final long[] freeMemory;
        final List<ReschedulingVm> vms = new ArrayList<>();

        Cluster(int pms) {
            freeCpu = new int[2 * pms];
            freeMemory = new long[2 * pms];
            Arrays.fill(freeCpu, NUMA_CPU_CORES);
            Arrays.fill(freeMemory, NUMA_MEMORY_MIB);
        }

        long usedCpu() {
            long used = 0;
            for (int free : freeCpu) {
                used += NUMA_CPU_CORES - free;
            }
            return used;
        }

        double fragmentRate(int g) {
            long free = 0;
            long fragments = 0;
            for (int f : freeCpu) {
                free += f;
                fragments += f % g;
            }
            return free == 0 ? 0.0 : (double) fragments / free;
        }
    }

    static Cluster fill(Options options, UniformRandomProvider random, int total) {
        Cluster cluster = new Cluster(options.pms());
        long capacity = 2L * options.pms() * NUMA_CPU_CORES;
        int misses = 0;
        while (cluster.usedCpu() < CPU_USE * capacity && misses < MAX_MISSES) {
            Kind kind = draw(random, total);
            int share = kind.cpuCores() / kind.numaCount();
            long memory = kind.memoryMiB() / kind.numaCount();
            List<int[]> candidates = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int p = 0; p < options.pms(); p++) {
                if (kind.numaCount() == 2) {
                    if (fits(cluster, 2 * p, share, memory) && fits(cluster, 2 * p + 1, share, memory)) {
                        candidates.add(new int[] {p, -1});
                        weights.add(weight(cluster, 2 * p) + weight(cluster, 2 * p + 1));
                    }
                } else {
                    for (int n = 0; n < 2; n++) {
                        if (fits(cluster, 2 * p + n, share, memory)) {
                            candidates.add(new int[] {p, n});
                            weights.add(weight(cluster, 2 * p + n));
                        }
                    }
                }
            }
            if (candidates.isEmpty()) {
                misses++;
                continue;
            }
            misses = 0;
            double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
            double ticket = random.nextDouble() * sum;
            int pick = 0;
            while (pick < candidates.size() - 1 && (ticket -= weights.get(pick)) >= 0) {
                pick++;
            }
            int[] chosen = candidates.get(pick);
            List<ReschedulingVm.Share> shares = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                if (chosen[1] == n || chosen[1] < 0) {
                    cluster.freeCpu[2 * chosen[0] + n] -= share;
                    cluster.freeMemory[2 * chosen[0] + n] -= memory;
                    shares.add(new ReschedulingVm.Share(n, share, memory));
                }
            }
            cluster.vms.add(new ReschedulingVm("vm" + cluster.vms.size(), "ecs.c1." + kind.flavour(), "pm" + chosen[0],
                    shares, true));
        }
        return cluster;
    }

    /** √(used cores + 1): the pull of a node on the next VM. */
    private static double weight(Cluster cluster, int node) {
        return Math.sqrt(NUMA_CPU_CORES - cluster.freeCpu[node] + 1);
    }

    private static boolean fits(Cluster cluster, int node, int cpu, long memory) {
        return cluster.freeCpu[node] >= cpu && cluster.freeMemory[node] >= memory;
    }

    private static Kind draw(UniformRandomProvider random, int total) {
        int ticket = random.nextInt(total);
        for (Kind kind : MIX) {
            ticket -= kind.count();
            if (ticket < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("unreachable: ticket beyond the mix total " + total);
    }

    private static ReschedulingInstance instance(Options options, Cluster cluster, int attempt, double rate) {
        List<ReschedulingPm> pms = new ArrayList<>();
        ReschedulingPm.NumaCapacity numa = new ReschedulingPm.NumaCapacity(NUMA_CPU_CORES, NUMA_MEMORY_MIB);
        for (int p = 0; p < options.pms(); p++) {
            pms.add(new ReschedulingPm("pm" + p, PmStatus.ACTIVE, "rack" + p % RACKS, List.of(numa, numa)));
        }
        long capacity = 2L * options.pms() * NUMA_CPU_CORES;
        String name = String.format(Locale.ROOT, "rescheduling-gen-p%d-k%d-seed%d", options.pms(),
                options.maxMigrations(), options.seed());
        String description = String.format(Locale.ROOT, "Synthetic, reset_vm_pm0 flavour mix; achieved: %d VMs "
                        + "(%d double-NUMA), CPU use %.4f, FR0 %.6f, accepted at draw %d", cluster.vms.size(),
                cluster.vms.stream().filter(ReschedulingVm::isDouble).count(), (double) cluster.usedCpu() / capacity,
                rate, attempt);
        ReschedulingInstance instance = new ReschedulingInstance(name, description,
                new Source(null, null, GENERATOR, options.seed()), options.fragmentCpuCores(), options.maxMigrations(),
                true, pms, cluster.vms, List.of());
        return Instances.revalidate(ReschedulingProblem.INSTANCE, instance, name);
    }
}
