package io.cloudopt.model.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of a schedule (problems/workflow.md §6), recomputed from its leases and assignments:
 * VM rental Σ π·billedHours plus, per late workflow, 1 + β·lateness/3600 with the late test of
 * rule 9 (resp ≥ thr and round(resp − thr, 5) ≠ 0).
 */
public final class WorkflowEvaluator {
    private WorkflowEvaluator() {
    }

    /** One workflow's finish, lateness (resp − thr, 0 when on time) and penalty. */
    public record WorkflowResult(String workflow, double finishSeconds, double latenessSeconds, double penaltyUsd) {
    }

    /** Both cost components and the statistics GATES reports. */
    public record Evaluation(double vmCostUsd, double penaltyUsd, int lateWorkflows, long billedVmHours,
                             double busyVmHours, List<WorkflowResult> workflows) {
        public double totalUsd() {
            return vmCostUsd + penaltyUsd;
        }
    }

    public static double objective(WorkflowInstance instance, WorkflowSolution solution) {
        return evaluate(instance, solution).totalUsd();
    }

    public static Evaluation evaluate(WorkflowInstance instance, WorkflowSolution solution) {
        Map<String, WorkflowVmType> types = new HashMap<>();
        for (WorkflowVmType type : instance.vmTypes()) {
            types.put(type.name(), type);
        }
        Map<String, WorkflowVmType> vmType = new HashMap<>();
        double vmCost = 0;
        long billed = 0;
        for (WorkflowSolution.Lease lease : solution.vms()) {
            WorkflowVmType type = types.get(lease.type());
            if (type == null) {
                continue;
            }
            vmType.put(lease.id(), type);
            for (int h = 0; h < lease.billedHours(); h++) {
                vmCost += type.usdPerHour();
            }
            billed += lease.billedHours();
        }
        Map<String, Double> finish = new HashMap<>();
        double busy = 0;
        for (WorkflowSolution.Assignment assignment : solution.assignments()) {
            finish.merge(assignment.workflow(), assignment.finishSeconds(), Math::max);
            busy += (assignment.finishSeconds() - assignment.startSeconds()) / 3600;
        }
        List<WorkflowResult> results = new ArrayList<>();
        double penalty = 0;
        int late = 0;
        int fastest = instance.vmTypes().get(instance.vmTypes().size() - 1).vcpus();
        for (Workflow workflow : instance.workflows()) {
            Double end = finish.get(workflow.id());
            if (end == null) {
                continue;
            }
            double arrival = workflow.arrivalSeconds();
            double threshold = threshold(instance, workflow, fastest);
            double response = end - arrival;
            double lateness = 0;
            double charge = 0;
            if (!(response < threshold || WorkflowSimulator.roundNumpy(response - threshold, 5) == 0)) {
                lateness = response - threshold;
                charge = instance.penalty().usdPerLateWorkflow() + instance.penalty().usdPerLateHour() * lateness / 3600;
                penalty += charge;
                late++;
            }
            results.add(new WorkflowResult(workflow.id(), end, lateness, charge));
        }
        return new Evaluation(vmCost, penalty, late, billed, busy, results);
    }

    /** thr = D_w − a_w of rule 9, as the simulator and this evaluator compute it. */
    public static double thresholdSeconds(WorkflowInstance instance, Workflow workflow) {
        return threshold(instance, workflow, instance.vmTypes().get(instance.vmTypes().size() - 1).vcpus());
    }

    /** thr = D_w − a_w, with D_w = CP·((1/v_max)·γ) + a_w unless given (P8). */
    static double threshold(WorkflowInstance instance, Workflow workflow, int fastestVcpus) {
        double arrival = workflow.arrivalSeconds();
        if (workflow.deadlineSeconds() != null) {
            return workflow.deadlineSeconds() - arrival;
        }
        WorkflowGraph graph = WorkflowGraph.of(instance, workflow);
        double deadline = graph.criticalPathWork() * (1.0 / fastestVcpus * instance.deadlineFactor()) + arrival;
        return deadline - arrival;
    }

    /** The cost floor of §9: busy time costs 0.048 $/vCPU-hour whatever the type, so total ≥ Σ π/c · p / 3600. */
    public static double costFloor(WorkflowInstance instance) {
        double cheapestPerVcpu = Double.POSITIVE_INFINITY;
        for (WorkflowVmType type : instance.vmTypes()) {
            cheapestPerVcpu = Math.min(cheapestPerVcpu, type.usdPerHour() / type.vcpus());
        }
        double work = 0;
        for (Workflow workflow : instance.workflows()) {
            for (WorkflowTask task : workflow.tasks()) {
                work += task.referenceRuntimeSeconds() * instance.referenceVcpus();
            }
        }
        return cheapestPerVcpu * work / 3600;
    }
}
