package io.cloudopt.model.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Expert labels of problems/workflow.md §10 and DESIGN §6: one JSON line per decision of a gates
 * episode driven by the expert policy, with the state (workflow, task, candidates), the action set
 * (the unmasked candidate indices), the expert's action (and q per candidate for {@code rollout}),
 * the dense reward −(VM $ charged by this decision) − (penalties of workflows completed before the
 * next decision), and on the last line {@code info.summary}, the episode's totals.
 */
public final class WorkflowLabels {
    private WorkflowLabels() {
    }

    /** What every line of an episode repeats. */
    public record Header(String instance, String instanceSha256, int episode) {
    }

    /** The lines of an episode and its totals. */
    public record Episode(List<ObjectNode> lines, WorkflowOutcome outcome) {
        public Episode {
            lines = List.copyOf(lines);
        }
    }

    /** Runs an episode with the expert named {@code expert} (a {@link WorkflowPolicies} name). */
    public static Episode episode(WorkflowInstance instance, String expert, Header header) {
        return episode(instance, WorkflowPolicies.create(expert), header);
    }

    public static Episode episode(WorkflowInstance instance, WorkflowPolicy expert, Header header) {
        WorkflowSimulator simulator = new WorkflowSimulator(instance);
        List<ObjectNode> lines = new ArrayList<>();
        boolean more = simulator.start();
        int step = 0;
        while (more) {
            WorkflowSimulator.Decision decision = simulator.decision();
            ObjectNode line = Json.object();
            line.put("instance", header.instance());
            line.put("instanceSha256", header.instanceSha256());
            line.put("episode", header.episode());
            line.put("step", step);
            line.put("timeSeconds", decision.now());
            line.set("state", state(instance, simulator, decision));
            line.set("actionSet", actionSet(decision));
            int action = expert.choose(decision);
            line.put("action", action);
            line.set("expert", expertNode(expert));
            double costBefore = simulator.vmCost() + simulator.penaltyTotal();
            more = simulator.apply(action);
            line.put("reward", reward(costBefore, simulator));
            line.put("terminated", !more);
            line.put("truncated", false);
            if (!more) {
                line.putObject("info").set("summary", summary(simulator.outcome()));
            }
            lines.add(line);
            step++;
        }
        return new Episode(lines, simulator.outcome());
    }

    /** −(VM $ and penalties charged between this decision and the next). */
    static double reward(double costBefore, WorkflowSimulator simulator) {
        return -((simulator.vmCost() + simulator.penaltyTotal()) - costBefore);
    }

    static ArrayNode actionSet(WorkflowSimulator.Decision d) {
        ArrayNode set = Json.NODES.arrayNode();
        for (int candidate = 0; candidate < d.candidateCount(); candidate++) {
            if (candidate >= d.vmCount() || !d.masked(candidate)) {
                set.add(candidate);
            }
        }
        return set;
    }

    static ObjectNode summary(WorkflowOutcome outcome) {
        ObjectNode node = Json.object();
        node.put("vmCostUsd", outcome.vmCost());
        node.put("penaltyUsd", outcome.penalty());
        node.put("totalUsd", outcome.totalCost());
        node.put("lateWorkflows", outcome.missedDeadlines());
        node.put("decisions", outcome.decisions());
        node.put("billedVmHours", outcome.billedHours());
        node.put("busyVmHours", outcome.busyHours());
        return node;
    }

    private static ObjectNode expertNode(WorkflowPolicy expert) {
        ObjectNode node = Json.object();
        node.put("name", expert.name());
        if (expert instanceof WorkflowRolloutPolicy rollout) {
            node.put("base", rollout.base());
            ArrayNode q = node.putArray("q");
            for (double value : rollout.lastQ()) {
                if (Double.isNaN(value)) {
                    q.addNull();
                } else {
                    q.add(value);
                }
            }
        }
        return node;
    }

    /** The §10 state: the task's workflow, the task, and one entry per unmasked candidate. */
    static ObjectNode state(WorkflowInstance instance, WorkflowSimulator simulator, WorkflowSimulator.Decision d) {
        Workflow workflow = instance.workflows().get(d.workflow());
        WorkflowGraph graph = simulator.graph(d.workflow());
        ObjectNode state = Json.object();
        ObjectNode wf = state.putObject("wf");
        wf.put("id", workflow.id());
        wf.put("application", workflow.application());
        wf.put("arrivalSeconds", d.workflowArrival());
        wf.put("deadlineSeconds", d.workflowDeadline());
        wf.put("completedTasks", d.completedTasks());
        wf.put("totalTasks", graph.size());
        ObjectNode task = state.putObject("task");
        task.put("id", workflow.tasks().get(d.task()).id());
        task.put("number", d.task());
        task.put("workVcpuSeconds", d.work());
        task.put("children", graph.children[d.task()].length);
        task.put("subDeadlineSeconds", d.subDeadline());
        ArrayNode cands = state.putArray("cands");
        double period = d.billingPeriodSeconds();
        for (int candidate = 0; candidate < d.candidateCount(); candidate++) {
            boolean existing = candidate < d.vmCount();
            if (existing && d.masked(candidate)) {
                continue;
            }
            ObjectNode cand = cands.addObject();
            cand.put("action", candidate);
            double finish;
            long hours;
            double price;
            if (existing) {
                int vcpus = d.vmVcpus(candidate);
                double exec = d.work() / vcpus;
                finish = Math.max(d.now(), d.vmBusyUntil(candidate)) + d.vmQueuedWork(candidate) + exec;
                hours = Math.max(0, (long) Math.ceil((finish - d.vmLeaseEnd(candidate) - 1e-5) / period));
                price = d.typeUsdPerHour(d.vmType(candidate));
                cand.put("kind", "vm");
                cand.put("vcpus", vcpus);
                cand.put("leaseStartSeconds", d.vmLeaseStart(candidate));
                cand.put("leaseEndSeconds", d.vmLeaseEnd(candidate));
                cand.put("queuedWorkSeconds", d.vmQueuedWork(candidate));
                cand.put("pending", d.vmPending(candidate));
            } else {
                int type = candidate - d.vmCount();
                double exec = d.work() / d.typeVcpus(type);
                finish = d.now() + exec;
                hours = Math.max(1, (long) Math.ceil((exec - 1e-5) / period));
                price = d.typeUsdPerHour(type);
                cand.put("kind", "new");
                cand.put("vcpus", d.typeVcpus(type));
                cand.put("leaseStartSeconds", d.now());
                cand.put("leaseEndSeconds", d.now() + period);
                cand.put("queuedWorkSeconds", 0.0);
                cand.put("pending", 0);
            }
            cand.put("finishIfHereSeconds", finish);
            cand.put("extraHours", hours);
            cand.put("extraCostUsd", price * hours);
            cand.put("meetsSubDeadline", finish <= d.subDeadline());
            cand.put("gatesExtraCostUsd", WorkflowBestFitPolicy.extraCost(d, candidate));
            cand.put("gatesBestFit", WorkflowBestFitPolicy.score(d, candidate));
        }
        return state;
    }
}
