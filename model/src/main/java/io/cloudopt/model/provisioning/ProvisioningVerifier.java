package io.cloudopt.model.provisioning;

import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan rules of problems/provisioning.md §4 and §6, written apart from the simulator: pool, stage and
 * period references, contiguous pool stages that fit the VM memory, FaaS memories in M with m ≥ mem_i,
 * α ∈ [0,1], counts ≥ 0, no routing to a pool without ready VMs, actions that reproduce {@code vmCount}
 * at every period start and at the {@code fromSeconds} of every entry that starts inside its period,
 * and a recorded simulation block that matches a re-run (costs ±1e-9 relative, counts exact). A
 * simulated SLO miss is not a violation.
 */
public final class ProvisioningVerifier {
    static final double COST_TOLERANCE = 1e-9;

    private ProvisioningVerifier() {
    }

    public static List<Violation> verify(ProvisioningInstance instance, ProvisioningSolution solution) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> pools = checkPools(instance, solution, violations);
        checkPeriods(instance, solution, pools, violations);
        boolean actionsValid = checkActions(instance, solution, pools, violations);
        if (actionsValid && violations.isEmpty()) {
            checkReadyCounts(instance, solution, violations);
        }
        if (violations.isEmpty() && solution.recorded() != null) {
            checkRecorded(instance, solution, violations);
        }
        return violations;
    }

    private static Map<String, Integer> checkPools(ProvisioningInstance instance, ProvisioningSolution solution,
                                                   List<Violation> violations) {
        Map<String, Integer> index = new HashMap<>();
        for (int q = 0; q < solution.pools().size(); q++) {
            ProvisioningSolution.Pool pool = solution.pools().get(q);
            String at = "$.pools[" + q + "]";
            if (index.putIfAbsent(pool.id(), q) != null) {
                violations.add(new Violation("pools", at + ".id", "duplicate pool id " + pool.id()));
            }
            int type = instance.vmTypeIndex(pool.vmType());
            if (type < 0) {
                violations.add(new Violation("pools", at + ".vmType", "VM type " + pool.vmType() + " not found"));
            }
            List<Integer> stages = new ArrayList<>();
            for (String stage : pool.stages()) {
                int i = instance.stageIndex(stage);
                if (i < 0) {
                    violations.add(new Violation("pools", at + ".stages", "stage " + stage + " not found"));
                } else {
                    stages.add(i);
                    // C7: the stage fits the VM's memory
                    if (type >= 0 && instance.vmTypes().get(type).memoryGiB() * 1024
                            < instance.stages().get(i).minMemoryMiB()) {
                        violations.add(new Violation("pools", at + ".vmType", "stage " + stage + " needs "
                                + instance.stages().get(i).minMemoryMiB() + " MiB, more than " + pool.vmType()
                                + " has"));
                    }
                }
            }
            for (int k = 1; k < stages.size(); k++) {
                if (stages.get(k) != stages.get(k - 1) + 1) {
                    violations.add(new Violation("pools", at + ".stages", "must be a contiguous range"));
                    break;
                }
            }
        }
        return index;
    }

    private static void checkPeriods(ProvisioningInstance instance, ProvisioningSolution solution,
                                     Map<String, Integer> pools, List<Violation> violations) {
        int periodCount = instance.periodCount();
        List<ProvisioningSolution.Period> periods = solution.periods();
        if (periods.isEmpty() || periods.get(0).period() != 0 || periods.get(0).fromSeconds() != null) {
            violations.add(new Violation("periods", "$.periods", "must start with period 0"));
        }
        double periodSeconds = instance.periodSeconds();
        for (int k = 0; k < periods.size(); k++) {
            ProvisioningSolution.Period period = periods.get(k);
            String at = "$.periods[" + k + "]";
            if (period.period() < 0 || period.period() >= periodCount) {
                violations.add(new Violation("periods", at + ".period", period.period() + " out of range"));
            }
            Double from = period.fromSeconds();
            double start = (double) period.period() * periodSeconds;
            if (from != null && !(from > start && from < start + periodSeconds)) {
                violations.add(new Violation("periods", at + ".fromSeconds", from + " must lie inside period "
                        + period.period() + ", in (" + start + ", " + (start + periodSeconds) + ")"));
            }
            if (k > 0 && from == null && period.period() <= periods.get(k - 1).period()) {
                violations.add(new Violation("periods", at + ".period", period.period()
                        + " must be greater than the previous period " + periods.get(k - 1).period()));
            }
            if (k > 0 && from != null && !(period.startSeconds(periodSeconds)
                    > periods.get(k - 1).startSeconds(periodSeconds))) {
                violations.add(new Violation("periods", at + ".fromSeconds", from
                        + " must be after the start of the previous entry"));
            }
            period.vmCount().forEach((pool, count) -> {
                if (!pools.containsKey(pool)) {
                    violations.add(new Violation("periods", at + ".vmCount", "pool " + pool + " not found"));
                }
                if (count < 0) {
                    violations.add(new Violation("periods", at + ".vmCount." + pool, count + " must be ≥ 0"));
                }
            });
            checkRouting(instance, solution, pools, period, at, violations);
        }
    }

    private static void checkRouting(ProvisioningInstance instance, ProvisioningSolution solution,
                                     Map<String, Integer> pools, ProvisioningSolution.Period period, String at,
                                     List<Violation> violations) {
        Set<String> routed = new HashSet<>();
        for (int r = 0; r < period.routing().size(); r++) {
            ProvisioningSolution.Routing routing = period.routing().get(r);
            String where = at + ".routing[" + r + "]";
            int stage = instance.stageIndex(routing.stage());
            if (stage < 0) {
                violations.add(new Violation("routing", where + ".stage", "stage " + routing.stage() + " not found"));
                continue;
            }
            if (!routed.add(routing.stage())) {
                violations.add(new Violation("routing", where + ".stage", "stage " + routing.stage()
                        + " is routed twice"));
            }
            int memory = routing.faasMemoryMiB();
            if (!instance.faas().memoryOptionsMiB().contains(memory)) {
                violations.add(new Violation("routing", where + ".faasMemoryMiB", memory
                        + " not in memoryOptionsMiB"));
            } else if (memory < instance.stages().get(stage).minMemoryMiB()) {
                violations.add(new Violation("routing", where + ".faasMemoryMiB", memory + " < minMemoryMiB "
                        + instance.stages().get(stage).minMemoryMiB() + " of stage " + routing.stage()));
            }
            if (!(routing.vmFraction() >= 0 && routing.vmFraction() <= 1)) {
                violations.add(new Violation("routing", where + ".vmFraction", "must be in [0,1]"));
            }
            if (routing.vmMaxPerSecond() != null && routing.vmMaxPerSecond() < 0) {
                violations.add(new Violation("routing", where + ".vmMaxPerSecond", routing.vmMaxPerSecond()
                        + " must be ≥ 0"));
            }
            if (routing.budgetMs() != null && !(routing.budgetMs() >= 0)) {
                violations.add(new Violation("routing", where + ".budgetMs", routing.budgetMs() + " must be ≥ 0"));
            }
            if (routing.pool() != null) {
                Integer pool = pools.get(routing.pool());
                if (pool == null) {
                    violations.add(new Violation("routing", where + ".pool", "pool " + routing.pool() + " not found"));
                } else if (!solution.pools().get(pool).stages().contains(routing.stage())) {
                    violations.add(new Violation("routing", where + ".pool", "pool " + routing.pool()
                            + " does not host stage " + routing.stage()));
                } else if (period.vmCount().getOrDefault(routing.pool(), 0) == 0) {
                    violations.add(new Violation("routing", where + ".pool", "pool " + routing.pool()
                            + " has 0 ready VMs in period " + period.period()));
                }
            }
        }
        for (ProvisioningInstance.Stage stage : instance.stages()) {
            if (!routed.contains(stage.id())) {
                violations.add(new Violation("routing", at + ".routing", "stage " + stage.id() + " has no routing"));
            }
        }
    }

    private static boolean checkActions(ProvisioningInstance instance, ProvisioningSolution solution,
                                        Map<String, Integer> pools, List<Violation> violations) {
        int before = violations.size();
        for (int a = 0; a < solution.actions().size(); a++) {
            ProvisioningSolution.Action action = solution.actions().get(a);
            String at = "$.actions[" + a + "]";
            if (!pools.containsKey(action.pool())) {
                violations.add(new Violation("actions", at + ".pool", "pool " + action.pool() + " not found"));
            }
            if (action.count() < 0) {
                violations.add(new Violation("actions", at + ".count", action.count() + " must be ≥ 0"));
            }
            double time = action.timeSeconds();
            if (!(time >= -instance.vmColdStartSeconds() && time < instance.horizonSeconds())) {
                violations.add(new Violation("actions", at + ".timeSeconds", time + " must be in [−vmColdStartSeconds, "
                        + "horizonSeconds) = [" + -instance.vmColdStartSeconds() + ", " + instance.horizonSeconds()
                        + ")"));
            }
            if (a > 0 && time < solution.actions().get(a - 1).timeSeconds()) {
                violations.add(new Violation("actions", at + ".timeSeconds", time
                        + " is before the previous action's time"));
            }
        }
        return violations.size() == before;
    }

    /**
     * Replays the actions alone: a VM launched at x is ready at x + L^V; a termination picks booting
     * VMs first (latest launch first), then ready ones (highest id first). At every period start the
     * ready VMs of each pool must equal the {@code vmCount} of the entry in force, and so must they at
     * the {@code fromSeconds} of an entry that starts inside its period (actions at that time count).
     */
    private static void checkReadyCounts(ProvisioningInstance instance, ProvisioningSolution solution,
                                         List<Violation> violations) {
        double coldStart = instance.vmColdStartSeconds();
        Map<String, List<double[]>> vms = new HashMap<>(); // per pool: {launch, terminated at (or +inf)}
        solution.pools().forEach(pool -> vms.put(pool.id(), new ArrayList<>()));
        List<ProvisioningSolution.Action> actions = new ArrayList<>(solution.actions());
        actions.sort(Comparator.comparingDouble(ProvisioningSolution.Action::timeSeconds));
        List<ProvisioningSolution.Period> periods = solution.periods();
        double periodSeconds = instance.periodSeconds();
        // checkpoints: every period start (entry −1: the one in force), then every entry inside a period
        List<double[]> checkpoints = new ArrayList<>();
        for (int p = 0; p < instance.periodCount(); p++) {
            checkpoints.add(new double[] {p * periodSeconds, -1});
        }
        for (int k = 0; k < periods.size(); k++) {
            if (periods.get(k).fromSeconds() != null) {
                checkpoints.add(new double[] {periods.get(k).fromSeconds(), k});
            }
        }
        checkpoints.sort(Comparator.comparingDouble(checkpoint -> checkpoint[0]));
        int next = 0;
        int listed = -1;
        for (double[] checkpoint : checkpoints) {
            double start = checkpoint[0];
            while (next < actions.size() && actions.get(next).timeSeconds() <= start) {
                ProvisioningSolution.Action action = actions.get(next++);
                List<double[]> pool = vms.get(action.pool());
                double t = action.timeSeconds();
                for (int c = 0; c < action.count(); c++) {
                    if (action.isLaunch()) {
                        pool.add(new double[] {t, Double.POSITIVE_INFINITY});
                    } else if (!terminate(pool, t, coldStart)) {
                        violations.add(new Violation("actions", "$.actions", "terminate at " + t + " of pool "
                                + action.pool() + " finds no running VM"));
                        return;
                    }
                }
            }
            while (listed + 1 < periods.size() && periods.get(listed + 1).startSeconds(periodSeconds) <= start) {
                listed++;
            }
            ProvisioningSolution.Period period = periods.get(listed);
            String when = checkpoint[1] < 0 ? "period " + (int) Math.round(start / periodSeconds) : "the entry's start";
            for (ProvisioningSolution.Pool pool : solution.pools()) {
                int ready = 0;
                for (double[] vm : vms.get(pool.id())) {
                    if (vm[0] + coldStart <= start && vm[1] > start) {
                        ready++;
                    }
                }
                int wanted = period.vmCount().getOrDefault(pool.id(), 0);
                if (ready != wanted) {
                    violations.add(new Violation("vmCount", "$.periods[" + listed + "].vmCount",
                            "the actions give " + ready + " ready VMs in pool " + pool.id() + " at " + when
                                    + " (t = " + start + " s), vmCount says " + wanted));
                    return;
                }
            }
        }
    }

    private static boolean terminate(List<double[]> pool, double time, double coldStart) {
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
        if (chosen < 0) {
            return false;
        }
        pool.get(chosen)[1] = time;
        return true;
    }

    private static void checkRecorded(ProvisioningInstance instance, ProvisioningSolution solution,
                                      List<Violation> violations) {
        ProvisioningOutcome recorded = solution.recorded();
        ProvisioningOutcome rerun = ProvisioningSimulator.run(instance, solution, solution.seed()).outcome();
        compareCost("costUsd", recorded.costUsd(), rerun.costUsd(), violations);
        compareCost("vmCostUsd", recorded.vmCostUsd(), rerun.vmCostUsd(), violations);
        compareCost("faasCostUsd", recorded.faasCostUsd(), rerun.faasCostUsd(), violations);
        compareCount("requests", recorded.requests(), rerun.requests(), violations);
        compareCount("vmToFaasOverflow", recorded.vmToFaasOverflow(), rerun.vmToFaasOverflow(), violations);
        compareCount("faasColdStarts", recorded.faasColdStarts(), rerun.faasColdStarts(), violations);
        if (recorded.sloMet() != rerun.sloMet()) {
            violations.add(new Violation("simulation", "$.simulation.sloMet", "recorded " + recorded.sloMet()
                    + ", a re-run gives " + rerun.sloMet()));
        }
        compareCost("p99LatencyMs", recorded.p99LatencyMs(), rerun.p99LatencyMs(), violations);
        compareCost("violationFraction", recorded.violationFraction(), rerun.violationFraction(), violations);
    }

    private static void compareCost(String field, double recorded, double rerun, List<Violation> violations) {
        if (Math.abs(recorded - rerun) > COST_TOLERANCE * Math.max(Math.abs(recorded), Math.abs(rerun))) {
            violations.add(new Violation("simulation", "$.simulation." + field, "recorded " + recorded
                    + ", a re-run gives " + rerun));
        }
    }

    private static void compareCount(String field, long recorded, long rerun, List<Violation> violations) {
        if (recorded != rerun) {
            violations.add(new Violation("simulation", "$.simulation." + field, "recorded " + recorded
                    + ", a re-run gives " + rerun));
        }
    }
}
