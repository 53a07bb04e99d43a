package io.cloudopt.solvers.provisioning;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The optimum of a tiny {@link ProvisioningPlanModel} by enumeration of every option combination per
 * period and every service level, in USD or, {@code scaled}, in the CP-SAT model's integers (micro-USD,
 * 1e-9 risk units, whole ms). Multi-period: at most two periods, where N_{ikt} = the VMs the options
 * need is optimal (a larger N_0 costs H and L^V per VM and saves at most L^V in period 1).
 */
final class ProvisioningBruteForce {
    private ProvisioningBruteForce() {
    }

    static OptionalDouble optimum(ProvisioningPlanModel data, boolean scaled) {
        if (data.periods() > 2) {
            throw new IllegalArgumentException("The periods (" + data.periods() + ") must be at most 2.");
        }
        int stages = data.stages();
        int types = data.types();
        // Per period: need vector (encoded) → least option cost among feasible combinations.
        @SuppressWarnings("unchecked")
        Map<String, double[]>[] best = new Map[data.periods()];
        for (int t = 0; t < data.periods(); t++) {
            best[t] = new HashMap<>();
            int[] combo = new int[stages];
            enumerate(data, scaled, t, 0, combo, best[t]);
            if (best[t].isEmpty()) {
                return OptionalDouble.empty();
            }
        }
        if (!data.isMultiPeriod()) {
            return OptionalDouble.of(best[0].values().stream().mapToDouble(v -> v[0]).min().orElseThrow());
        }
        double optimum = Double.POSITIVE_INFINITY;
        for (double[] first : best[0].values()) {
            if (data.periods() == 1) {
                optimum = Math.min(optimum, first[0] + vmCost(data, scaled, first, null));
                continue;
            }
            for (double[] second : best[1].values()) {
                optimum = Math.min(optimum, first[0] + second[0] + vmCost(data, scaled, first, second));
            }
        }
        return OptionalDouble.of(optimum);
    }

    /** value[0] = option cost, value[1 + i·types + k] = VMs of type k stage i need. */
    private static double vmCost(ProvisioningPlanModel data, boolean scaled, double[] first, double[] second) {
        double usd = 0;
        int types = data.types();
        for (int i = 0; i < data.stages(); i++) {
            for (int k = 0; k < types; k++) {
                double n0 = first[1 + i * types + k];
                double ready = scaled ? data.readyMicroUsd(k) : data.readyUsd(k);
                double launch = scaled ? data.launchMicroUsd(k) : data.launchUsd(k);
                usd += ready * n0 + launch * n0;
                if (second != null) {
                    double n1 = second[1 + i * types + k];
                    usd += ready * n1 + launch * Math.max(0, n1 - n0);
                }
            }
        }
        return usd;
    }

    private static void enumerate(ProvisioningPlanModel data, boolean scaled, int t, int stage, int[] combo,
                                  Map<String, double[]> best) {
        if (stage == data.stages()) {
            if (!feasible(data, scaled, t, combo)) {
                return;
            }
            int types = data.types();
            double[] value = new double[1 + data.stages() * types];
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < data.stages(); i++) {
                ProvisioningOptionTable table = data.table(t, i);
                int o = combo[i];
                value[0] += scaled ? data.optionMicroUsd(t, i, o) : data.optionUsd(t, i, o);
                if (table.vmType(o) >= 0) {
                    value[1 + i * types + table.vmType(o)] = table.vmCount(o);
                }
            }
            for (int j = 1; j < value.length; j++) {
                key.append((int) value[j]).append(',');
            }
            best.merge(key.toString(), value, (a, b) -> a[0] <= b[0] ? a : b);
            return;
        }
        for (int o = 0; o < data.table(t, stage).size(); o++) {
            combo[stage] = o;
            enumerate(data, scaled, t, stage + 1, combo, best);
        }
    }

    private static boolean feasible(ProvisioningPlanModel data, boolean scaled, int t, int[] combo) {
        ProvisioningOptions options = data.options();
        double budget = 0;
        double risk = 0;
        for (int i = 0; i < data.stages(); i++) {
            ProvisioningOptionTable table = data.table(t, i);
            int o = combo[i];
            budget += scaled ? data.budgetMsCeil(t, i, o) : table.budgetMs(o);
            risk += scaled ? data.riskUnits(t, i, o) : data.instance().reach(i) * table.risk(o);
            if (i + 1 < data.stages()) {
                ProvisioningOptionTable next = data.table(t, i + 1);
                double hop = options.hopMs(table.usesVm(o), table.usesFaas(o), next.usesVm(combo[i + 1]),
                        next.usesFaas(combo[i + 1]));
                budget += scaled ? data.hopMsCeil(hop) : hop;
            }
        }
        double epsilon = scaled ? data.epsilonUnits() : data.instance().slo().violationProbability();
        if (!data.splitBound()) {
            double latency = scaled ? data.latencyMsFloor() : data.instance().slo().latencyMs();
            return budget <= latency && risk <= epsilon;
        }
        for (int g : data.serviceLevels()) {
            double level = scaled ? data.serviceBudgetMsFloor(g) : options.serviceBudgetMs(g);
            double shared = scaled ? data.sharedTermUnits(g) : options.sharedTerm(g);
            if (budget <= level && shared + risk <= epsilon) {
                return true;
            }
        }
        return false;
    }
}
