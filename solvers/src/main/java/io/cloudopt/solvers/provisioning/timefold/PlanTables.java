package io.cloudopt.solvers.provisioning.timefold;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.solvers.provisioning.ProvisioningOptionTable;
import io.cloudopt.solvers.provisioning.ProvisioningOptions;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The integer data of the §8 model, built once from the option tables [t][i] and shared by every plan
 * clone: risks r_i·ε_io and G_g in units of 1e-9 (rounded up, ε rounded down, as CP-SAT does), budgets
 * and hops in µs, FaaS costs, VM-period and launch prices in micro-USD (rounded up).
 *
 * <p>Ready VMs (C8/C9). Per stage i and VM type k the options give the VMs in use n_{ikt}; the ready
 * count N_{ikt} is derived along the periods layer by layer: VM number ℓ is ready in t when n_{ikt} ≥ ℓ,
 * and also across a gap of g periods between two periods that use it when g·H ≤ L^V (holding it is no
 * dearer than a new launch, which would boot inside the gap). Every other rise of N is a launch that
 * boots during the last L^V seconds before the period: cost p_k/3600·(H·N + L^V·A). When L^V &lt; H no
 * gap is ever bridged and N = n.
 */
final class PlanTables {
    static final double RISK_UNITS = 1e9;
    static final double MICRO = 1e6;
    static final double US_PER_MS = 1000;

    final ProvisioningInstance instance;
    final ProvisioningOptions options;
    final ProvisioningOptionTable[][] tables;
    final double[] ratePerSecond;
    final int periods;
    final int stages;
    final int types;
    /** [t][i][o]. */
    final long[][][] riskScaled;
    final long[][][] budgetUs;
    final long[][][] faasMicro;
    final int[][][] vmType;
    final int[][][] vmCount;
    final boolean[][][] usesVm;
    final boolean[][][] usesFaas;
    /** Options of [t][i] sorted by key (type, n, α, m, b), and their keys. */
    final int[][][] byKey;
    final long[][][] sortedKeys;
    /** [t][i]: the VM types the table uses. */
    final int[][][] tableTypes;
    /** Levels g = 0..levels−1 with G_g ≤ ε (the others are never feasible). */
    final int levels;
    final long[] sharedScaled;
    final long[] levelUs;
    private final long levelStepUs;
    final long epsilonScaled;
    final long[] vmPeriodMicro;
    final long[] launchMicro;
    /** The longest gap (periods) a VM is held across: ⌊L^V/H⌋. */
    final int maxBridge;
    /** [i][t] the construction's option: the FaaS-only option with the least (budget, risk, cost, index). */
    final int[][] faasOnly;

    PlanTables(ProvisioningOptions options, ProvisioningOptionTable[][] tables, double[] ratePerSecond) {
        this.options = options;
        this.instance = options.instance();
        this.tables = tables;
        this.ratePerSecond = ratePerSecond.clone();
        this.periods = tables.length;
        this.stages = instance.stages().size();
        this.types = instance.vmTypes().size();
        riskScaled = new long[periods][stages][];
        budgetUs = new long[periods][stages][];
        faasMicro = new long[periods][stages][];
        vmType = new int[periods][stages][];
        vmCount = new int[periods][stages][];
        usesVm = new boolean[periods][stages][];
        usesFaas = new boolean[periods][stages][];
        byKey = new int[periods][stages][];
        sortedKeys = new long[periods][stages][];
        tableTypes = new int[periods][stages][];
        faasOnly = new int[stages][periods];
        for (int t = 0; t < periods; t++) {
            for (int i = 0; i < stages; i++) {
                fill(t, i, tables[t][i]);
            }
        }
        double epsilon = instance.slo().violationProbability();
        epsilonScaled = (long) Math.floor(epsilon * RISK_UNITS);
        int feasible = 0;
        long[] shared = new long[options.serviceLevels()];
        for (int g = 0; g < shared.length; g++) {
            shared[g] = (long) Math.ceil(options.sharedTerm(g) * RISK_UNITS);
            if (shared[g] <= epsilonScaled) {
                feasible = g + 1;
            }
        }
        levels = Math.max(1, feasible);
        sharedScaled = Arrays.copyOf(shared, levels);
        levelUs = new long[levels];
        for (int g = 0; g < levels; g++) {
            levelUs[g] = Math.round(options.serviceBudgetMs(g) * US_PER_MS);
        }
        double periodSeconds = instance.periodSeconds();
        double coldSeconds = instance.vmColdStartSeconds();
        vmPeriodMicro = new long[types];
        launchMicro = new long[types];
        for (int k = 0; k < types; k++) {
            double usdPerSecond = instance.vmTypes().get(k).usdPerHour() / 3600;
            vmPeriodMicro[k] = (long) Math.ceil(usdPerSecond * periodSeconds * MICRO - 1e-9);
            launchMicro[k] = (long) Math.ceil(usdPerSecond * coldSeconds * MICRO - 1e-9);
        }
        maxBridge = (int) Math.floor(coldSeconds / periodSeconds + 1e-9);
        levelStepUs = Math.max(1, Math.round(options.grid().budgetStepMs() * US_PER_MS));
    }

    private void fill(int t, int i, ProvisioningOptionTable table) {
        int size = table.size();
        double reach = instance.reach(i);
        riskScaled[t][i] = new long[size];
        budgetUs[t][i] = new long[size];
        faasMicro[t][i] = new long[size];
        vmType[t][i] = new int[size];
        vmCount[t][i] = new int[size];
        usesVm[t][i] = new boolean[size];
        usesFaas[t][i] = new boolean[size];
        long[] keys = new long[size];
        boolean[] typeSeen = new boolean[types];
        int construction = -1;
        for (int o = 0; o < size; o++) {
            riskScaled[t][i][o] = (long) Math.ceil(reach * table.risk(o) * RISK_UNITS);
            budgetUs[t][i][o] = Math.round(table.budgetMs(o) * US_PER_MS);
            faasMicro[t][i][o] = (long) Math.ceil(table.faasUsd(o) * MICRO - 1e-9);
            vmType[t][i][o] = table.vmType(o);
            vmCount[t][i][o] = table.vmCount(o);
            usesVm[t][i][o] = table.usesVm(o);
            usesFaas[t][i][o] = table.usesFaas(o);
            keys[o] = key(table.vmType(o), table.vmCount(o), table.alphaLevel(o), table.memoryIndex(o),
                    table.budgetLevel(o));
            if (table.vmType(o) >= 0) {
                typeSeen[table.vmType(o)] = true;
            } else if (construction < 0 || lighter(t, i, o, construction)) {
                construction = o;
            }
        }
        if (construction < 0) {
            throw new IllegalStateException("The option table (" + table + ") has no FaaS-only option."
                    + "\nMaybe the FaaS tail of every memory exceeds the risk cap ε − min G_g.");
        }
        faasOnly[i][t] = construction;
        Integer[] order = new Integer[size];
        for (int o = 0; o < size; o++) {
            order[o] = o;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        byKey[t][i] = new int[size];
        sortedKeys[t][i] = new long[size];
        for (int r = 0; r < size; r++) {
            byKey[t][i][r] = order[r];
            sortedKeys[t][i][r] = keys[order[r]];
        }
        tableTypes[t][i] = IntStream.range(0, types).filter(k -> typeSeen[k]).toArray();
    }

    private boolean lighter(int t, int i, int a, int b) {
        int c = Long.compare(budgetUs[t][i][a], budgetUs[t][i][b]);
        if (c == 0) {
            c = Long.compare(riskScaled[t][i][a], riskScaled[t][i][b]);
        }
        if (c == 0) {
            c = Long.compare(faasMicro[t][i][a], faasMicro[t][i][b]);
        }
        return c < 0;
    }

    /** The period-t penalty (level repaired) when stage i takes option o and the others keep {@code chosen}. */
    long penaltyWith(int t, int i, int o, int[] chosen) {
        int kept = chosen[i];
        chosen[i] = o;
        long budget = budgetUs(t, chosen);
        long penalty = penalty(riskScaled(t, chosen), budget, levelFor(budget));
        chosen[i] = kept;
        return penalty;
    }

    /**
     * The best plan of stage i over all periods with the other stages fixed ({@code choice} [t][i]), by
     * dynamic programming over its (type, n) per period: each period offers, per (type, n), its best
     * fitting option ({@link #bestWithin}) among those with the period's least penalty; a rise of n costs
     * launches (gaps are never bridged here, so with L^V ≥ H the true cost may only be lower). Returns
     * the option per period.
     */
    int[] reoptimizeStage(int i, int[][] choice) {
        int maxCount = 0;
        for (int t = 0; t < periods; t++) {
            for (int o = 0; o < vmCount[t][i].length; o++) {
                maxCount = Math.max(maxCount, vmCount[t][i][o]);
            }
        }
        int states = 1 + types * maxCount; // 0 = FaaS only, 1 + k·maxCount + (n − 1) = n VMs of type k
        int[][] option = new int[periods][states];
        long[][] value = new long[periods][states];
        int[][] from = new int[periods][states];
        for (int t = 0; t < periods; t++) {
            long least = Long.MAX_VALUE;
            long[] penalty = new long[states];
            for (int state = 0; state < states; state++) {
                int type = state == 0 ? -1 : (state - 1) / maxCount;
                int count = state == 0 ? 0 : (state - 1) % maxCount + 1;
                int o = bestWithin(t, i, type, count, choice[t]);
                option[t][state] = o;
                penalty[state] = o < 0 ? Long.MAX_VALUE : penaltyWith(t, i, o, choice[t]);
                least = Math.min(least, penalty[state]);
            }
            for (int state = 0; state < states; state++) {
                int o = option[t][state];
                if (o < 0 || penalty[state] != least) {
                    option[t][state] = -1;
                    value[t][state] = Long.MAX_VALUE;
                    continue;
                }
                int type = state == 0 ? -1 : (state - 1) / maxCount;
                int count = state == 0 ? 0 : (state - 1) % maxCount + 1;
                long here = faasMicro[t][i][o] + (type >= 0 ? vmPeriodMicro[type] * count : 0);
                long best = Long.MAX_VALUE;
                int bestFrom = -1;
                for (int previous = 0; previous < (t == 0 ? 1 : states); previous++) {
                    long before = t == 0 ? 0 : value[t - 1][previous];
                    if (before == Long.MAX_VALUE) {
                        continue;
                    }
                    int previousType = previous == 0 ? -1 : (previous - 1) / maxCount;
                    int previousCount = previous == 0 ? 0 : (previous - 1) % maxCount + 1;
                    long launches = type < 0 ? 0
                            : launchMicro[type] * Math.max(0, count - (previousType == type ? previousCount : 0));
                    if (before + launches < best) {
                        best = before + launches;
                        bestFrom = previous;
                    }
                }
                value[t][state] = best == Long.MAX_VALUE ? Long.MAX_VALUE : best + here;
                from[t][state] = bestFrom;
            }
        }
        int state = -1;
        for (int s = 0; s < states; s++) {
            if (value[periods - 1][s] != Long.MAX_VALUE && (state < 0 || value[periods - 1][s] < value[periods - 1][state])) {
                state = s;
            }
        }
        int[] plan = new int[periods];
        if (state < 0) {
            for (int t = 0; t < periods; t++) {
                plan[t] = choice[t][i];
            }
            return plan;
        }
        for (int t = periods - 1; t >= 0; t--) {
            plan[t] = option[t][state];
            state = from[t][state];
        }
        return plan;
    }

    /** The sort key (type, n, α level, memory, budget level) of an option; type −1 sorts first. */
    static long key(int type, int count, int alphaLevel, int memoryIndex, int budgetLevel) {
        return ((((long) (type + 1) * 4096 + count) * 256 + alphaLevel) * 64 + memoryIndex) * 1024 + budgetLevel;
    }

    /** The prefix of {@link #key} for (type, n): keys of that pair lie in [prefix, prefix + span). */
    static long keyPrefix(int type, int count) {
        return key(type, count, 0, 0, 0);
    }

    static final long KEY_SPAN = 256L * 64 * 1024;

    /** The option of [t][i] with exactly this key, or −1. */
    int optionWithKey(int t, int i, long key) {
        int r = Arrays.binarySearch(sortedKeys[t][i], key);
        return r >= 0 ? byKey[t][i][r] : -1;
    }

    /** The rank range [from, to) in {@link #byKey} of the options of [t][i] with type k and n VMs. */
    int[] rangeOf(int t, int i, int type, int count) {
        long low = keyPrefix(type, count);
        long[] keys = sortedKeys[t][i];
        int from = lowerBound(keys, low);
        int to = lowerBound(keys, low + KEY_SPAN);
        return new int[] {from, to};
    }

    private static int lowerBound(long[] keys, long value) {
        int r = Arrays.binarySearch(keys, value);
        if (r < 0) {
            return -r - 1;
        }
        while (r > 0 && keys[r - 1] == value) {
            r--;
        }
        return r;
    }

    long optionKey(int t, int i, int o) {
        ProvisioningOptionTable table = tables[t][i];
        return key(table.vmType(o), table.vmCount(o), table.alphaLevel(o), table.memoryIndex(o), table.budgetLevel(o));
    }

    /** (C4) the worst active hop between stage i (option a) and i+1 (option b) of period t, in µs. */
    long hopUs(int t, int i, int a, int b) {
        double ms = options.hopMs(usesVm[t][i][a], usesFaas[t][i][a], usesVm[t][i + 1][b], usesFaas[t][i + 1][b]);
        return Math.round(ms * US_PER_MS);
    }

    /** (C5 left side) Σ_i b_i + Σ_{i&lt;N} worst hop, in µs, of the options of period t. */
    long budgetUs(int t, int[] chosen) {
        long sum = 0;
        for (int i = 0; i < stages; i++) {
            sum += budgetUs[t][i][chosen[i]];
            if (i + 1 < stages) {
                sum += hopUs(t, i, chosen[i], chosen[i + 1]);
            }
        }
        return sum;
    }

    /** (C6) Σ_i ⌈r_i ε_io·1e9⌉ of the options of period t (without G_g). */
    long riskScaled(int t, int[] chosen) {
        long sum = 0;
        for (int i = 0; i < stages; i++) {
            sum += riskScaled[t][i][chosen[i]];
        }
        return sum;
    }

    /** The level that suits a budget: the least g with B_g ≥ budget (the least G_g), else the largest. */
    int levelFor(long budget) {
        if (budget <= 0) {
            return 0;
        }
        int g = (int) Math.min(levels - 1, (budget + levelStepUs - 1) / levelStepUs);
        while (g > 0 && levelUs[g - 1] >= budget) {
            g--;
        }
        while (g < levels - 1 && levelUs[g] < budget) {
            g++;
        }
        return g;
    }

    /**
     * The best option of (t, i) among those with {@code type} and {@code count} VMs, the other stages of
     * period t keeping {@code chosen}: the least period penalty with the level repaired, then the least
     * FaaS cost, then the lower index (the VM cost is the same for all of them). −1 if there is none.
     */
    int bestWithin(int t, int i, int type, int count, int[] chosen) {
        int[] span = rangeOf(t, i, type, count);
        long riskOthers = 0;
        long budgetOthers = 0;
        for (int s = 0; s < stages; s++) {
            if (s != i) {
                riskOthers += riskScaled[t][s][chosen[s]];
                budgetOthers += budgetUs[t][s][chosen[s]];
                if (s + 1 < stages && s + 1 != i) {
                    budgetOthers += hopUs(t, s, chosen[s], chosen[s + 1]);
                }
            }
        }
        int best = -1;
        long bestPenalty = Long.MAX_VALUE;
        long bestCost = Long.MAX_VALUE;
        for (int r = span[0]; r < span[1]; r++) {
            int o = byKey[t][i][r];
            long budget = budgetOthers + budgetUs[t][i][o];
            if (i > 0) {
                budget += hopUs(t, i - 1, chosen[i - 1], o);
            }
            if (i + 1 < stages) {
                budget += hopUs(t, i, o, chosen[i + 1]);
            }
            long penalty = penalty(riskOthers + riskScaled[t][i][o], budget, levelFor(budget));
            long cost = faasMicro[t][i][o];
            if (penalty < bestPenalty || (penalty == bestPenalty && (cost < bestCost
                    || (cost == bestCost && o < best)))) {
                best = o;
                bestPenalty = penalty;
                bestCost = cost;
            }
        }
        return best;
    }

    /** The hard penalty of one period: C6 excess (1e-9) + C5 excess (µs). */
    long penalty(long risk, long budget, int level) {
        return Math.max(0, risk + sharedScaled[level] - epsilonScaled) + Math.max(0, budget - levelUs[level]);
    }

    /** n_{ikt} of option o: its VMs when it uses type k, else 0. */
    int vmsOfType(int t, int i, int o, int k) {
        return vmType[t][i][o] == k ? vmCount[t][i][o] : 0;
    }

    /**
     * The cost in micro-USD that period t' adds for VMs of type k given the in-use counts n: the VM-periods
     * H·n_{t'} plus, for every VM number ℓ in (n_{t'−1}, n_{t'}], a launch, or the holding of the gap since
     * its last use when that gap is at most {@link #maxBridge} periods.
     */
    long contributionMicro(int k, int[] n, int at) {
        int count = n[at];
        long cost = vmPeriodMicro[k] * count;
        int previous = at > 0 ? n[at - 1] : 0;
        for (int level = previous + 1; level <= count; level++) {
            cost += startMicro(k, n, at, level);
        }
        return cost;
    }

    private long startMicro(int k, int[] n, int at, int level) {
        int earliest = Math.max(0, at - 1 - maxBridge);
        for (int s = at - 2; s >= earliest; s--) {
            if (n[s] >= level) {
                return (long) (at - s - 1) * vmPeriodMicro[k];
            }
        }
        return launchMicro[k];
    }

    /** The cost of type k's counts over all periods, in micro-USD. */
    long vmCostMicro(int k, int[] n) {
        long sum = 0;
        for (int t = 0; t < n.length; t++) {
            sum += contributionMicro(k, n, t);
        }
        return sum;
    }

    /** The ready counts N_t of in-use counts n under the holding rule of the class comment. */
    int[] readyVms(int[] n) {
        int[] ready = n.clone();
        for (int at = 1; at < n.length; at++) {
            for (int level = n[at - 1] + 1; level <= n[at]; level++) {
                int earliest = Math.max(0, at - 1 - maxBridge);
                for (int s = at - 2; s >= earliest; s--) {
                    if (n[s] >= level) {
                        for (int u = s + 1; u < at; u++) {
                            ready[u] = Math.max(ready[u], level);
                        }
                        break;
                    }
                }
            }
        }
        return ready;
    }

    /** choice[t][i] → n[i][k][t]. */
    int[][][] inUse(int[][] choice) {
        int[][][] n = new int[stages][types][periods];
        for (int t = 0; t < periods; t++) {
            for (int i = 0; i < stages; i++) {
                int o = choice[t][i];
                if (vmType[t][i][o] >= 0) {
                    n[i][vmType[t][i][o]][t] = vmCount[t][i][o];
                }
            }
        }
        return n;
    }

    /**
     * The model cost in USD of a choice [t][i] (the doubles, not the rounded micro-USD): FaaS
     * (1−α)·r_i·λ_t·H·c^F_i(m) plus p_k/3600·(H·N + L^V·A) with N from {@link #readyVms}.
     */
    double modelCostUsd(int[][] choice) {
        double cost = 0;
        for (int t = 0; t < periods; t++) {
            for (int i = 0; i < stages; i++) {
                cost += tables[t][i].faasUsd(choice[t][i]);
            }
        }
        int[][][] n = inUse(choice);
        double periodSeconds = instance.periodSeconds();
        double coldSeconds = instance.vmColdStartSeconds();
        for (int i = 0; i < stages; i++) {
            for (int k = 0; k < types; k++) {
                int[] ready = readyVms(n[i][k]);
                double usdPerSecond = instance.vmTypes().get(k).usdPerHour() / 3600;
                int before = 0;
                for (int t = 0; t < periods; t++) {
                    cost += usdPerSecond * (periodSeconds * ready[t] + coldSeconds * Math.max(0, ready[t] - before));
                    before = ready[t];
                }
            }
        }
        return cost;
    }

    /** The model's score of a choice [t][i] and levels [t], from scratch: {hard, cost micro-USD}. */
    long[] score(int[][] choice, int[] level) {
        long hard = 0;
        long cost = 0;
        for (int t = 0; t < periods; t++) {
            hard += penalty(riskScaled(t, choice[t]), budgetUs(t, choice[t]), level[t]);
            for (int i = 0; i < stages; i++) {
                cost += faasMicro[t][i][choice[t][i]];
            }
        }
        int[][][] n = inUse(choice);
        for (int i = 0; i < stages; i++) {
            for (int k = 0; k < types; k++) {
                cost += vmCostMicro(k, n[i][k]);
            }
        }
        return new long[] {hard, cost};
    }
}
