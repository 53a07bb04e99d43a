package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningTails;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * The option tables of problems/provisioning.md §7 for one instance. Everything that does not depend on
 * the arrival rate is computed once here (c^F_i(m), the FaaS slowdown tails per budget level, the shared
 * service term G_g, the service-time grids of the plain bound); {@link #table} then builds the options
 * of one stage at one rate with the Erlang terms computed once per (k, n, α).
 *
 * <p>Options o = (k, n ∈ 1..n_max, α ∈ {1/A, …, 1}, m ∈ M with m ≥ mem_i, b) plus the FaaS-only options
 * (n = 0, α = 0, no type); the options with α = 0 and n ≥ 1 (idle VMs) are not generated, since their
 * n = 0 twin has the same risk and budget at a lower cost (the multi-period models keep idle VMs through
 * N ≥ Σ n z instead). FaaS-only options whose slowdown tail is 0 at every budget (f_m = 1, L^F = 0) get
 * b = 0 only, the other budgets being dominated by it.
 *
 * <p>As in §7, the VM part of the split risk is the waiting tail alone and G_g uses full-speed service:
 * with speedFactor ≥ 1 (every generated instance has 1) the VM service X/speed is within the shared
 * term; a slower VM's extra (1/speed − 1)·X is not charged anywhere.
 */
public final class ProvisioningOptions {
    /** Which SLO decomposition the risks and budgets belong to. */
    public enum SloBound {
        /** §7 default: ε_io = α·P(W &gt; b) + (1−α)·P((f_m − 1)X_i + L^F &gt; b) plus the shared term G_g. */
        SPLIT,
        /** The plain union bound: ε_io = the stage sojourn tail P(W + X_i/speed &gt; b) or P(f_m X_i + L^F &gt; b), Σ b + hops ≤ D. */
        PLAIN
    }

    /** How the options of a table are reduced. */
    public enum Dominance {
        /** Keep every option. */
        NONE,
        /**
         * §7: drop o if another option has cost ≤, risk ≤ and budget ≤ (the lower index kept among equals).
         * Exact for the one-period (static) model.
         */
        COST,
        /**
         * For the multi-period models, where the VM cost goes through N_{ikt} and launches: drop o if
         * another option has FaaS cost ≤, risk ≤, budget ≤ and uses no more VMs of the same type (or none).
         * Exact there, since the dominating option never needs more ready VMs.
         */
        PERIOD
    }

    /**
     * The option grid.
     *
     * @param alphaSteps   A: α ∈ {0, 1/A, …, 1} (20 in §7)
     * @param budgetStepMs step of the stage budgets b and of the service levels B_g (5 ms)
     * @param budgetMaxMs  largest stage budget b of the split bound (200 ms); the plain bound goes to D
     * @param rhoMax       stability: α r_i λ &lt; ρ_max·n·vcpus·speed·1000/s_i (0.9)
     * @param nMaxFactor   n_max = ⌈factor·r_i λ_max (s_i/1000)/vcpus⌉ (1.2)
     * @param nMaxCap      a cap on n_max (tiny test grids), or {@link Integer#MAX_VALUE}
     */
    public record Grid(int alphaSteps, double budgetStepMs, double budgetMaxMs, double rhoMax, double nMaxFactor,
                       int nMaxCap) {
        public static final Grid STANDARD = new Grid(20, 5, 200, 0.9, 1.2, Integer.MAX_VALUE);

        public Grid {
            if (alphaSteps < 1 || !(budgetStepMs > 0) || !(budgetMaxMs >= 0) || !(rhoMax > 0) || !(nMaxFactor > 0)
                    || nMaxCap < 0) {
                throw new IllegalArgumentException("The option grid (" + alphaSteps + ", " + budgetStepMs + ", "
                        + budgetMaxMs + ", " + rhoMax + ", " + nMaxFactor + ", " + nMaxCap + ") is invalid.");
            }
        }
    }

    private final ProvisioningInstance instance;
    private final Grid grid;
    private final SloBound sloBound;
    private final int stageCount;
    private final int[] memoryMiB;
    private final double[] reach;
    private final double[] serviceMeanMs;
    private final double[] kappa;
    /** c^F_i(m) USD per invocation, NaN where m &lt; mem_i. */
    private final double[][] faasUsdPerInvocation;
    /** [i][m][b level]: the FaaS part of the risk. */
    private final double[][][] faasTail;
    private final boolean[][] faasTailZero;
    private final int budgetLevels;
    /** G_g at B_g = g·step (split bound only; empty for plain). */
    private final double[] sharedTerm;
    /** Plain bound: per stage and VM type, the bins of X_i/speed on the 0.1 ms grid and P(X_i/speed &gt; b). */
    private final double[][][] sojournBins;
    private final double[][][] serviceSurvival;
    private final boolean[][] keptTypes;
    /** Options above these can be in no feasible plan: r_i ε_io ≤ ε − min_g G_g, and b ≤ max{B_g : G_g ≤ ε}. */
    private final double riskCap;
    private final int budgetLevelCap;

    private ProvisioningOptions(ProvisioningInstance instance, Grid grid, SloBound sloBound) {
        this.instance = instance;
        this.grid = grid;
        this.sloBound = sloBound;
        this.stageCount = instance.stages().size();
        this.memoryMiB = instance.faas().memoryOptionsMiB().stream().mapToInt(Integer::intValue).toArray();
        double latencyMs = instance.slo().latencyMs();
        double maxBudget = sloBound == SloBound.SPLIT ? Math.min(grid.budgetMaxMs(), latencyMs) : latencyMs;
        this.budgetLevels = (int) Math.floor(maxBudget / grid.budgetStepMs() + 1e-9) + 1;
        reach = new double[stageCount];
        serviceMeanMs = new double[stageCount];
        kappa = new double[stageCount];
        faasUsdPerInvocation = new double[stageCount][memoryMiB.length];
        faasTail = new double[stageCount][memoryMiB.length][];
        faasTailZero = new boolean[stageCount][memoryMiB.length];
        double coldMs = instance.faas().coldStartMs();
        for (int i = 0; i < stageCount; i++) {
            ProvisioningInstance.Stage stage = instance.stages().get(i);
            reach[i] = instance.reach(i);
            serviceMeanMs[i] = stage.serviceMeanMs();
            kappa[i] = (1 + ProvisioningTails.scv(stage.serviceDistribution())) / 2;
            for (int m = 0; m < memoryMiB.length; m++) {
                if (memoryMiB[m] < stage.minMemoryMiB()) {
                    faasUsdPerInvocation[i][m] = Double.NaN;
                    continue;
                }
                faasUsdPerInvocation[i][m] = ProvisioningTails.faasUsdPerInvocation(instance, i, memoryMiB[m]);
                double slowdown = instance.faas().slowdown(memoryMiB[m]);
                double extraFactor = sloBound == SloBound.SPLIT ? slowdown - 1 : slowdown;
                RealDistribution extra = extraFactor > 0 ? ProvisioningTails.serviceMs(stage, extraFactor) : null;
                double[] tail = new double[budgetLevels];
                boolean zero = true;
                for (int b = 0; b < budgetLevels; b++) {
                    double room = b * grid.budgetStepMs() - coldMs;
                    if (extra == null) {
                        tail[b] = room < 0 ? 1 : 0;
                    } else {
                        tail[b] = room < 0 ? 1 : 1 - extra.cumulativeProbability(room);
                    }
                    zero &= tail[b] == 0;
                }
                faasTail[i][m] = tail;
                faasTailZero[i][m] = zero;
            }
        }
        if (sloBound == SloBound.SPLIT) {
            int levels = (int) Math.floor(latencyMs / grid.budgetStepMs() + 1e-9) + 1;
            ProvisioningServiceTail tail = ProvisioningServiceTail.of(instance, ProvisioningServiceTail.STEP_MS,
                    latencyMs);
            sharedTerm = new double[levels];
            for (int g = 0; g < levels; g++) {
                sharedTerm[g] = tail.sharedTerm(latencyMs, g * grid.budgetStepMs());
            }
            sojournBins = null;
            serviceSurvival = null;
        } else {
            sharedTerm = new double[0];
            int types = instance.vmTypes().size();
            sojournBins = new double[stageCount][types][];
            serviceSurvival = new double[stageCount][types][];
            int size = (int) Math.floor(latencyMs / ProvisioningServiceTail.STEP_MS + 1e-9) + 1;
            for (int i = 0; i < stageCount; i++) {
                for (int k = 0; k < types; k++) {
                    RealDistribution law = ProvisioningTails.serviceMs(instance.stages().get(i),
                            1 / instance.vmTypes().get(k).speedFactor());
                    sojournBins[i][k] = ProvisioningServiceTail.binPmf(law, ProvisioningServiceTail.STEP_MS, size);
                    double[] survival = new double[budgetLevels];
                    for (int b = 0; b < budgetLevels; b++) {
                        survival[b] = 1 - law.cumulativeProbability(b * grid.budgetStepMs());
                    }
                    serviceSurvival[i][k] = survival;
                }
            }
        }
        double epsilon = instance.slo().violationProbability();
        if (sloBound == SloBound.SPLIT) {
            double least = Double.POSITIVE_INFINITY;
            int cap = -1;
            for (int g = 0; g < sharedTerm.length; g++) {
                least = Math.min(least, sharedTerm[g]);
                if (sharedTerm[g] <= epsilon) {
                    cap = g;
                }
            }
            riskCap = epsilon - least;
            budgetLevelCap = Math.min(budgetLevels - 1, cap);
        } else {
            riskCap = epsilon;
            budgetLevelCap = budgetLevels - 1;
        }
        keptTypes = new boolean[stageCount][];
        for (int i = 0; i < stageCount; i++) {
            keptTypes[i] = undominatedTypes(i);
        }
    }

    /** The standard §7 grid with the split bound. */
    public static ProvisioningOptions of(ProvisioningInstance instance) {
        return of(instance, Grid.STANDARD, SloBound.SPLIT);
    }

    public static ProvisioningOptions of(ProvisioningInstance instance, Grid grid, SloBound sloBound) {
        return new ProvisioningOptions(Objects.requireNonNull(instance, "instance"), Objects.requireNonNull(grid),
                Objects.requireNonNull(sloBound));
    }

    public ProvisioningInstance instance() {
        return instance;
    }

    public Grid grid() {
        return grid;
    }

    public SloBound sloBound() {
        return sloBound;
    }

    /** Number of stage budget levels: b ∈ {0, step, …}. */
    public int budgetLevels() {
        return budgetLevels;
    }

    /** Number of service levels B_g ∈ {0, step, …, D} (split bound; 0 for plain). */
    public int serviceLevels() {
        return sharedTerm.length;
    }

    /** B_g in ms. */
    public double serviceBudgetMs(int level) {
        return level * grid.budgetStepMs();
    }

    /** G_g = Σ_j e_j·P(Σ_{i≤j} X_i &gt; D − B_g) (split bound). */
    public double sharedTerm(int level) {
        return sharedTerm[level];
    }

    /** c^F_i(m) in USD per invocation (memory index m); NaN where m &lt; mem_i. */
    public double faasUsdPerInvocation(int stage, int memoryIndex) {
        return faasUsdPerInvocation[stage][memoryIndex];
    }

    /**
     * The VM types a multi-period model needs for stage i: type k is left out when another type k' fits
     * the stage (C7), is at least as fast, has a vCPU count dividing k's and costs no more per vCPU (strictly
     * less in one of these, or a lower index when equal). n VMs of k are then matched by n·vcpus_k/vcpus_k'
     * VMs of k' with the same workers, no more cost and no more risk (m5.large and c5.xlarge on the reference).
     */
    public boolean typeKept(int stage, int vmType) {
        return keptTypes[stage][vmType];
    }

    private boolean[] undominatedTypes(int stage) {
        var types = instance.vmTypes();
        boolean[] kept = new boolean[types.size()];
        for (int k = 0; k < types.size(); k++) {
            kept[k] = fits(stage, k);
            for (int other = 0; other < types.size() && kept[k]; other++) {
                if (other == k || !fits(stage, other)) {
                    continue;
                }
                var a = types.get(other);
                var b = types.get(k);
                double priceA = a.usdPerHour() / a.vcpus();
                double priceB = b.usdPerHour() / b.vcpus();
                boolean weakly = a.speedFactor() >= b.speedFactor() && b.vcpus() % a.vcpus() == 0 && priceA <= priceB;
                boolean strictly = a.speedFactor() > b.speedFactor() || a.vcpus() < b.vcpus() || priceA < priceB
                        || other < k;
                if (weakly && strictly) {
                    kept[k] = false;
                }
            }
        }
        return kept;
    }

    /** C7: VM memory ≥ mem_i. */
    public boolean fits(int stage, int vmType) {
        return instance.vmTypes().get(vmType).memoryGiB() * 1024 >= instance.stages().get(stage).minMemoryMiB();
    }

    /** n_max of type k for stage i at the largest rate λ_max: ⌈factor·r_i λ_max (s_i/1000)/vcpus⌉, capped. */
    public int maxVms(int stage, int vmType, double maxRatePerSecond) {
        double load = grid.nMaxFactor() * reach[stage] * maxRatePerSecond * serviceMeanMs[stage] / 1000
                / instance.vmTypes().get(vmType).vcpus();
        return (int) Math.min(grid.nMaxCap(), Math.ceil(load - 1e-12));
    }

    /**
     * The worst hop delay between stage i and i+1 given which services each uses (C4: the worst active
     * pair is charged), in ms; 0 when either stage uses no service.
     */
    public double hopMs(boolean vmHere, boolean faasHere, boolean vmNext, boolean faasNext) {
        ProvisioningInstance.Transfers transfers = instance.transferMs();
        double worst = 0;
        if (vmHere && vmNext) {
            worst = Math.max(worst, transfers.vmVm());
        }
        if (vmHere && faasNext) {
            worst = Math.max(worst, transfers.vmFaas());
        }
        if (faasHere && vmNext) {
            worst = Math.max(worst, transfers.faasVm());
        }
        if (faasHere && faasNext) {
            worst = Math.max(worst, transfers.faasFaas());
        }
        return worst;
    }

    /**
     * The options of stage i at overall rate λ, costs over {@code seconds}, n_max from {@code maxRate}
     * (λ_max), reduced by {@code dominance}. With {@link Dominance#PERIOD} only the types of
     * {@link #typeKept} are generated. Options that fit in no feasible plan are never generated: risk
     * r_i ε_io &gt; ε − min_g G_g (C6 with every other term ≥ 0), or a budget b above the largest B_g with
     * G_g ≤ ε (C5 with C6).
     */
    public ProvisioningOptionTable table(int stage, double ratePerSecond, double maxRatePerSecond, double seconds,
                                         Dominance dominance) {
        Columns columns = new Columns();
        int alphaSteps = grid.alphaSteps();
        double stageRate = reach[stage] * ratePerSecond;
        // FaaS-only options: n = 0, α = 0, no type.
        for (int m = 0; m < memoryMiB.length; m++) {
            if (Double.isNaN(faasUsdPerInvocation[stage][m])) {
                continue;
            }
            double faasUsd = stageRate * seconds * faasUsdPerInvocation[stage][m];
            int budgets = faasTailZero[stage][m] ? 1 : budgetLevelCap + 1;
            for (int b = 0; b < budgets; b++) {
                if (reach[stage] * faasTail[stage][m][b] <= riskCap) {
                    columns.add(-1, 0, 0, m, b, 0, faasUsd, faasTail[stage][m][b]);
                }
            }
        }
        double[] waitTail = new double[budgetLevels];
        for (int k = 0; k < instance.vmTypes().size(); k++) {
            if (!fits(stage, k) || (dominance == Dominance.PERIOD && !keptTypes[stage][k])) {
                continue;
            }
            ProvisioningInstance.VmType type = instance.vmTypes().get(k);
            double serviceRate = 1000 * type.speedFactor() / serviceMeanMs[stage];
            int maxN = maxVms(stage, k, maxRatePerSecond);
            for (int n = 1; n <= maxN; n++) {
                int servers = n * type.vcpus();
                double vmUsd = n * type.usdPerHour() * seconds / 3600;
                for (int level = 1; level <= alphaSteps; level++) {
                    double alpha = (double) level / alphaSteps;
                    double vmRate = alpha * stageRate;
                    if (!(vmRate < grid.rhoMax() * servers * serviceRate)) {
                        break;
                    }
                    vmTail(stage, k, servers, vmRate, serviceRate, waitTail);
                    for (int m = 0; m < memoryMiB.length; m++) {
                        if (Double.isNaN(faasUsdPerInvocation[stage][m])) {
                            continue;
                        }
                        double faasUsd = (1 - alpha) * stageRate * seconds * faasUsdPerInvocation[stage][m];
                        if (level == alphaSteps) {
                            faasUsd = 0;
                        }
                        for (int b = 0; b <= budgetLevelCap; b++) {
                            double risk = level == alphaSteps ? waitTail[b]
                                    : alpha * waitTail[b] + (1 - alpha) * faasTail[stage][m][b];
                            if (reach[stage] * risk <= riskCap) {
                                columns.add(k, n, level, m, b, vmUsd, faasUsd, risk);
                            }
                        }
                    }
                }
            }
        }
        boolean[] keep = switch (dominance) {
            case NONE -> null;
            case COST -> columns.undominatedByCost(budgetLevels);
            case PERIOD -> columns.undominatedPerPeriod(budgetLevels, instance.vmTypes().size());
        };
        return columns.table(stage, ratePerSecond, seconds, grid, memoryMiB, keep);
    }

    /**
     * The VM part of the risk per budget level: P(W &gt; b) (split) or P(W + X/speed &gt; b) (plain) for an
     * M/G/c pool with c = servers, arrivals vmRate/s and service rate μ/s, by Allen–Cunneen.
     */
    private void vmTail(int stage, int vmType, int servers, double vmRate, double serviceRate, double[] out) {
        double load = vmRate / serviceRate;
        double waitProbability = ProvisioningTails.erlangC(servers, load);
        double theta = (servers * serviceRate - vmRate) / kappa[stage];
        double step = grid.budgetStepMs();
        if (sloBound == SloBound.SPLIT) {
            for (int b = 0; b < out.length; b++) {
                out[b] = waitProbability * Math.exp(-theta * b * step / 1000);
            }
            return;
        }
        // P(Y + W > b) = P(Y > b) + C·E[e^{−θ(b−Y)}; Y ≤ b], each bin (qh, (q+1)h] of Y bounded at its upper end.
        double[] bins = sojournBins[stage][vmType];
        double h = ProvisioningServiceTail.STEP_MS;
        for (int b = 0; b < out.length; b++) {
            double budget = b * step;
            double expected = 0;
            for (int q = 0; q < bins.length && q * h < budget; q++) {
                expected += bins[q] * Math.min(1, Math.exp(-theta * (budget - (q + 1) * h) / 1000));
            }
            out[b] = Math.min(1, serviceSurvival[stage][vmType][b] + waitProbability * expected);
        }
    }

    /** Growing primitive columns of the options being generated. */
    private static final class Columns {
        private int size;
        private int[] vmType = new int[1024];
        private int[] vmCount = new int[1024];
        private int[] alphaLevel = new int[1024];
        private int[] memoryIndex = new int[1024];
        private int[] budgetLevel = new int[1024];
        private double[] vmUsd = new double[1024];
        private double[] faasUsd = new double[1024];
        private double[] risk = new double[1024];

        void add(int k, int n, int level, int m, int b, double vm, double faas, double r) {
            if (size == vmType.length) {
                int grown = 2 * size;
                vmType = Arrays.copyOf(vmType, grown);
                vmCount = Arrays.copyOf(vmCount, grown);
                alphaLevel = Arrays.copyOf(alphaLevel, grown);
                memoryIndex = Arrays.copyOf(memoryIndex, grown);
                budgetLevel = Arrays.copyOf(budgetLevel, grown);
                vmUsd = Arrays.copyOf(vmUsd, grown);
                faasUsd = Arrays.copyOf(faasUsd, grown);
                risk = Arrays.copyOf(risk, grown);
            }
            vmType[size] = k;
            vmCount[size] = n;
            alphaLevel[size] = level;
            memoryIndex[size] = m;
            budgetLevel[size] = b;
            vmUsd[size] = vm;
            faasUsd[size] = faas;
            risk[size] = r;
            size++;
        }

        /**
         * Sweep in (cost, risk, budget, index) order: every option that dominates o comes before o, so o
         * is dominated iff a kept earlier option has budget ≤ and risk ≤ (prefix minimum over budgets).
         */
        boolean[] undominatedByCost(int budgetLevels) {
            double[] cost = new double[size];
            for (int o = 0; o < size; o++) {
                cost[o] = vmUsd[o] + faasUsd[o];
            }
            Integer[] order = sorted(cost, false);
            boolean[] keep = new boolean[size];
            double[] minRisk = new double[budgetLevels];
            Arrays.fill(minRisk, Double.POSITIVE_INFINITY);
            for (int o : order) {
                if (!dominated(minRisk, budgetLevel[o], risk[o])) {
                    keep[o] = true;
                    minRisk[budgetLevel[o]] = Math.min(minRisk[budgetLevel[o]], risk[o]);
                }
            }
            return keep;
        }

        /**
         * Sweep in (FaaS cost, risk, budget, n, index) order; o (type k, n VMs) is dominated iff a kept
         * earlier option with budget ≤ and risk ≤ uses no VM, or type k with n' ≤ n.
         */
        boolean[] undominatedPerPeriod(int budgetLevels, int types) {
            Integer[] order = sorted(faasUsd, true);
            int maxN = 0;
            for (int o = 0; o < size; o++) {
                maxN = Math.max(maxN, vmCount[o]);
            }
            double[] none = new double[budgetLevels];
            Arrays.fill(none, Double.POSITIVE_INFINITY);
            double[][][] byType = new double[types][maxN + 1][budgetLevels];
            for (double[][] perType : byType) {
                for (double[] row : perType) {
                    Arrays.fill(row, Double.POSITIVE_INFINITY);
                }
            }
            boolean[] keep = new boolean[size];
            for (int o : order) {
                int b = budgetLevel[o];
                boolean dominated = dominated(none, b, risk[o]);
                if (!dominated && vmType[o] >= 0) {
                    for (int n = 1; n <= vmCount[o] && !dominated; n++) {
                        dominated = dominated(byType[vmType[o]][n], b, risk[o]);
                    }
                }
                if (!dominated) {
                    keep[o] = true;
                    double[] row = vmType[o] < 0 ? none : byType[vmType[o]][vmCount[o]];
                    row[b] = Math.min(row[b], risk[o]);
                }
            }
            return keep;
        }

        private static boolean dominated(double[] minRiskByBudget, int budget, double risk) {
            for (int b = 0; b <= budget; b++) {
                if (minRiskByBudget[b] <= risk) {
                    return true;
                }
            }
            return false;
        }

        /** Indices by (primary, risk, budget[, n], index). */
        private Integer[] sorted(double[] primary, boolean byCount) {
            Integer[] order = new Integer[size];
            for (int o = 0; o < size; o++) {
                order[o] = o;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(primary[a], primary[b]);
                if (c == 0) {
                    c = Double.compare(risk[a], risk[b]);
                }
                if (c == 0) {
                    c = Integer.compare(budgetLevel[a], budgetLevel[b]);
                }
                if (c == 0 && byCount) {
                    c = Integer.compare(vmCount[a], vmCount[b]);
                }
                return c != 0 ? c : Integer.compare(a, b);
            });
            return order;
        }

        ProvisioningOptionTable table(int stage, double rate, double seconds, Grid grid, int[] memoryMiB,
                                      boolean[] keep) {
            int kept = 0;
            for (int o = 0; o < size; o++) {
                if (keep == null || keep[o]) {
                    kept++;
                }
            }
            int[] k = new int[kept];
            int[] n = new int[kept];
            int[] a = new int[kept];
            int[] m = new int[kept];
            int[] b = new int[kept];
            double[] vm = new double[kept];
            double[] faas = new double[kept];
            double[] r = new double[kept];
            int next = 0;
            for (int o = 0; o < size; o++) {
                if (keep == null || keep[o]) {
                    k[next] = vmType[o];
                    n[next] = vmCount[o];
                    a[next] = alphaLevel[o];
                    m[next] = memoryIndex[o];
                    b[next] = budgetLevel[o];
                    vm[next] = vmUsd[o];
                    faas[next] = faasUsd[o];
                    r[next] = risk[o];
                    next++;
                }
            }
            return new ProvisioningOptionTable(stage, rate, seconds, grid, memoryMiB, k, n, a, m, b, vm, faas, r);
        }
    }
}
