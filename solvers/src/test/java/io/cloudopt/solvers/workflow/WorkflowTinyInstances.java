package io.cloudopt.solvers.workflow;

import io.cloudopt.model.workflow.Workflow;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPenalty;
import io.cloudopt.model.workflow.WorkflowTask;
import io.cloudopt.model.workflow.WorkflowVmType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded tiny workflow instances for cross-checks: 2–4 tasks in one or two workflows, three GATES
 * types (2, 8, 48 vCPUs). Runtimes are multiples of 3 s, so p/c = 48m/c is a whole number of
 * seconds on every type; arrivals and deadlines are whole seconds too, so the tick model of CP-SAT
 * is exact and every solver must find the same optimum. Some tasks need two billing hours on the
 * smallest type, and some deadlines are generous, so on-time and late optima both occur.
 */
final class WorkflowTinyInstances {
    static final List<WorkflowVmType> TYPES = List.of(new WorkflowVmType("m5.large", 2, 0.096, 3600),
            new WorkflowVmType("m5.2xlarge", 8, 0.384, 3600), new WorkflowVmType("m5.12xlarge", 48, 2.304, 3600));

    private WorkflowTinyInstances() {
    }

    static WorkflowInstance random(long seed) {
        Random random = new Random(seed);
        int workflowCount = 1 + random.nextInt(2);
        int tasksLeft = 2 + random.nextInt(3);
        List<Workflow> workflows = new ArrayList<>();
        double arrival = 0;
        for (int w = 0; w < workflowCount; w++) {
            int size = w == workflowCount - 1 ? tasksLeft : 1 + random.nextInt(Math.max(1, tasksLeft - 1));
            tasksLeft -= size;
            List<WorkflowTask> tasks = new ArrayList<>();
            long[] longest = new long[size];
            long critical = 0;
            for (int j = 0; j < size; j++) {
                long m = random.nextInt(4) == 0 ? 100 + random.nextInt(200) : 1 + random.nextInt(60);
                List<String> parents = new ArrayList<>();
                long before = 0;
                for (int i = 0; i < j; i++) {
                    if (random.nextInt(5) < 2) {
                        parents.add("ID" + i);
                        before = Math.max(before, longest[i]);
                    }
                }
                longest[j] = before + m;
                critical = Math.max(critical, longest[j]);
                tasks.add(new WorkflowTask("ID" + j, 3.0 * m, parents));
            }
            // CP/48 = Σ m along the critical path (p = 48m); deadline a + γ·that with γ ∈ {1, 2, 4}.
            long slack = critical * (1L << random.nextInt(3));
            workflows.add(new Workflow("w" + w, "Tiny", arrival, arrival + slack, tasks));
            arrival += random.nextInt(400);
            if (tasksLeft == 0) {
                break;
            }
        }
        return new WorkflowInstance("tiny-" + seed, "seeded tiny instance", null, WorkflowInstance.GATES, TYPES, 16,
                new WorkflowPenalty(1.0, 2.0), 1.0, workflows);
    }
}
