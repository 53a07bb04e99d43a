package io.cloudopt.solvers.provisioning;

import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles chosen options into a plan (problems/provisioning.md §4, S11): one pool per stage and VM
 * type that is ever used (id {@code p-<stage>}, or {@code p-<stage>-<type>} when a stage uses several
 * types), launches at t·H − L^V so that the VMs are ready at the start of period t (period 0: at −L^V),
 * terminations at period starts, and per-period routing with the option's memory, pool, α and budget.
 * The listed {@code vmCount} is the ready count the actions give by the S9 rules (a termination takes
 * booting VMs first); it equals N_{ikt} whenever L^V ≤ H. A routing whose pool would have no ready VM
 * (possible only when L^V &gt; H) falls back to FaaS.
 */
public final class ProvisioningPlans {
    private ProvisioningPlans() {
    }

    /**
     * The decisions of one plan period.
     *
     * @param period   the plan period index t
     * @param tables   [i] the option table the option comes from
     * @param options  [i] the chosen option
     * @param ready    [i][k] N_{ikt}: ready VMs wanted at the period start
     * @param launches [i][k] A_{ikt}: launches that boot in the L^V seconds before the period start
     */
    public record PeriodDecision(int period, ProvisioningOptionTable[] tables, int[] options, int[][] ready,
                                 int[][] launches) {
        public PeriodDecision {
            Objects.requireNonNull(tables, "tables");
            Objects.requireNonNull(options, "options");
        }
    }

    public static ProvisioningSolution compile(ProvisioningInstance instance, String policy, long seed,
                                               List<PeriodDecision> decisions) {
        int stages = instance.stages().size();
        int types = instance.vmTypes().size();
        boolean[][] used = new boolean[stages][types];
        for (PeriodDecision decision : decisions) {
            for (int i = 0; i < stages; i++) {
                for (int k = 0; k < types; k++) {
                    used[i][k] |= decision.ready()[i][k] > 0 || decision.launches()[i][k] > 0;
                }
            }
        }
        String[][] poolId = new String[stages][types];
        List<ProvisioningSolution.Pool> pools = pools(instance, used, poolId);
        List<ProvisioningSolution.Action> actions = actions(instance, decisions, poolId);
        Map<String, int[]> readyByPool = replay(instance, actions, pools);
        List<ProvisioningSolution.Period> periods = new ArrayList<>();
        ProvisioningSolution.Period previous = null;
        for (int d = 0; d < decisions.size(); d++) {
            PeriodDecision decision = decisions.get(d);
            int last = d + 1 < decisions.size() ? decisions.get(d + 1).period() : instance.periodCount();
            for (int p = decision.period(); p < last; p++) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (ProvisioningSolution.Pool pool : pools) {
                    counts.put(pool.id(), readyByPool.get(pool.id())[p]);
                }
                List<ProvisioningSolution.Routing> routing = new ArrayList<>();
                for (int i = 0; i < stages; i++) {
                    ProvisioningOptionTable table = decision.tables()[i];
                    int o = decision.options()[i];
                    String stage = instance.stages().get(i).id();
                    String pool = table.usesVm(o) ? poolId[i][table.vmType(o)] : null;
                    boolean ready = pool != null && counts.get(pool) > 0;
                    routing.add(new ProvisioningSolution.Routing(stage, table.memoryMiB(o), ready ? pool : null,
                            ready ? table.vmFraction(o) : 0.0, null, table.budgetMs(o)));
                }
                ProvisioningSolution.Period period = new ProvisioningSolution.Period(p, counts, routing);
                if (previous == null || !previous.vmCount().equals(counts) || !previous.routing().equals(routing)) {
                    periods.add(period);
                    previous = period;
                }
            }
        }
        return new ProvisioningSolution(policy, pools, periods, actions, seed, null);
    }

    /**
     * One pool per stage and used VM type: {@code p-<stage>}, or {@code p-<stage>-<type>} when the stage
     * uses several types. Fills {@code poolId[i][k]} (null where unused).
     */
    static List<ProvisioningSolution.Pool> pools(ProvisioningInstance instance, boolean[][] used, String[][] poolId) {
        List<ProvisioningSolution.Pool> pools = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            int count = 0;
            for (boolean kind : used[i]) {
                count += kind ? 1 : 0;
            }
            String stage = instance.stages().get(i).id();
            for (int k = 0; k < used[i].length; k++) {
                if (used[i][k]) {
                    String type = instance.vmTypes().get(k).id();
                    poolId[i][k] = count == 1 ? "p-" + stage : "p-" + stage + "-" + type;
                    pools.add(new ProvisioningSolution.Pool(poolId[i][k], type, List.of(stage)));
                }
            }
        }
        return pools;
    }

    /** Launch A at t·H − L^V, terminate N_{t−1} + A_t − N_t at t·H; sorted by time (stable). */
    private static List<ProvisioningSolution.Action> actions(ProvisioningInstance instance,
                                                             List<PeriodDecision> decisions, String[][] poolId) {
        int stages = instance.stages().size();
        int types = instance.vmTypes().size();
        List<ProvisioningSolution.Action> actions = new ArrayList<>();
        int[][] before = new int[stages][types];
        double period = instance.periodSeconds();
        for (PeriodDecision decision : decisions) {
            double start = decision.period() * period;
            for (int i = 0; i < stages; i++) {
                for (int k = 0; k < types; k++) {
                    int launch = decision.launches()[i][k];
                    int stop = before[i][k] + launch - decision.ready()[i][k];
                    if (stop < 0) {
                        throw new IllegalStateException("The ready VMs (" + decision.ready()[i][k] + ") of stage " + i
                                + " type " + k + " in period " + decision.period() + " exceed the "
                                + before[i][k] + " before plus " + launch + " launched (C8).");
                    }
                    if (launch > 0) {
                        actions.add(new ProvisioningSolution.Action(start - instance.vmColdStartSeconds(),
                                ProvisioningSolution.Action.LAUNCH, poolId[i][k], launch));
                    }
                    if (stop > 0) {
                        actions.add(new ProvisioningSolution.Action(start, ProvisioningSolution.Action.TERMINATE,
                                poolId[i][k], stop));
                    }
                    before[i][k] = decision.ready()[i][k];
                }
            }
        }
        actions.sort(Comparator.comparingDouble(ProvisioningSolution.Action::timeSeconds));
        return actions;
    }

    /** Ready VMs per pool at every period start under S9 (terminations take booting VMs first). */
    private static Map<String, int[]> replay(ProvisioningInstance instance, List<ProvisioningSolution.Action> actions,
                                             List<ProvisioningSolution.Pool> pools) {
        double coldStart = instance.vmColdStartSeconds();
        Map<String, List<double[]>> vms = new LinkedHashMap<>();
        Map<String, int[]> ready = new LinkedHashMap<>();
        for (ProvisioningSolution.Pool pool : pools) {
            vms.put(pool.id(), new ArrayList<>());
            ready.put(pool.id(), new int[instance.periodCount()]);
        }
        int next = 0;
        for (int p = 0; p < instance.periodCount(); p++) {
            double start = (double) p * instance.periodSeconds();
            while (next < actions.size() && actions.get(next).timeSeconds() <= start) {
                ProvisioningSolution.Action action = actions.get(next++);
                List<double[]> pool = vms.get(action.pool());
                for (int c = 0; c < action.count(); c++) {
                    if (action.isLaunch()) {
                        pool.add(new double[] {action.timeSeconds(), Double.POSITIVE_INFINITY});
                    } else {
                        terminate(pool, action.timeSeconds(), coldStart);
                    }
                }
            }
            for (Map.Entry<String, List<double[]>> entry : vms.entrySet()) {
                int count = 0;
                for (double[] vm : entry.getValue()) {
                    if (vm[0] + coldStart <= start && vm[1] > start) {
                        count++;
                    }
                }
                ready.get(entry.getKey())[p] = count;
            }
        }
        return ready;
    }

    private static void terminate(List<double[]> pool, double time, double coldStart) {
        int booting = -1;
        int ready = -1;
        for (int v = pool.size() - 1; v >= 0; v--) {
            double[] vm = pool.get(v);
            if (vm[1] != Double.POSITIVE_INFINITY) {
                continue;
            }
            if (vm[0] + coldStart > time) {
                if (booting < 0 || vm[0] > pool.get(booting)[0]) {
                    booting = v;
                }
            } else if (ready < 0) {
                ready = v;
            }
        }
        int chosen = booting >= 0 ? booting : ready;
        if (chosen >= 0) {
            pool.get(chosen)[1] = time;
        }
    }
}
