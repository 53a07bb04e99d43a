package io.cloudopt.solvers.rescheduling;

import io.cloudopt.model.rescheduling.AntiAffinityGroup;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntToLongFunction;

/**
 * The type-aggregated mapping model of problems/rescheduling.md §7 (A1–A5 with C2, C3, C8–C10)
 * over a scope: a set of ACTIVE PMs, the pool of movable VMs placed on them in a current state, and
 * a migration budget. A pool VM's home is its initial location when that lies in the scope (leaving
 * it costs one migration); a pool VM without home has already been counted. The whole problem is
 * the scope of every ACTIVE PM and every movable VM, with home = current; then the touch cuts
 * C9–C10 and two net-gain cuts [ours] are added (default flip rule only):
 * C11 q_{p,n} − q0_{p,n} ≤ Σ_κ ⌈c_κ/G⌉·O_{κ,p,n} (slots appear only where VMs leave) and
 * C12 Σ q − Σ q0 ≤ Σ_{c_κ mod G ≠ 0} (1 or 2 for double)·O_κ (one move nets at most 1 slot per NUMA
 * pair, none when its share is a multiple of G). Both hold for every integer mapping: move the
 * moved VMs one at a time; ⌊f/G⌋ at a NUMA rises by at most ⌈c/G⌉ per leaving VM, and a single
 * move of share c = aG + b gains a + [r_from + b ≥ G] − a − [r_to < b] ≤ [b > 0] slots.
 * With one subtype per VM the same model is the full MILP C1–C10 ({@code milp}).
 */
final class AggregatedModel {
    /** By subtype (A1–A5: {@code milp-agg}, {@code cpsat}) or one subtype per VM (C1–C7: {@code milp}). */
    enum Granularity {
        SUBTYPE, VM
    }

    /** One subtype κ = (single/double, c, m); a VM in an anti-affinity group is a subtype of its own. */
    private static final class Subtype {
        final boolean isDouble;
        final int cpu;
        final long memory;
        final List<Integer> members = new ArrayList<>();

        Subtype(boolean isDouble, int cpu, long memory) {
            this.isDouble = isDouble;
            this.cpu = cpu;
            this.memory = memory;
        }
    }

    private final ReschedulingState current;
    private final Granularity granularity;
    private final int[] pms;
    private final int[] pool;
    private final int budget;
    private final boolean flipsCounted;
    private final boolean cuts;
    private final int g;
    private final int[] position;
    private final List<Subtype> subtypes = new ArrayList<>();
    private final int[] subtypeOf;
    private final int[] homePm;
    private final int[] homeMask;
    /** Free cores / MiB per scope NUMA (2i + n) with the pool taken out. */
    private final long[] roomCpu;
    private final long[] roomMemory;
    /** y[κ][2i + n]: pool VMs of κ whose home is NUMA n of scope PM i (double: on 2i). */
    private final int[][] home;
    /** Variable numbers, −1 where absent: x[κ][2i + n] (double: 2i), out[κ][2i + n] (flips free: 2i). */
    private int[][] x;
    private int[][] out;
    private int[] q;
    private int[] t;
    private final Map<String, Object> shape = new LinkedHashMap<>();
    /** Scope NUMAs (2i + n) that may receive pool VMs from elsewhere; null = all. */
    private boolean[] targets;

    AggregatedModel(ReschedulingState current, int[] pms, int[] pool, int budget, Granularity granularity) {
        this.current = current;
        this.granularity = granularity;
        this.pms = pms.clone();
        this.pool = pool.clone();
        this.budget = budget;
        this.flipsCounted = current.instance().numaFlipCountsAsMigration();
        this.g = current.fragmentCpuCores();
        position = new int[current.pmCount()];
        Arrays.fill(position, -1);
        for (int i = 0; i < pms.length; i++) {
            position[pms[i]] = i;
        }
        roomCpu = new long[2 * pms.length];
        roomMemory = new long[2 * pms.length];
        for (int i = 0; i < pms.length; i++) {
            for (int n = 0; n < 2; n++) {
                roomCpu[2 * i + n] = current.freeCpu(pms[i], n);
                roomMemory[2 * i + n] = current.freeMemory(pms[i], n);
            }
        }
        boolean[] grouped = new boolean[current.vmCount()];
        for (AntiAffinityGroup group : current.instance().antiAffinityGroups()) {
            for (String member : group.vms()) {
                grouped[current.vmIndex(member)] = true;
            }
        }
        subtypeOf = new int[pool.length];
        homePm = new int[pool.length];
        homeMask = new int[pool.length];
        boolean homeIsCurrent = true;
        Map<List<Long>, Integer> keys = new HashMap<>();
        for (int j = 0; j < pool.length; j++) {
            int v = pool[j];
            int at = position[current.host(v)];
            for (int n = 0; n < 2; n++) {
                if ((current.numaMask(v) & (1 << n)) != 0) {
                    roomCpu[2 * at + n] += current.cpuShare(v);
                    roomMemory[2 * at + n] += current.memoryShare(v);
                }
            }
            List<Long> key = grouped[v] || granularity == Granularity.VM ? List.of(-1L - v)
                    : List.of(current.isDouble(v) ? 1L : 0L, (long) current.cpuShare(v), current.memoryShare(v));
            Integer kappa = keys.get(key);
            if (kappa == null) {
                kappa = subtypes.size();
                keys.put(key, kappa);
                subtypes.add(new Subtype(current.isDouble(v), current.cpuShare(v), current.memoryShare(v)));
            }
            subtypes.get(kappa).members.add(j);
            subtypeOf[j] = kappa;
            int initialPm = current.initialHost(v);
            homePm[j] = position[initialPm] >= 0 ? initialPm : -1;
            homeMask[j] = homePm[j] >= 0 ? current.initialNumaMask(v) : 0;
            homeIsCurrent &= homePm[j] == current.host(v) && homeMask[j] == current.numaMask(v);
        }
        home = new int[subtypes.size()][2 * pms.length];
        for (int j = 0; j < pool.length; j++) {
            if (homePm[j] >= 0) {
                int i = position[homePm[j]];
                home[subtypeOf[j]][homeMask[j] == 3 ? 2 * i : 2 * i + (homeMask[j] == 2 ? 1 : 0)]++;
            }
        }
        cuts = flipsCounted && homeIsCurrent;
    }

    /** The whole problem: every ACTIVE PM, every movable VM, budget k, from the initial placement. */
    static AggregatedModel whole(ReschedulingInstance instance, int k, Granularity granularity) {
        ReschedulingState initial = ReschedulingState.initial(instance);
        List<Integer> pms = new ArrayList<>();
        for (int p = 0; p < initial.pmCount(); p++) {
            if (initial.isActive(p)) {
                pms.add(p);
            }
        }
        List<Integer> pool = new ArrayList<>();
        for (int v = 0; v < initial.vmCount(); v++) {
            if (initial.isMovable(v)) {
                pool.add(v);
            }
        }
        return new AggregatedModel(initial, pms.stream().mapToInt(Integer::intValue).toArray(),
                pool.stream().mapToInt(Integer::intValue).toArray(), k, granularity);
    }

    /**
     * Lets pool VMs move only to the scope NUMAs with {@code allowed(pm, numa)} (a double-NUMA VM: to
     * a PM with either NUMA allowed), or stay home. Call before {@link #build}.
     */
    void restrictTargets(BiPredicate<Integer, Integer> allowed) {
        targets = new boolean[2 * pms.length];
        for (int i = 0; i < pms.length; i++) {
            for (int n = 0; n < 2; n++) {
                targets[2 * i + n] = allowed.test(pms[i], n);
            }
        }
    }

    int subtypeCount() {
        return subtypes.size();
    }

    /** Variable and constraint counts by family, filled by {@link #build}. */
    Map<String, Object> shape() {
        return shape;
    }

    /** Adds variables, constraints and the objective: data → variables → constraints → objective. */
    void build(LinearSink sink) {
        addVariables(sink);
        addEachSubtypePlaced(sink);      // (A1) Σ_{p,n} X_{κ,p,n} = Σ_{p,n} y_{κ,p,n}
        addCapacity(sink);               // (C2, C3) G·q + Σ c·X ≤ room_cpu, Σ m·X ≤ room_mem
        addOutMoves(sink);               // (A3, A4) O ≥ y − X, Σ O ≤ k
        addGroups(sink);                 // (A5 = C6, C7) Σ_{v∈g} X_v on a PM / rack ≤ 1 − fixed members there
        addSlotCuts(sink);               // (C8–C12)
        setObjective(sink);              // max (k+1)·Σ q − Σ O
        shape.put("subtypes", subtypes.size());
        shape.put("variables", sink.variableCount());
        shape.put("constraints", sink.constraintCount());
    }

    private void addVariables(LinearSink sink) {
        x = new int[subtypes.size()][2 * pms.length];
        out = new int[subtypes.size()][2 * pms.length];
        for (int kappa = 0; kappa < subtypes.size(); kappa++) {
            Subtype s = subtypes.get(kappa);
            Arrays.fill(x[kappa], -1);
            Arrays.fill(out[kappa], -1);
            for (int i = 0; i < pms.length; i++) {
                for (int n = 0; n < (s.isDouble ? 1 : 2); n++) {
                    long ub = s.members.size();
                    for (int m = 0; m < 2; m++) {
                        if (s.isDouble || m == n) {
                            ub = Math.min(ub, roomCpu[2 * i + m] / s.cpu);
                            if (s.memory > 0) {
                                ub = Math.min(ub, roomMemory[2 * i + m] / s.memory);
                            }
                        }
                    }
                    boolean target = targets == null || targets[2 * i + n] || s.isDouble && targets[2 * i + 1]
                            || home[kappa][2 * i + n] > 0 || !flipsCounted && !s.isDouble && home[kappa][2 * i + 1 - n] > 0;
                    if (ub > 0 && target) {
                        x[kappa][2 * i + n] = sink.intVar(placedName(kappa, pms[i], n), 0, ub);
                    }
                    int y = home[kappa][2 * i + n];
                    if (!flipsCounted && !s.isDouble) {
                        if (n == 1 && y + home[kappa][2 * i] > 0) {
                            out[kappa][2 * i] = sink.intVar(outName(kappa, pms[i], -1), 0, y + home[kappa][2 * i]);
                        }
                    } else if (y > 0) {
                        out[kappa][2 * i + n] = sink.intVar(outName(kappa, pms[i], s.isDouble ? -1 : n), 0, y);
                    }
                }
            }
        }
        q = new int[2 * pms.length];
        t = new int[2 * pms.length];
        for (int i = 0; i < pms.length; i++) {
            for (int n = 0; n < 2; n++) {
                q[2 * i + n] = sink.intVar("q_pm" + pms[i] + "_numa" + n, 0, Math.max(0, roomCpu[2 * i + n] / g));
                t[2 * i + n] = cuts ? sink.intVar("t_pm" + pms[i] + "_numa" + n, 0, 1) : -1;
            }
        }
    }

    /** x_vm12_pm3_numa1 / z_vm7_pm3 (per VM) or X_k2_pm3_numa1 / X_k5_pm3 (per subtype). */
    private String placedName(int kappa, int pm, int n) {
        Subtype s = subtypes.get(kappa);
        String where = "_pm" + pm + (s.isDouble ? "" : "_numa" + n);
        if (granularity == Granularity.VM) {
            return (s.isDouble ? "z_vm" : "x_vm") + pool[s.members.get(0)] + where;
        }
        return "X_k" + kappa + where;
    }

    /** mv_vm12 (per VM) or O_k2_pm3_numa1 / O_k5_pm3 (per subtype; n = −1 for a per-PM count). */
    private String outName(int kappa, int pm, int n) {
        if (granularity == Granularity.VM) {
            return "mv_vm" + pool[subtypes.get(kappa).members.get(0)];
        }
        return "O_k" + kappa + "_pm" + pm + (n < 0 ? "" : "_numa" + n);
    }

    private void addEachSubtypePlaced(LinearSink sink) {
        for (int kappa = 0; kappa < subtypes.size(); kappa++) {
            LinearSink.Terms placed = new LinearSink.Terms();
            for (int var : x[kappa]) {
                if (var >= 0) {
                    placed.add(var, 1);
                }
            }
            int count = subtypes.get(kappa).members.size();
            sink.addLinear(granularity == Granularity.VM ? "C1_vm" + pool[subtypes.get(kappa).members.get(0)]
                    : "A1_k" + kappa, count, count, placed);
        }
    }

    private void addCapacity(LinearSink sink) {
        for (int i = 0; i < pms.length; i++) {
            for (int n = 0; n < 2; n++) {
                LinearSink.Terms cpu = new LinearSink.Terms().add(q[2 * i + n], g);
                LinearSink.Terms memory = new LinearSink.Terms();
                for (int kappa = 0; kappa < subtypes.size(); kappa++) {
                    Subtype s = subtypes.get(kappa);
                    int var = x[kappa][s.isDouble ? 2 * i : 2 * i + n];
                    if (var >= 0) {
                        cpu.add(var, s.cpu);
                        if (s.memory > 0) {
                            memory.add(var, s.memory);
                        }
                    }
                }
                String where = "_pm" + pms[i] + "_numa" + n;
                sink.addLinear("C2" + where, Long.MIN_VALUE, roomCpu[2 * i + n], cpu);
                if (!memory.isEmpty()) {
                    sink.addLinear("C3" + where, Long.MIN_VALUE, roomMemory[2 * i + n], memory);
                }
            }
        }
    }

    private void addOutMoves(LinearSink sink) {
        LinearSink.Terms all = new LinearSink.Terms();
        for (int kappa = 0; kappa < subtypes.size(); kappa++) {
            Subtype s = subtypes.get(kappa);
            for (int i = 0; i < pms.length; i++) {
                boolean perPm = s.isDouble || !flipsCounted;
                for (int n = 0; n < (perPm ? 1 : 2); n++) {
                    int var = out[kappa][2 * i + n];
                    if (var < 0) {
                        continue;
                    }
                    all.add(var, 1);
                    LinearSink.Terms stay = new LinearSink.Terms().add(var, 1);
                    long y = home[kappa][2 * i + n];
                    if (s.isDouble || flipsCounted) {
                        addIfPresent(stay, x[kappa][2 * i + n]);
                    } else {
                        y += home[kappa][2 * i + 1];
                        addIfPresent(stay, x[kappa][2 * i]);
                        addIfPresent(stay, x[kappa][2 * i + 1]);
                    }
                    String name = granularity == Granularity.VM ? "C4_vm" + pool[s.members.get(0)]
                            : "A3" + outName(kappa, pms[i], s.isDouble || !flipsCounted ? -1 : n).substring(1);
                    sink.addLinear(name, y, Long.MAX_VALUE, stay);
                }
            }
        }
        sink.addLinear(granularity == Granularity.VM ? "C5" : "A4", Long.MIN_VALUE, budget, all);
    }

    private static void addIfPresent(LinearSink.Terms terms, int var) {
        if (var >= 0) {
            terms.add(var, 1);
        }
    }

    private void addGroups(LinearSink sink) {
        List<AntiAffinityGroup> groups = current.instance().antiAffinityGroups();
        int[] poolPosition = new int[current.vmCount()];
        Arrays.fill(poolPosition, -1);
        for (int j = 0; j < pool.length; j++) {
            poolPosition[pool[j]] = j;
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            AntiAffinityGroup group = groups.get(gi);
            boolean rack = group.scope() == AntiAffinityGroup.Scope.RACK;
            Map<Integer, Integer> fixed = new HashMap<>();
            List<Integer> members = new ArrayList<>();
            for (String id : group.vms()) {
                int v = current.vmIndex(id);
                if (poolPosition[v] >= 0) {
                    members.add(poolPosition[v]);
                } else {
                    int where = rack ? current.rack(current.host(v)) : current.host(v);
                    fixed.merge(where, 1, Integer::sum);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            Map<Integer, LinearSink.Terms> perPlace = new LinkedHashMap<>();
            for (int i = 0; i < pms.length; i++) {
                int where = rack ? current.rack(pms[i]) : pms[i];
                LinearSink.Terms terms = perPlace.computeIfAbsent(where, w -> new LinearSink.Terms());
                for (int j : members) {
                    int kappa = subtypeOf[j];
                    addIfPresent(terms, x[kappa][2 * i]);
                    if (!subtypes.get(kappa).isDouble) {
                        addIfPresent(terms, x[kappa][2 * i + 1]);
                    }
                }
            }
            for (Map.Entry<Integer, LinearSink.Terms> entry : perPlace.entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    sink.addLinear((rack ? "C7_g" + gi + "_rack" : "C6_g" + gi + "_pm") + entry.getKey(),
                            Long.MIN_VALUE, 1 - fixed.getOrDefault(entry.getKey(), 0), entry.getValue());
                }
            }
        }
    }

    private void addSlotCuts(LinearSink sink) {
        long free = 0;
        LinearSink.Terms slots = new LinearSink.Terms();
        for (int i = 0; i < pms.length; i++) {
            for (int n = 0; n < 2; n++) {
                free += roomCpu[2 * i + n];
                slots.add(q[2 * i + n], 1);
            }
        }
        for (int j = 0; j < pool.length; j++) {
            free -= (long) current.cpuShare(pool[j]) * (current.isDouble(pool[j]) ? 2 : 1);
        }
        // (C8) Σ q ≤ ⌊F/G⌋
        sink.addLinear("C8", Long.MIN_VALUE, Math.floorDiv(free, g), slots);
        if (!cuts) {
            return;
        }
        // (C9) q_{p,n} ≤ q0_{p,n} + (⌊room/G⌋ − q0_{p,n})·t_{p,n}; (C11) q_{p,n} − q0_{p,n} ≤ Σ ⌈c/G⌉·O leaving it
        LinearSink.Terms touched = new LinearSink.Terms();
        LinearSink.Terms gain = new LinearSink.Terms();
        long slots0 = 0;
        for (int i = 0; i < pms.length; i++) {
            for (int n = 0; n < 2; n++) {
                long q0 = current.freeCpu(pms[i], n) / g;
                slots0 += q0;
                long ub = roomCpu[2 * i + n] / g;
                sink.addLinear("C9_pm" + pms[i] + "_numa" + n, Long.MIN_VALUE, q0,
                        new LinearSink.Terms().add(q[2 * i + n], 1).add(t[2 * i + n], -(ub - q0)));
                touched.add(t[2 * i + n], 1);
                LinearSink.Terms leaving = new LinearSink.Terms().add(q[2 * i + n], 1);
                for (int kappa = 0; kappa < subtypes.size(); kappa++) {
                    Subtype s = subtypes.get(kappa);
                    int var = out[kappa][s.isDouble ? 2 * i : 2 * i + n];
                    if (var >= 0) {
                        leaving.add(var, -((s.cpu + g - 1) / g));
                    }
                }
                sink.addLinear("C11_pm" + pms[i] + "_numa" + n, Long.MIN_VALUE, q0, leaving);
            }
        }
        for (int kappa = 0; kappa < subtypes.size(); kappa++) {
            Subtype s = subtypes.get(kappa);
            for (int var : out[kappa]) {
                if (var >= 0) {
                    touched.add(var, s.isDouble ? -4 : -2);
                    if (s.cpu % g != 0) {
                        gain.add(var, s.isDouble ? -2 : -1);
                    }
                }
            }
        }
        // (C10) Σ t ≤ 2·Σ_single O + 4·Σ_double O
        sink.addLinear("C10", Long.MIN_VALUE, 0, touched);
        // (C12) Σ q − Σ q0 ≤ Σ_{c mod G ≠ 0} (1 single, 2 double)·O
        for (int i = 0; i < slots.vars().length; i++) {
            gain.add(slots.vars()[i], 1);
        }
        sink.addLinear("C12", Long.MIN_VALUE, slots0, gain);
    }

    private void setObjective(LinearSink sink) {
        LinearSink.Terms objective = new LinearSink.Terms();
        for (int var : q) {
            objective.add(var, budget + 1L);
        }
        for (int[] row : out) {
            for (int var : row) {
                if (var >= 0) {
                    objective.add(var, -1);
                }
            }
        }
        sink.maximize(objective);
    }

    /** Hints every variable with the values of a feasible mapping {@code hint} (pool VMs within the scope). */
    void hint(LinearSink sink, ReschedulingState hint) {
        long[] counts = new long[subtypes.size() * 2 * pms.length];
        for (int j = 0; j < pool.length; j++) {
            int v = pool[j];
            int i = position[hint.host(v)];
            int mask = hint.numaMask(v);
            counts[subtypeOf[j] * 2 * pms.length + (mask == 3 ? 2 * i : 2 * i + (mask == 2 ? 1 : 0))]++;
        }
        for (int kappa = 0; kappa < subtypes.size(); kappa++) {
            int base = kappa * 2 * pms.length;
            for (int cell = 0; cell < 2 * pms.length; cell++) {
                if (x[kappa][cell] >= 0) {
                    sink.hint(x[kappa][cell], counts[base + cell]);
                }
                if (out[kappa][cell] >= 0) {
                    long left = subtypes.get(kappa).isDouble || flipsCounted
                            ? home[kappa][cell] - counts[base + cell]
                            : home[kappa][cell] + home[kappa][cell + 1] - counts[base + cell]
                            - counts[base + cell + 1];
                    sink.hint(out[kappa][cell], Math.max(0, left));
                }
            }
        }
        for (int i = 0; i < pms.length; i++) {
            for (int n = 0; n < 2; n++) {
                long slots = Math.max(0, hint.freeCpu(pms[i], n)) / g;
                sink.hint(q[2 * i + n], slots);
                if (t[2 * i + n] >= 0) {
                    sink.hint(t[2 * i + n], slots > current.freeCpu(pms[i], n) / g ? 1 : 0);
                }
            }
        }
    }

    /**
     * Disaggregation: for each κ the leaving VMs of a home NUMA are its lowest-index ones (with flips
     * free, first to the other NUMA of the same PM); they and the pool VMs without home fill the
     * places with X above the stayers in increasing (PM, NUMA) order. Returns the new mapping.
     */
    ReschedulingState read(IntToLongFunction value) {
        ReschedulingState target = current.copy();
        for (int kappa = 0; kappa < subtypes.size(); kappa++) {
            Subtype s = subtypes.get(kappa);
            int cells = 2 * pms.length;
            long[] want = new long[cells];
            for (int cell = 0; cell < cells; cell++) {
                want[cell] = x[kappa][cell] >= 0 ? value.applyAsLong(x[kappa][cell]) : 0;
            }
            List<List<Integer>> atHome = new ArrayList<>();
            for (int cell = 0; cell < cells; cell++) {
                atHome.add(new ArrayList<>());
            }
            List<Integer> homeless = new ArrayList<>();
            for (int j : s.members) {
                if (homePm[j] < 0) {
                    homeless.add(j);
                } else {
                    int i = position[homePm[j]];
                    atHome.get(homeMask[j] == 3 ? 2 * i : 2 * i + (homeMask[j] == 2 ? 1 : 0)).add(j);
                }
            }
            List<Integer> leaving = new ArrayList<>();
            long[] deficit = new long[cells];
            for (int cell = 0; cell < cells; cell++) {
                List<Integer> here = atHome.get(cell);
                int stay = (int) Math.min(here.size(), want[cell]);
                int leave = here.size() - stay;
                for (int r = 0; r < here.size(); r++) {
                    int j = here.get(r);
                    if (r < leave) {
                        leaving.add(j);
                    } else {
                        place(target, j, cell);
                    }
                }
                deficit[cell] = want[cell] - stay;
            }
            if (!flipsCounted && !s.isDouble) {
                List<Integer> stillLeaving = new ArrayList<>();
                for (int j : leaving) {
                    int i = position[homePm[j]];
                    int other = 2 * i + (homeMask[j] == 1 ? 1 : 0);
                    if (deficit[other] > 0) {
                        deficit[other]--;
                        place(target, j, other);
                    } else {
                        stillLeaving.add(j);
                    }
                }
                leaving = stillLeaving;
            }
            leaving.addAll(homeless);
            int cell = 0;
            for (int j : leaving) {
                while (deficit[cell] <= 0) {
                    cell++;
                }
                deficit[cell]--;
                place(target, j, cell);
            }
        }
        return target;
    }

    private void place(ReschedulingState target, int j, int cell) {
        Subtype s = subtypes.get(subtypeOf[j]);
        int pm = pms[cell / 2];
        int mask = s.isDouble ? 3 : 1 << (cell % 2);
        if (target.host(pool[j]) != pm || target.numaMask(pool[j]) != mask) {
            target.move(pool[j], pm, mask);
        }
    }

    /** The proven upper bound on Σ q from the backend's bound B on (k+1)·Σ q − Σ O: ⌊(B + k)/(k+1)⌋. */
    long slotBound(double objectiveBound) {
        return Math.min(Math.floorDiv(freeCores(), g),
                (long) Math.floor((objectiveBound + 1e-6 + budget) / (budget + 1.0)));
    }

    /** Σ ⌊f/G⌋ over the scope's NUMAs in {@code state}. */
    long slots(ReschedulingState state) {
        long slots = 0;
        for (int p : pms) {
            slots += state.freeCpu(p, 0) / g + state.freeCpu(p, 1) / g;
        }
        return slots;
    }

    /** The total free cores F of the scope (constant). */
    long freeCores() {
        long free = 0;
        for (int i = 0; i < pms.length; i++) {
            free += current.freeCpu(pms[i], 0) + current.freeCpu(pms[i], 1);
        }
        return free;
    }
}
