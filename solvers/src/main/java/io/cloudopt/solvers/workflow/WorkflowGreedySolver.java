package io.cloudopt.solvers.workflow;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowOutcome;
import io.cloudopt.model.workflow.WorkflowPolicy;
import io.cloudopt.model.workflow.WorkflowSimulator;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** An online dispatch policy used as a solver ({@code greedy-NAME}): one gates simulator run. No bound. */
public final class WorkflowGreedySolver implements Solver<WorkflowInstance, WorkflowSolution> {
    private final String policyName;
    private final Supplier<WorkflowPolicy> policies;

    public WorkflowGreedySolver(String policyName, Supplier<WorkflowPolicy> policies) {
        this.policyName = policyName;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "greedy-" + policyName;
    }

    @Override
    public SolveReport<WorkflowSolution> solve(WorkflowInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        WorkflowSimulator simulator = new WorkflowSimulator(instance);
        WorkflowOutcome outcome = simulator.run(policies.get());
        WorkflowSolution solution = simulator.solution(policyName);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("vmCost", outcome.vmCost());
        stats.put("penalty", outcome.penalty());
        stats.put("missedDeadlines", outcome.missedDeadlines());
        stats.put("decisions", outcome.decisions());
        return new SolveReport<>(SolveStatus.FEASIBLE, Termination.CONVERGED, solution, outcome.totalCost(), null,
                Duration.ofNanos(System.nanoTime() - started), stats);
    }
}
