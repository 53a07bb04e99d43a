package io.cloudopt.model.workflow;

import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every hard rule of a workflow schedule (problems/workflow.md §6), written without solver code:
 * every task once on a known VM, durations p/c, release and precedence, one task at a time per VM,
 * leases covering their tasks in whole billing periods. A {@code gates} solution must also be
 * exactly what the simulator does with the same VM choices (rules 5–8).
 */
public final class WorkflowVerifier {
    static final double TIME_TOLERANCE = 1e-6;
    static final int MAX_VIOLATIONS = 50;

    private WorkflowVerifier() {
    }

    public static List<Violation> verify(WorkflowInstance instance, WorkflowSolution solution) {
        List<Violation> violations = new ArrayList<>();
        Map<String, WorkflowVmType> types = new HashMap<>();
        instance.vmTypes().forEach(type -> types.put(type.name(), type));
        Map<String, Integer> leaseIndex = new HashMap<>();
        for (int v = 0; v < solution.vms().size(); v++) {
            WorkflowSolution.Lease lease = solution.vms().get(v);
            String at = "$.vms[" + v + "]";
            if (leaseIndex.putIfAbsent(lease.id(), v) != null) {
                violations.add(new Violation("V", at + ".id", "duplicate vm id \"" + lease.id() + "\""));
            }
            if (!types.containsKey(lease.type())) {
                violations.add(new Violation("V", at + ".type", "unknown VM type \"" + lease.type() + "\""));
            }
            if (lease.billedHours() < 1) {
                violations.add(new Violation("L", at + ".billedHours", "must be >= 1 (found " + lease.billedHours() + ")"));
            }
        }
        Map<String, Map<String, Integer>> taskIndex = new HashMap<>();
        for (Workflow workflow : instance.workflows()) {
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < workflow.tasks().size(); j++) {
                index.put(workflow.tasks().get(j).id(), j);
            }
            taskIndex.put(workflow.id(), index);
        }
        Map<String, Integer> workflowIndex = new HashMap<>();
        for (int w = 0; w < instance.workflows().size(); w++) {
            workflowIndex.put(instance.workflows().get(w).id(), w);
        }
        WorkflowSolution.Assignment[][] byTask = new WorkflowSolution.Assignment[instance.workflows().size()][];
        int[][] positions = new int[instance.workflows().size()][];
        for (int w = 0; w < byTask.length; w++) {
            byTask[w] = new WorkflowSolution.Assignment[instance.workflows().get(w).tasks().size()];
            positions[w] = new int[byTask[w].length];
        }
        Map<String, List<Integer>> onVm = new HashMap<>();
        for (int a = 0; a < solution.assignments().size(); a++) {
            WorkflowSolution.Assignment assignment = solution.assignments().get(a);
            String at = "$.assignments[" + a + "]";
            Integer w = workflowIndex.get(assignment.workflow());
            Integer j = w == null ? null : taskIndex.get(assignment.workflow()).get(assignment.task());
            if (j == null) {
                violations.add(new Violation("T", at, "unknown task \"" + assignment.task() + "\" of workflow \""
                        + assignment.workflow() + "\""));
                continue;
            }
            if (byTask[w][j] != null) {
                violations.add(new Violation("T", at, "task " + assignment.task() + " of " + assignment.workflow()
                        + " is assigned twice"));
                continue;
            }
            byTask[w][j] = assignment;
            positions[w][j] = a;
            Integer lease = leaseIndex.get(assignment.vm());
            if (lease == null) {
                violations.add(new Violation("V", at + ".vm", "unknown vm \"" + assignment.vm() + "\""));
                continue;
            }
            onVm.computeIfAbsent(assignment.vm(), k -> new ArrayList<>()).add(a);
            WorkflowVmType type = types.get(solution.vms().get(lease).type());
            if (type != null) {
                double work = instance.workflows().get(w).tasks().get(j).referenceRuntimeSeconds()
                        * instance.referenceVcpus();
                double expected = work / type.vcpus();
                double duration = assignment.finishSeconds() - assignment.startSeconds();
                if (Math.abs(duration - expected) > 1e-9 * Math.max(1.0, expected) + TIME_TOLERANCE) {
                    violations.add(new Violation("D", at + ".finishSeconds", "duration " + duration + " != p/c = "
                            + expected + " on " + type.name()));
                }
            }
            double arrival = instance.workflows().get(w).arrivalSeconds();
            if (assignment.startSeconds() < arrival - TIME_TOLERANCE) {
                violations.add(new Violation("R", at + ".startSeconds", assignment.startSeconds()
                        + " < arrival " + arrival + " of " + assignment.workflow()));
            }
        }
        for (int w = 0; w < byTask.length; w++) {
            Workflow workflow = instance.workflows().get(w);
            for (int j = 0; j < byTask[w].length; j++) {
                WorkflowSolution.Assignment assignment = byTask[w][j];
                if (assignment == null) {
                    violations.add(new Violation("T", "$.assignments", "task " + workflow.tasks().get(j).id() + " of "
                            + workflow.id() + " is not assigned"));
                    continue;
                }
                for (String parent : workflow.tasks().get(j).parents()) {
                    WorkflowSolution.Assignment before = byTask[w][taskIndex.get(workflow.id()).get(parent)];
                    if (before != null && assignment.startSeconds() < before.finishSeconds() - TIME_TOLERANCE) {
                        violations.add(new Violation("P", "$.assignments[" + positions[w][j] + "].startSeconds",
                                assignment.startSeconds() + " < finish " + before.finishSeconds() + " of parent "
                                        + parent));
                    }
                }
            }
        }
        checkVms(instance, solution, leaseIndex, onVm, types, violations);
        if (violations.isEmpty() && WorkflowInstance.GATES.equals(solution.mode())) {
            checkReplay(instance, solution, violations);
        }
        return violations.size() > MAX_VIOLATIONS ? violations.subList(0, MAX_VIOLATIONS) : violations;
    }

    private static void checkVms(WorkflowInstance instance, WorkflowSolution solution, Map<String, Integer> leaseIndex,
                                 Map<String, List<Integer>> onVm, Map<String, WorkflowVmType> types,
                                 List<Violation> violations) {
        for (Map.Entry<String, List<Integer>> entry : onVm.entrySet()) {
            WorkflowSolution.Lease lease = solution.vms().get(leaseIndex.get(entry.getKey()));
            WorkflowVmType type = types.get(lease.type());
            List<Integer> list = new ArrayList<>(entry.getValue());
            list.sort((a, b) -> Double.compare(solution.assignments().get(a).startSeconds(),
                    solution.assignments().get(b).startSeconds()));
            double leaseEnd = lease.leaseStartSeconds() + (type == null ? 0 : type.billingPeriodSeconds())
                    * lease.billedHours();
            for (int i = 0; i < list.size(); i++) {
                WorkflowSolution.Assignment assignment = solution.assignments().get(list.get(i));
                String at = "$.assignments[" + list.get(i) + "]";
                if (i == 0 && assignment.startSeconds() < lease.leaseStartSeconds() - TIME_TOLERANCE) {
                    violations.add(new Violation("L", at + ".startSeconds", assignment.startSeconds()
                            + " < lease start " + lease.leaseStartSeconds() + " of " + lease.id()));
                }
                if (i > 0) {
                    WorkflowSolution.Assignment previous = solution.assignments().get(list.get(i - 1));
                    if (assignment.startSeconds() < previous.finishSeconds() - TIME_TOLERANCE) {
                        violations.add(new Violation("O", at + ".startSeconds", assignment.startSeconds()
                                + " overlaps task " + previous.task() + " of " + previous.workflow() + " on "
                                + lease.id() + " (until " + previous.finishSeconds() + ")"));
                    }
                }
                if (type != null && assignment.finishSeconds() > leaseEnd + 1e-5) {
                    violations.add(new Violation("L", at + ".finishSeconds", assignment.finishSeconds()
                            + " > lease end " + leaseEnd + " of " + lease.id() + " (billedHours " + lease.billedHours()
                            + ")"));
                }
            }
        }
    }

    /** A gates schedule is the simulator's, with the same VM per task (rules 5–8 of §5). */
    private static void checkReplay(WorkflowInstance instance, WorkflowSolution solution, List<Violation> violations) {
        Map<String, String> vmOfTask = new HashMap<>();
        for (WorkflowSolution.Assignment assignment : solution.assignments()) {
            vmOfTask.put(assignment.workflow() + "\u0000" + assignment.task(), assignment.vm());
        }
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int k = 0; k < instance.vmTypes().size(); k++) {
            typeIndex.put(instance.vmTypes().get(k).name(), k);
        }
        Map<String, String> typeOfVm = new HashMap<>();
        solution.vms().forEach(lease -> typeOfVm.put(lease.id(), lease.type()));
        WorkflowPolicy replay = new WorkflowPolicy() {
            @Override
            public String name() {
                return "replay";
            }

            @Override
            public int choose(WorkflowSimulator.Decision d) {
                Workflow workflow = instance.workflows().get(d.workflow());
                String vm = vmOfTask.get(workflow.id() + "\u0000" + workflow.tasks().get(d.task()).id());
                for (int v = 0; v < d.vmCount(); v++) {
                    if (("vm" + d.vmId(v)).equals(vm)) {
                        return v;
                    }
                }
                return d.vmCount() + typeIndex.get(typeOfVm.get(vm));
            }
        };
        WorkflowSimulator simulator = new WorkflowSimulator(instance);
        try {
            simulator.run(replay);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("S5", "$.assignments", "the simulator cannot replay the VM choices: "
                    + e.getMessage()));
            return;
        }
        WorkflowSolution replayed = simulator.solution(solution.policy());
        if (!replayed.vms().equals(solution.vms())) {
            for (int v = 0; v < Math.max(replayed.vms().size(), solution.vms().size()); v++) {
                WorkflowSolution.Lease expected = v < replayed.vms().size() ? replayed.vms().get(v) : null;
                WorkflowSolution.Lease found = v < solution.vms().size() ? solution.vms().get(v) : null;
                if (!java.util.Objects.equals(expected, found)) {
                    violations.add(new Violation("S7", "$.vms[" + v + "]", "found " + found + ", the simulator gives "
                            + expected));
                    return;
                }
            }
        }
        Map<String, WorkflowSolution.Assignment> replayedByTask = new HashMap<>();
        replayed.assignments().forEach(a -> replayedByTask.put(a.workflow() + "\u0000" + a.task(), a));
        for (int a = 0; a < solution.assignments().size(); a++) {
            WorkflowSolution.Assignment found = solution.assignments().get(a);
            WorkflowSolution.Assignment expected = replayedByTask.get(found.workflow() + "\u0000" + found.task());
            if (!found.equals(expected)) {
                violations.add(new Violation("S8", "$.assignments[" + a + "]", "found start " + found.startSeconds()
                        + " on " + found.vm() + ", the simulator gives " + (expected == null ? "nothing"
                        : expected.startSeconds() + " on " + expected.vm())));
                return;
            }
        }
    }
}
