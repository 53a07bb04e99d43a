package io.cloudopt.model.rescheduling;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement of every VM and the free capacity per NUMA node (node 2p + n), on primitive arrays
 * built once from an instance (problems/rescheduling.md §5.1). A NUMA set is a bit mask: 1 = NUMA 0,
 * 2 = NUMA 1, 3 = both. Mutable; {@link #copy()} for a snapshot.
 */
public final class ReschedulingState {
    /** The instance's constants, shared by every copy. */
    static final class Layout {
        final ReschedulingInstance instance;
        final int pmCount;
        final int vmCount;
        final int fragment;
        final boolean[] active;
        final int[] rack;
        final int[] capacityCpu;
        final long[] capacityMemory;
        final int[] cpuShare;
        final long[] memoryShare;
        final boolean[] isDouble;
        final boolean[] allowMigration;
        final int[] initialHost;
        final int[] initialMask;
        final int[][] groupsOf;
        final boolean[] groupIsRack;
        final int groupCount;
        final int rackCount;
        final Map<String, Integer> pmIndex = new HashMap<>();
        final Map<String, Integer> vmIndex = new HashMap<>();

        Layout(ReschedulingInstance instance) {
            this.instance = instance;
            List<ReschedulingPm> pms = instance.pms();
            List<ReschedulingVm> vms = instance.vms();
            pmCount = pms.size();
            vmCount = vms.size();
            fragment = instance.fragmentCpuCores();
            active = new boolean[pmCount];
            rack = new int[pmCount];
            capacityCpu = new int[2 * pmCount];
            capacityMemory = new long[2 * pmCount];
            Map<String, Integer> racks = new HashMap<>();
            for (int p = 0; p < pmCount; p++) {
                ReschedulingPm pm = pms.get(p);
                pmIndex.put(pm.id(), p);
                active[p] = pm.status() == PmStatus.ACTIVE;
                rack[p] = racks.computeIfAbsent(pm.rackId(), r -> racks.size());
                for (int n = 0; n < 2; n++) {
                    capacityCpu[2 * p + n] = pm.numas().get(n).cpuCores();
                    capacityMemory[2 * p + n] = pm.numas().get(n).memoryMiB();
                }
            }
            rackCount = racks.size();
            cpuShare = new int[vmCount];
            memoryShare = new long[vmCount];
            isDouble = new boolean[vmCount];
            allowMigration = new boolean[vmCount];
            initialHost = new int[vmCount];
            initialMask = new int[vmCount];
            for (int v = 0; v < vmCount; v++) {
                ReschedulingVm vm = vms.get(v);
                vmIndex.put(vm.id(), v);
                cpuShare[v] = vm.cpuShare();
                memoryShare[v] = vm.memoryShare();
                isDouble[v] = vm.isDouble();
                allowMigration[v] = vm.allowMigration();
                initialHost[v] = pmIndex.get(vm.host());
                initialMask[v] = vm.isDouble() ? 3 : 1 << vm.numas().get(0).numa();
            }
            List<AntiAffinityGroup> groups = instance.antiAffinityGroups();
            groupCount = groups.size();
            groupIsRack = new boolean[groupCount];
            int[] counts = new int[vmCount];
            for (AntiAffinityGroup group : groups) {
                for (String member : group.vms()) {
                    counts[vmIndex.get(member)]++;
                }
            }
            groupsOf = new int[vmCount][];
            for (int v = 0; v < vmCount; v++) {
                groupsOf[v] = new int[counts[v]];
                counts[v] = 0;
            }
            for (int g = 0; g < groupCount; g++) {
                groupIsRack[g] = groups.get(g).scope() == AntiAffinityGroup.Scope.RACK;
                for (String member : groups.get(g).vms()) {
                    int v = vmIndex.get(member);
                    groupsOf[v][counts[v]++] = g;
                }
            }
        }
    }

    final Layout layout;
    final int[] host;
    final int[] mask;
    final int[] freeCpu;
    final long[] freeMemory;
    /** Members of group g on PM p (HOST) or in rack r (RACK): groupCount[g][p or r]. */
    final int[][] groupCount;

    private ReschedulingState(Layout layout, int[] host, int[] mask, int[] freeCpu, long[] freeMemory,
                              int[][] groupCount) {
        this.layout = layout;
        this.host = host;
        this.mask = mask;
        this.freeCpu = freeCpu;
        this.freeMemory = freeMemory;
        this.groupCount = groupCount;
    }

    /** The instance's initial placement. */
    public static ReschedulingState initial(ReschedulingInstance instance) {
        Layout layout = new Layout(instance);
        int[][] groupCount = new int[layout.groupCount][];
        for (int g = 0; g < layout.groupCount; g++) {
            groupCount[g] = new int[layout.groupIsRack[g] ? layout.rackCount : layout.pmCount];
        }
        ReschedulingState state = new ReschedulingState(layout, layout.initialHost.clone(), layout.initialMask.clone(),
                layout.capacityCpu.clone(), layout.capacityMemory.clone(), groupCount);
        for (int v = 0; v < layout.vmCount; v++) {
            state.load(v, state.host[v], state.mask[v], -1);
        }
        return state;
    }

    public ReschedulingState copy() {
        int[][] groups = new int[groupCount.length][];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = groupCount[g].clone();
        }
        return new ReschedulingState(layout, host.clone(), mask.clone(), freeCpu.clone(), freeMemory.clone(), groups);
    }

    public ReschedulingInstance instance() {
        return layout.instance;
    }

    public int pmCount() {
        return layout.pmCount;
    }

    public int vmCount() {
        return layout.vmCount;
    }

    public int fragmentCpuCores() {
        return layout.fragment;
    }

    public boolean isActive(int pm) {
        return layout.active[pm];
    }

    public boolean isDouble(int vm) {
        return layout.isDouble[vm];
    }

    /** Movable: allowMigration and its initial host is ACTIVE (§2). */
    public boolean isMovable(int vm) {
        return layout.allowMigration[vm] && layout.active[layout.initialHost[vm]];
    }

    public boolean allowsMigration(int vm) {
        return layout.allowMigration[vm];
    }

    public int cpuShare(int vm) {
        return layout.cpuShare[vm];
    }

    public long memoryShare(int vm) {
        return layout.memoryShare[vm];
    }

    public int host(int vm) {
        return host[vm];
    }

    public int numaMask(int vm) {
        return mask[vm];
    }

    public int initialHost(int vm) {
        return layout.initialHost[vm];
    }

    public int initialNumaMask(int vm) {
        return layout.initialMask[vm];
    }

    public int freeCpu(int pm, int numa) {
        return freeCpu[2 * pm + numa];
    }

    public long freeMemory(int pm, int numa) {
        return freeMemory[2 * pm + numa];
    }

    public int capacityCpu(int pm, int numa) {
        return layout.capacityCpu[2 * pm + numa];
    }

    public long capacityMemory(int pm, int numa) {
        return layout.capacityMemory[2 * pm + numa];
    }

    public int rack(int pm) {
        return layout.rack[pm];
    }

    public int pmIndex(String id) {
        Integer index = layout.pmIndex.get(id);
        return index == null ? -1 : index;
    }

    public int vmIndex(String id) {
        Integer index = layout.vmIndex.get(id);
        return index == null ? -1 : index;
    }

    public String pmId(int pm) {
        return layout.instance.pms().get(pm).id();
    }

    public String vmId(int vm) {
        return layout.instance.vms().get(vm).id();
    }

    /** Σ_n (f_{p,n} mod G) on one PM (whatever its status). */
    public int fragments(int pm) {
        int g = layout.fragment;
        return Math.floorMod(freeCpu[2 * pm], g) + Math.floorMod(freeCpu[2 * pm + 1], g);
    }

    /** Σ (f mod G) over the NUMAs of ACTIVE PMs. */
    public long totalFragments() {
        long total = 0;
        for (int p = 0; p < layout.pmCount; p++) {
            if (layout.active[p]) {
                total += fragments(p);
            }
        }
        return total;
    }

    /** F = Σ f over the NUMAs of ACTIVE PMs. */
    public long freeCores() {
        long total = 0;
        for (int p = 0; p < layout.pmCount; p++) {
            if (layout.active[p]) {
                total += freeCpu[2 * p] + freeCpu[2 * p + 1];
            }
        }
        return total;
    }

    /** Σ ⌊f/G⌋ over the NUMAs of ACTIVE PMs. */
    public long freeSlots() {
        long total = 0;
        for (int p = 0; p < layout.pmCount; p++) {
            if (layout.active[p]) {
                total += Math.floorDiv(freeCpu[2 * p], layout.fragment) + Math.floorDiv(freeCpu[2 * p + 1], layout.fragment);
            }
        }
        return total;
    }

    /** FR = Σ(f mod G) / Σ f over ACTIVE NUMAs, 0 when F = 0 (§6). */
    public double fragmentRate() {
        long free = freeCores();
        return free == 0 ? 0.0 : (double) totalFragments() / free;
    }

    /** Whether VM v, if it were not placed, fits the NUMA set {@code numaMask} of PM p (cpu and, if asked, memory). */
    public boolean fits(int vm, int pm, int numaMask, boolean checkMemory) {
        int cpu = layout.cpuShare[vm];
        long memory = layout.memoryShare[vm];
        for (int n = 0; n < 2; n++) {
            if ((numaMask & (1 << n)) != 0) {
                int node = 2 * pm + n;
                int ownCpu = host[vm] == pm && (mask[vm] & (1 << n)) != 0 ? cpu : 0;
                long ownMemory = host[vm] == pm && (mask[vm] & (1 << n)) != 0 ? memory : 0;
                if (freeCpu[node] + ownCpu < cpu || (checkMemory && freeMemory[node] + ownMemory < memory)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether VM v's anti-affinity groups allow it on PM p (ignoring v itself). */
    public boolean groupsAllow(int vm, int pm) {
        for (int g : layout.groupsOf[vm]) {
            boolean rack = layout.groupIsRack[g];
            int where = rack ? layout.rack[pm] : pm;
            int own = (rack ? layout.rack[host[vm]] : host[vm]) == where ? 1 : 0;
            if (groupCount[g][where] - own > 0) {
                return false;
            }
        }
        return true;
    }

    /** The first group (by index) that forbids VM v on PM p, or −1. */
    public int forbiddingGroup(int vm, int pm) {
        for (int g : layout.groupsOf[vm]) {
            boolean rack = layout.groupIsRack[g];
            int where = rack ? layout.rack[pm] : pm;
            int own = (rack ? layout.rack[host[vm]] : host[vm]) == where ? 1 : 0;
            if (groupCount[g][where] - own > 0) {
                return g;
            }
        }
        return -1;
    }

    /** Moves VM v to (pm, numaMask) without any check. */
    public void move(int vm, int pm, int numaMask) {
        load(vm, host[vm], mask[vm], +1);
        host[vm] = pm;
        mask[vm] = numaMask;
        load(vm, pm, numaMask, -1);
    }

    /** Adds (sign +1) or takes (sign −1) VM v's shares to/from the free capacity of (pm, numaMask). */
    private void load(int vm, int pm, int numaMask, int sign) {
        int cpu = layout.cpuShare[vm];
        long memory = layout.memoryShare[vm];
        for (int n = 0; n < 2; n++) {
            if ((numaMask & (1 << n)) != 0) {
                freeCpu[2 * pm + n] += sign * cpu;
                freeMemory[2 * pm + n] += sign * memory;
            }
        }
        for (int g : layout.groupsOf[vm]) {
            int where = layout.groupIsRack[g] ? layout.rack[pm] : pm;
            groupCount[g][where] -= sign;
        }
    }

    /** NUMA list of a mask: [0], [1] or [0, 1]. */
    public static List<Integer> numas(int numaMask) {
        return switch (numaMask) {
            case 1 -> List.of(0);
            case 2 -> List.of(1);
            case 3 -> List.of(0, 1);
            default -> throw new IllegalArgumentException("NUMA mask " + numaMask);
        };
    }

    /** Mask of a NUMA list, or −1 when it is not [0], [1] or [0, 1]. */
    public static int mask(List<Integer> numas) {
        if (numas.equals(List.of(0))) {
            return 1;
        }
        if (numas.equals(List.of(1))) {
            return 2;
        }
        if (numas.equals(List.of(0, 1))) {
            return 3;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "ReschedulingState[FR=" + fragmentRate() + ", hosts=" + Arrays.hashCode(host) + "]";
    }
}
