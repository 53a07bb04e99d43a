package io.cloudopt.model.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.InstanceBinding;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.Problem;
import io.cloudopt.model.common.Sense;
import io.cloudopt.model.common.Violation;
import java.util.ArrayList;
import java.util.List;

/** The workflow problem in the shared format (problems/workflow.md §3–4). */
public final class WorkflowProblem implements Problem<WorkflowInstance, WorkflowSolution> {
    public static final WorkflowProblem INSTANCE = new WorkflowProblem();

    private WorkflowProblem() {
    }

    @Override
    public String id() {
        return "workflow";
    }

    @Override
    public Sense sense(WorkflowInstance instance) {
        return Sense.MINIMIZE;
    }

    @Override
    public Class<WorkflowInstance> instanceType() {
        return WorkflowInstance.class;
    }

    @Override
    public WorkflowInstance readInstance(ObjectNode document, String file) {
        return InstanceBinding.bind(document, file, WorkflowInstance.class, body -> {
            if (!body.has("mode")) {
                body.put("mode", WorkflowInstance.GATES);
            }
        }, WorkflowValidation::check);
    }

    @Override
    public ObjectNode writeInstance(WorkflowInstance instance) {
        return Json.MAPPER.valueToTree(instance);
    }

    @Override
    public String instanceName(WorkflowInstance instance) {
        return instance.name();
    }

    @Override
    public WorkflowSolution readSolution(ObjectNode document, WorkflowInstance instance, String file) {
        List<WorkflowSolution.Lease> vms = new ArrayList<>();
        for (JsonNode vm : document.get("vms")) {
            vms.add(new WorkflowSolution.Lease(vm.get("id").asText(), vm.get("type").asText(),
                    vm.get("leaseStartSeconds").asDouble(), vm.get("billedHours").asInt()));
        }
        List<WorkflowSolution.Assignment> assignments = new ArrayList<>();
        for (JsonNode a : document.get("assignments")) {
            assignments.add(new WorkflowSolution.Assignment(a.get("workflow").asText(), a.get("task").asText(),
                    a.get("vm").asText(), a.get("startSeconds").asDouble(), a.get("finishSeconds").asDouble()));
        }
        JsonNode policy = document.get("policy");
        return new WorkflowSolution(document.get("mode").asText(), policy == null || policy.isNull() ? null
                : policy.asText(), vms, assignments);
    }

    @Override
    public ObjectNode writeSolution(WorkflowInstance instance, WorkflowSolution solution) {
        WorkflowEvaluator.Evaluation evaluation = WorkflowEvaluator.evaluate(instance, solution);
        ObjectNode node = Json.object();
        node.put("mode", solution.mode());
        if (solution.policy() == null) {
            node.putNull("policy");
        } else {
            node.put("policy", solution.policy());
        }
        node.set("vms", Json.MAPPER.valueToTree(solution.vms()));
        node.set("assignments", Json.MAPPER.valueToTree(solution.assignments()));
        node.set("workflowResults", Json.MAPPER.valueToTree(evaluation.workflows()));
        ObjectNode summary = node.putObject("summary");
        summary.put("vmCostUsd", evaluation.vmCostUsd());
        summary.put("penaltyUsd", evaluation.penaltyUsd());
        summary.put("totalUsd", evaluation.totalUsd());
        summary.put("lateWorkflows", evaluation.lateWorkflows());
        summary.put("billedVmHours", evaluation.billedVmHours());
        summary.put("busyVmHours", evaluation.busyVmHours());
        return node;
    }

    @Override
    public double objective(WorkflowInstance instance, WorkflowSolution solution) {
        return WorkflowEvaluator.objective(instance, solution);
    }

    @Override
    public List<Violation> verify(WorkflowInstance instance, WorkflowSolution solution) {
        return WorkflowVerifier.verify(instance, solution);
    }
}
