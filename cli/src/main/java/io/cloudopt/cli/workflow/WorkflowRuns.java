package io.cloudopt.cli.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.instances.workflow.GatesTestConverter;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowOutcome;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.workflow.WorkflowSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/** A policy over the GATES test instances, as {@code cloudopt simulate workflow} runs it. */
public final class WorkflowRuns {
    private WorkflowRuns() {
    }

    /** The instances of a GATES table with deadline factor γ (DAX files from {@code daxDir}). */
    public static List<WorkflowInstance> suite(Path table, double gamma, Path daxDir) {
        return GatesTestConverter.convertAll(GatesTestConverter.read(table), gamma, daxDir);
    }

    /** Runs {@code policy} on every instance; per instance and mean VM cost, penalty, total, misses, decisions. */
    public static ObjectNode simulate(List<WorkflowInstance> instances, String policy, IntConsumer progress) {
        long started = System.nanoTime();
        ArrayNode rows = Json.NODES.arrayNode();
        double vmCost = 0;
        double penalty = 0;
        double total = 0;
        double missed = 0;
        double decisions = 0;
        double billed = 0;
        double busy = 0;
        for (int i = 0; i < instances.size(); i++) {
            WorkflowInstance instance = instances.get(i);
            WorkflowOutcome outcome = new WorkflowSimulator(instance).run(WorkflowPolicies.create(policy));
            rows.addObject().put("instance", instance.name()).put("vmCost", outcome.vmCost())
                    .put("penalty", outcome.penalty()).put("totalCost", outcome.totalCost())
                    .put("missedDeadlines", outcome.missedDeadlines()).put("decisions", outcome.decisions())
                    .put("billedVmHours", outcome.billedHours()).put("busyVmHours", outcome.busyHours());
            vmCost += outcome.vmCost();
            penalty += outcome.penalty();
            total += outcome.totalCost();
            missed += outcome.missedDeadlines();
            decisions += outcome.decisions();
            billed += outcome.billedHours();
            busy += outcome.busyHours();
            progress.accept(i + 1);
        }
        int n = instances.size();
        ObjectNode node = Json.object();
        node.put("policy", policy);
        node.set("instances", rows);
        ObjectNode mean = node.putObject("mean");
        mean.put("vmCost", vmCost / n);
        mean.put("penalty", penalty / n);
        mean.put("totalCost", total / n);
        mean.put("missedDeadlines", missed / n);
        mean.put("decisions", decisions / n);
        mean.put("billedVmHours", billed / n);
        mean.put("busyVmHours", busy / n);
        node.put("wallSeconds", (System.nanoTime() - started) / 1e9);
        return node;
    }
}
