package io.cloudopt.model.workflow;

import io.cloudopt.model.common.InputError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The semantic rules of problems/workflow.md §3, all reported at once with their JSON paths. */
public final class WorkflowValidation {
    private WorkflowValidation() {
    }

    public static List<InputError> check(WorkflowInstance instance) {
        List<InputError> errors = new ArrayList<>();
        if (instance.vmTypes().isEmpty()) {
            errors.add(new InputError("$.vmTypes", "empty"));
        }
        Set<String> typeNames = new HashSet<>();
        for (int k = 0; k < instance.vmTypes().size(); k++) {
            WorkflowVmType type = instance.vmTypes().get(k);
            String at = "$.vmTypes[" + k + "]";
            if (!typeNames.add(type.name())) {
                errors.add(new InputError(at + ".name", "duplicates \"" + type.name() + "\""));
            }
            if (!(type.usdPerHour() > 0) || !Double.isFinite(type.usdPerHour())) {
                errors.add(new InputError(at + ".usdPerHour", "must be > 0"));
            }
            if (!(type.billingPeriodSeconds() > 0) || !Double.isFinite(type.billingPeriodSeconds())) {
                errors.add(new InputError(at + ".billingPeriodSeconds", "must be > 0"));
            }
            if (k > 0 && type.vcpus() <= instance.vmTypes().get(k - 1).vcpus()) {
                errors.add(new InputError("$.vmTypes", "vcpus must be strictly increasing"));
            }
        }
        if (!(instance.deadlineFactor() > 0) || !Double.isFinite(instance.deadlineFactor())) {
            errors.add(new InputError("$.deadlineFactor", "must be > 0"));
        }
        if (instance.penalty() == null) {
            errors.add(new InputError("$.penalty", "required"));
        } else {
            if (!(instance.penalty().usdPerLateWorkflow() >= 0) || !Double.isFinite(instance.penalty().usdPerLateWorkflow())) {
                errors.add(new InputError("$.penalty.usdPerLateWorkflow", "must be >= 0"));
            }
            if (!(instance.penalty().usdPerLateHour() >= 0) || !Double.isFinite(instance.penalty().usdPerLateHour())) {
                errors.add(new InputError("$.penalty.usdPerLateHour", "must be >= 0"));
            }
        }
        if (instance.workflows().isEmpty()) {
            errors.add(new InputError("$.workflows", "empty"));
        }
        Set<String> workflowIds = new HashSet<>();
        double previousArrival = 0;
        for (int w = 0; w < instance.workflows().size(); w++) {
            Workflow workflow = instance.workflows().get(w);
            String at = "$.workflows[" + w + "]";
            if (!workflowIds.add(workflow.id())) {
                errors.add(new InputError(at + ".id", "duplicates \"" + workflow.id() + "\""));
            }
            double arrival = workflow.arrivalSeconds();
            if (!(arrival >= 0) || !Double.isFinite(arrival)) {
                errors.add(new InputError(at + ".arrivalSeconds", "must be >= 0 and finite"));
            } else if (w > 0 && arrival < previousArrival) {
                errors.add(new InputError(at + ".arrivalSeconds", "decreases (" + arrival + " < " + previousArrival + ")"));
            } else {
                previousArrival = arrival;
            }
            if (workflow.deadlineSeconds() != null && !(workflow.deadlineSeconds() > arrival)) {
                errors.add(new InputError(at + ".deadlineSeconds", "must exceed arrivalSeconds"));
            }
            checkTasks(workflow, at, errors);
        }
        return errors;
    }

    private static void checkTasks(Workflow workflow, String at, List<InputError> errors) {
        if (workflow.tasks().isEmpty()) {
            errors.add(new InputError(at + ".tasks", "empty"));
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        boolean resolved = true;
        for (int j = 0; j < workflow.tasks().size(); j++) {
            WorkflowTask task = workflow.tasks().get(j);
            if (index.putIfAbsent(task.id(), j) != null) {
                errors.add(new InputError(at + ".tasks[" + j + "].id", "duplicates \"" + task.id() + "\""));
                resolved = false;
            }
            double runtime = task.referenceRuntimeSeconds();
            if (!(runtime > 0) || !Double.isFinite(runtime)) {
                errors.add(new InputError(at + ".tasks[" + j + "].referenceRuntimeSeconds", "must be > 0"));
            }
        }
        for (int j = 0; j < workflow.tasks().size(); j++) {
            WorkflowTask task = workflow.tasks().get(j);
            Set<String> seen = new HashSet<>();
            for (int p = 0; p < task.parents().size(); p++) {
                String parent = task.parents().get(p);
                String where = at + ".tasks[" + j + "].parents[" + p + "]";
                if (!index.containsKey(parent)) {
                    errors.add(new InputError(where, "unknown task \"" + parent + "\""));
                    resolved = false;
                } else if (parent.equals(task.id())) {
                    errors.add(new InputError(where, "self-loop on \"" + parent + "\""));
                    resolved = false;
                } else if (!seen.add(parent)) {
                    errors.add(new InputError(where, "duplicate parent \"" + parent + "\""));
                    resolved = false;
                }
            }
        }
        if (resolved) {
            String cycle = cycle(workflow, index);
            if (cycle != null) {
                errors.add(new InputError(at, "cycle " + cycle));
            }
        }
    }

    /** A cycle in parent → child order ("A -> B -> A"), or null. */
    static String cycle(Workflow workflow, Map<String, Integer> index) {
        int n = workflow.tasks().size();
        int[] state = new int[n];
        int[] via = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
            stack.push(new int[] {start, 0});
            state[start] = 1;
            via[start] = -1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<String> parents = workflow.tasks().get(top[0]).parents();
                if (top[1] == parents.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                int parent = index.get(parents.get(top[1]++));
                if (state[parent] == 1) {
                    List<String> loop = new ArrayList<>();
                    loop.add(workflow.tasks().get(parent).id());
                    for (int at = top[0]; at != parent && at >= 0; at = via[at]) {
                        loop.add(workflow.tasks().get(at).id());
                    }
                    loop.add(workflow.tasks().get(parent).id());
                    return String.join(" -> ", loop);
                }
                if (state[parent] == 0) {
                    state[parent] = 1;
                    via[parent] = top[0];
                    stack.push(new int[] {parent, 0});
                }
            }
        }
        return null;
    }
}
