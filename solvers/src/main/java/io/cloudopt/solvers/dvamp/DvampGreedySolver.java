package io.cloudopt.solvers.dvamp;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampObserver;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSimulator;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * An online policy used as a solver ({@code greedy-NAME}, DESIGN §5): one simulator run of the
 * instance's episode, written as an online schedule. No bound.
 */
public final class DvampGreedySolver implements Solver<DvampInstance, DvampSolution> {
    private final String policyName;
    private final LongFunction<DvampPolicy> policies;

    /** @param policies the policy for a seed */
    public DvampGreedySolver(String policyName, LongFunction<DvampPolicy> policies) {
        this.policyName = policyName;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "greedy-" + policyName;
    }

    @Override
    public SolveReport<DvampSolution> solve(DvampInstance instance, SolveOptions options) {
        long started = System.nanoTime();
        DvampPolicy policy = policies.apply(options.seed());
        DvampRun run = DvampSimulator.run(instance, policy, 0, DvampObserver.NONE);
        DvampSolution solution = DvampProblem.fromRun(instance, run, policyName);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        return new SolveReport<>(SolveStatus.FEASIBLE, Termination.CONVERGED, solution,
                DvampProblem.INSTANCE.objective(instance, solution), null, wall,
                Map.of("placements", run.placedCount()));
    }
}
