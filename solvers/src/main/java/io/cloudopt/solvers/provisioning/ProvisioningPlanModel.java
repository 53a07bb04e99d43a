package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The data of one §7 model, shared by {@link ProvisioningMilp}, {@link ProvisioningCpSat} and the brute
 * force of the tests: option tables per (period, stage) and, for the multi-period form (C8–C10), the
 * VM types with N_{ikt} variables, the ready VMs before the first period and the launches already
 * committed. The one-period static form puts the VM cost in the options (C_io = n p_k H/3600 + FaaS);
 * the multi-period form charges p_k/3600·(H·N_{ikt} + L^V·A_{ikt}) and the options' FaaS cost only.
 * Periods here are model periods 0..P−1; {@code firstPeriod} is the plan period of model period 0.
 */
public final class ProvisioningPlanModel {
    /** Costs are integer micro-USD and risks integer 1e-9 units in the CP-SAT model (§7). */
    static final double MICRO_USD = 1e6;
    static final double RISK_UNITS = 1e9;

    private final ProvisioningOptions options;
    private final ProvisioningOptionTable[][] tables;
    private final boolean multiPeriod;
    private final int firstPeriod;
    private final boolean[][] typeUsed;
    private final int[][] initialReady;
    private final int[][][] fixedLaunches;

    private ProvisioningPlanModel(ProvisioningOptions options, ProvisioningOptionTable[][] tables, boolean multiPeriod,
                                  int firstPeriod, boolean[][] typeUsed, int[][] initialReady,
                                  int[][][] fixedLaunches) {
        this.options = options;
        this.tables = tables;
        this.multiPeriod = multiPeriod;
        this.firstPeriod = firstPeriod;
        this.typeUsed = typeUsed;
        this.initialReady = initialReady;
        this.fixedLaunches = fixedLaunches;
    }

    /** The static model: one table per stage, costs over the whole horizon, VM cost inside the options. */
    public static ProvisioningPlanModel oneShot(ProvisioningOptions options, ProvisioningOptionTable[] tables) {
        return new ProvisioningPlanModel(options, new ProvisioningOptionTable[][] {tables.clone()}, false, 0,
                null, null, null);
    }

    /**
     * The multi-period model over {@code tables[t][i]} (costs over one period H). N_{ik,−1} =
     * {@code initialReady[i][k]}; {@code fixedLaunches[t][i][k]} ≥ 0 fixes A_{ikt} (launches decided
     * earlier), −1 leaves it free; null = all free. Types with no option in any table of the stage get no
     * N variables unless VMs of them are ready or launched already.
     */
    public static ProvisioningPlanModel multiPeriod(ProvisioningOptions options, ProvisioningOptionTable[][] tables,
                                                    int firstPeriod, int[][] initialReady, int[][][] fixedLaunches) {
        ProvisioningInstance instance = options.instance();
        int stages = instance.stages().size();
        int types = instance.vmTypes().size();
        int[][] ready = initialReady == null ? new int[stages][types] : initialReady;
        boolean[][] used = new boolean[stages][types];
        for (int i = 0; i < stages; i++) {
            for (int k = 0; k < types; k++) {
                used[i][k] = ready[i][k] > 0;
            }
            for (ProvisioningOptionTable[] period : tables) {
                for (int o = 0; o < period[i].size(); o++) {
                    if (period[i].vmType(o) >= 0) {
                        used[i][period[i].vmType(o)] = true;
                    }
                }
            }
            if (fixedLaunches != null) {
                for (int[][] launches : fixedLaunches) {
                    if (launches != null) {
                        for (int k = 0; k < types; k++) {
                            used[i][k] |= launches[i][k] > 0;
                        }
                    }
                }
            }
        }
        return new ProvisioningPlanModel(options, tables, true, firstPeriod, used, ready, fixedLaunches);
    }

    public ProvisioningOptions options() {
        return options;
    }

    public ProvisioningInstance instance() {
        return options.instance();
    }

    public boolean isMultiPeriod() {
        return multiPeriod;
    }

    public int periods() {
        return tables.length;
    }

    public int stages() {
        return tables[0].length;
    }

    public int types() {
        return instance().vmTypes().size();
    }

    public int firstPeriod() {
        return firstPeriod;
    }

    public ProvisioningOptionTable table(int period, int stage) {
        return tables[period][stage];
    }

    /** Whether N_{ikt} exists for stage i and type k (multi-period). */
    public boolean typeUsed(int stage, int vmType) {
        return multiPeriod && typeUsed[stage][vmType];
    }

    public int initialReady(int stage, int vmType) {
        return multiPeriod ? initialReady[stage][vmType] : 0;
    }

    /** The fixed A_{ikt}, or −1 when free. */
    public int fixedLaunches(int period, int stage, int vmType) {
        if (fixedLaunches == null || period >= fixedLaunches.length || fixedLaunches[period] == null) {
            return -1;
        }
        return fixedLaunches[period][stage][vmType];
    }

    /** The objective coefficient of option o: C_io (static) or its FaaS cost (multi-period). */
    public double optionUsd(int period, int stage, int option) {
        ProvisioningOptionTable table = tables[period][stage];
        return multiPeriod ? table.faasUsd(option) : table.costUsd(option);
    }

    /** p_k·H/3600: one ready VM for one period. */
    public double readyUsd(int vmType) {
        return instance().vmTypes().get(vmType).usdPerHour() * instance().periodSeconds() / 3600;
    }

    /** p_k·L^V/3600: the boot time of one launch. */
    public double launchUsd(int vmType) {
        return instance().vmTypes().get(vmType).usdPerHour() * instance().vmColdStartSeconds() / 3600;
    }

    /** The service levels g usable at all (G_g ≤ ε; split bound), ascending; empty for the plain bound. */
    public int[] serviceLevels() {
        double epsilon = instance().slo().violationProbability();
        return IntStream.range(0, options.serviceLevels())
                .filter(g -> options.sharedTerm(g) <= epsilon).toArray();
    }

    /** Split bound (y_g, G_g; C5 against Σ B_g y_g) or plain (C5' against D). */
    public boolean splitBound() {
        return options.sloBound() == ProvisioningOptions.SloBound.SPLIT;
    }

    /** The model cost of a choice (USD). */
    public double cost(Choice choice) {
        double usd = 0;
        for (int t = 0; t < periods(); t++) {
            for (int i = 0; i < stages(); i++) {
                usd += optionUsd(t, i, choice.option()[t][i]);
                if (multiPeriod) {
                    for (int k = 0; k < types(); k++) {
                        usd += readyUsd(k) * choice.ready()[t][i][k] + launchUsd(k) * choice.launches()[t][i][k];
                    }
                }
            }
        }
        return usd;
    }

    // Integer scaling of the CP-SAT model: costs rounded up, risks rounded up, ε rounded down, budgets in ms
    // rounded up and service levels rounded down, so every scaled-feasible plan is feasible unscaled.

    long optionMicroUsd(int period, int stage, int option) {
        return (long) Math.ceil(optionUsd(period, stage, option) * MICRO_USD - 1e-9);
    }

    long readyMicroUsd(int vmType) {
        return (long) Math.ceil(readyUsd(vmType) * MICRO_USD - 1e-9);
    }

    long launchMicroUsd(int vmType) {
        return (long) Math.ceil(launchUsd(vmType) * MICRO_USD - 1e-9);
    }

    /** ⌈1e9·r_i·ε_io⌉. */
    long riskUnits(int period, int stage, int option) {
        return (long) Math.ceil(instance().reach(stage) * tables[period][stage].risk(option) * RISK_UNITS);
    }

    /** ⌈1e9·G_g⌉. */
    long sharedTermUnits(int level) {
        return (long) Math.ceil(options.sharedTerm(level) * RISK_UNITS);
    }

    /** ⌊1e9·ε⌋. */
    long epsilonUnits() {
        return (long) Math.floor(instance().slo().violationProbability() * RISK_UNITS);
    }

    long budgetMsCeil(int period, int stage, int option) {
        return (long) Math.ceil(tables[period][stage].budgetMs(option) - 1e-9);
    }

    long hopMsCeil(double ms) {
        return (long) Math.ceil(ms - 1e-9);
    }

    /** ⌊B_g⌋ ms, or ⌊D⌋ for the plain bound's C5'. */
    long serviceBudgetMsFloor(int level) {
        return (long) Math.floor(options.serviceBudgetMs(level) + 1e-9);
    }

    long latencyMsFloor() {
        return (long) Math.floor(instance().slo().latencyMs() + 1e-9);
    }

    /**
     * One solution of the model.
     *
     * @param option   [t][i] the chosen option index
     * @param level    [t] the service level g (−1 for the plain bound)
     * @param ready    [t][i][k] N_{ikt} (multi-period; zeros for the static form)
     * @param launches [t][i][k] A_{ikt}
     */
    public record Choice(int[][] option, int[] level, int[][][] ready, int[][][] launches) {
        public Choice {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(level, "level");
        }

        @Override
        public String toString() {
            return "Choice[" + Arrays.deepToString(option) + ", levels " + Arrays.toString(level) + ", ready "
                    + Arrays.deepToString(ready) + "]";
        }
    }
}
