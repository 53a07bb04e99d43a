package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.common.Source;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInitialVm;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampVm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tiny seeded dvamp instances for cross-checks: 1–2 PMs of 8 cores / 16 GiB per node, θ = 4 GiB
 * (about a third of the VMs are double), 3–6 VMs arriving within 20 s and living 1–30 s, so they
 * queue; every third seed starts in a running cluster (initial VMs, clock 10 s).
 */
final class DvampTinyInstances {
    static final int CPU_PER_NUMA = 8;
    static final int MEMORY_PER_NUMA = 16;
    static final int THRESHOLD_GIB = 4;

    private DvampTinyInstances() {
    }

    /** The worked example of problems/dvamp.md §3 (optimum 380, LB_pool 150). */
    static DvampInstance example() {
        return DvampTestInstances.example();
    }

    static DvampInstance random(long seed, int maxVms) {
        SplittableRandom random = new SplittableRandom(seed);
        int pms = 1 + random.nextInt(2);
        int n = 3 + random.nextInt(maxVms - 2);
        boolean warm = seed % 3 == 0;
        long clock = warm ? 10 : 0;
        List<DvampInitialVm> initial = new ArrayList<>();
        if (warm) {
            long[] cpu = new long[2 * pms];
            long[] mem = new long[2 * pms];
            for (int g = 0; g < 3; g++) {
                int cores = 1 + random.nextInt(CPU_PER_NUMA);
                int memory = 1 + random.nextInt(2 * MEMORY_PER_NUMA);
                boolean isDouble = memory > THRESHOLD_GIB;
                int pm = random.nextInt(pms);
                int numa = random.nextInt(2);
                int first = isDouble ? 2 * pm : 2 * pm + numa;
                int last = isDouble ? first + 1 : first;
                long cpuHalf = isDouble ? cores : 2L * cores;
                long memHalf = isDouble ? memory : 2L * memory;
                boolean fits = true;
                for (int node = first; node <= last; node++) {
                    fits &= cpu[node] + cpuHalf <= 2 * CPU_PER_NUMA && mem[node] + memHalf <= 2 * MEMORY_PER_NUMA;
                }
                if (!fits) {
                    continue;
                }
                for (int node = first; node <= last; node++) {
                    cpu[node] += cpuHalf;
                    mem[node] += memHalf;
                }
                initial.add(new DvampInitialVm("i" + g, cores, memory, pm, isDouble ? null : numa,
                        clock + 1 + random.nextInt(25)));
            }
        }
        List<DvampVm> vms = new ArrayList<>();
        long arrival = 0;
        for (int j = 0; j < n; j++) {
            arrival += random.nextInt(6);
            boolean isDouble = random.nextInt(3) == 0;
            int memory = isDouble ? THRESHOLD_GIB + 1 + random.nextInt(2 * MEMORY_PER_NUMA - THRESHOLD_GIB)
                    : 1 + random.nextInt(THRESHOLD_GIB);
            int cores = 1 + random.nextInt(isDouble ? 2 * CPU_PER_NUMA : CPU_PER_NUMA);
            vms.add(new DvampVm("v" + j, cores, memory, arrival, 1 + random.nextInt(30)));
        }
        return new DvampInstance("tiny-" + seed, "", Source.NONE, DvampSemantics.SPANE, pms, CPU_PER_NUMA,
                MEMORY_PER_NUMA, THRESHOLD_GIB, true, DvampEpisode.placements(n), null, warm ? clock : null, initial,
                vms);
    }

    /** The same VMs under vmagent semantics (starting empty, as I9 requires). */
    static DvampInstance vmagent(long seed, int maxVms, boolean departures) {
        DvampInstance spane = random(seed, maxVms);
        return new DvampInstance(spane.name() + "-vmagent", "", Source.NONE, DvampSemantics.VMAGENT,
                spane.pmCount(), spane.cpuCoresPerNuma(), spane.memoryGiBPerNuma(), spane.doubleNumaThresholdGiB(),
                departures, DvampEpisode.all(), null, null, List.of(), spane.vms());
    }
}
