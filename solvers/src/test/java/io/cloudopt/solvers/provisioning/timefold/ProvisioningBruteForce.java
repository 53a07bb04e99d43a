package io.cloudopt.solvers.provisioning.timefold;

import java.util.HashMap;
import java.util.Map;

/**
 * The optimum of the §8 model on a tiny instance by dynamic programming over the periods, written apart
 * from the score calculator: per period every combination of options is tried, feasible when some level
 * g meets C5 and C6; the state carried between periods is the (type, n) of every stage, and a rise of n
 * costs launches. Only for L^V &lt; H, where no VM is held across a gap (N = n).
 */
final class ProvisioningBruteForce {
    private ProvisioningBruteForce() {
    }

    /** The least model cost in micro-USD, or {@link Long#MAX_VALUE} when no plan meets C5/C6. */
    static long optimumMicro(PlanTables tables) {
        if (tables.maxBridge > 0) {
            throw new IllegalArgumentException("The maxBridge (" + tables.maxBridge + ") must be 0."
                    + "\nMaybe the cold start is not shorter than the period.");
        }
        Map<String, Long> previous = new HashMap<>();
        previous.put(state(tables.stages, new int[tables.stages], new int[tables.stages]), 0L);
        Map<String, int[][]> decode = new HashMap<>();
        decode.put(state(tables.stages, new int[tables.stages], new int[tables.stages]),
                new int[][] {filled(tables.stages, -1), new int[tables.stages]});
        for (int t = 0; t < tables.periods; t++) {
            Map<String, Long> periodBest = new HashMap<>();
            int[] chosen = new int[tables.stages];
            enumerate(tables, t, 0, chosen, periodBest, decode);
            Map<String, Long> next = new HashMap<>();
            for (Map.Entry<String, Long> to : periodBest.entrySet()) {
                int[][] toState = decode.get(to.getKey());
                long best = Long.MAX_VALUE;
                for (Map.Entry<String, Long> from : previous.entrySet()) {
                    int[][] fromState = decode.get(from.getKey());
                    long launches = 0;
                    for (int i = 0; i < tables.stages; i++) {
                        int type = toState[0][i];
                        if (type < 0) {
                            continue;
                        }
                        int before = fromState[0][i] == type ? fromState[1][i] : 0;
                        launches += tables.launchMicro[type] * Math.max(0, toState[1][i] - before);
                    }
                    best = Math.min(best, from.getValue() + launches);
                }
                next.put(to.getKey(), best + to.getValue());
            }
            previous = next;
        }
        return previous.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }

    private static void enumerate(PlanTables tables, int t, int i, int[] chosen, Map<String, Long> periodBest,
                                  Map<String, int[][]> decode) {
        if (i == tables.stages) {
            if (!feasible(tables, t, chosen)) {
                return;
            }
            int[] types = new int[tables.stages];
            int[] counts = new int[tables.stages];
            long cost = 0;
            for (int s = 0; s < tables.stages; s++) {
                int o = chosen[s];
                types[s] = tables.vmType[t][s][o];
                counts[s] = tables.vmCount[t][s][o];
                cost += tables.faasMicro[t][s][o];
                if (types[s] >= 0) {
                    cost += tables.vmPeriodMicro[types[s]] * counts[s];
                }
            }
            String key = state(tables.stages, types, counts);
            decode.putIfAbsent(key, new int[][] {types, counts});
            periodBest.merge(key, cost, Math::min);
            return;
        }
        for (int o = 0; o < tables.tables[t][i].size(); o++) {
            chosen[i] = o;
            enumerate(tables, t, i + 1, chosen, periodBest, decode);
        }
    }

    /** Some level g has Σ b + worst hops ≤ B_g (C5) and Σ risk + G_g ≤ ε (C6), all scaled. */
    private static boolean feasible(PlanTables tables, int t, int[] chosen) {
        long risk = 0;
        long budget = 0;
        for (int i = 0; i < tables.stages; i++) {
            risk += tables.riskScaled[t][i][chosen[i]];
            budget += tables.budgetUs[t][i][chosen[i]];
            if (i + 1 < tables.stages) {
                budget += tables.hopUs(t, i, chosen[i], chosen[i + 1]);
            }
        }
        for (int g = 0; g < tables.levels; g++) {
            if (budget <= tables.levelUs[g] && risk + tables.sharedScaled[g] <= tables.epsilonScaled) {
                return true;
            }
        }
        return false;
    }

    private static String state(int stages, int[] types, int[] counts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < stages; i++) {
            key.append(types[i] < 0 || counts[i] == 0 ? "-" : types[i] + ":" + counts[i]).append(',');
        }
        return key.toString();
    }

    private static int[] filled(int size, int value) {
        int[] array = new int[size];
        java.util.Arrays.fill(array, value);
        return array;
    }
}
