package io.cloudopt.solvers.common;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running a CP-SAT model under the solver contract: parameters, watchdog, status mapping. */
public final class CpSatSupport {
    private CpSatSupport() {
    }

    /**
     * What CP-SAT established. {@code solver} holds the values when {@code status.hasSolution()}.
     */
    public record Outcome(CpSolver solver, SolveStatus status, Termination termination, Double objective,
                          Double bound, Duration wall, Map<String, Object> stats) {
        public <S> SolveReport<S> report(S solution) {
            return new SolveReport<>(status, termination, solution, objective, bound, wall, stats);
        }
    }

    /** Solves {@code model} with the options' limit, threads and seed; one worker by default. */
    public static Outcome solve(CpModel model, SolveOptions options) {
        OrTools.load();
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(options.timeLimitSeconds())
                .setNumWorkers(options.threads())
                .setRandomSeed((int) options.seed())
                .setLogSearchProgress(options.log());
        long started = System.nanoTime();
        CpSolverStatus raw;
        boolean interrupted;
        try (Watchdog watchdog = Watchdog.start(options.timeLimit(), solver::stopSearch)) {
            raw = solver.solve(model);
            interrupted = watchdog.fired();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        SolveStatus status = status(raw);
        Termination termination = termination(raw, interrupted);
        boolean hasObjective = model.getBuilder().hasObjective();
        Double objective = status.hasSolution() && hasObjective ? solver.objectiveValue() : null;
        Double bound = hasObjective && (status.hasSolution() || raw == CpSolverStatus.UNKNOWN)
                ? solver.bestObjectiveBound() : null;
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("backend", "CP-SAT");
        stats.put("rawStatus", raw.name());
        stats.put("branches", solver.numBranches());
        stats.put("conflicts", solver.numConflicts());
        return new Outcome(solver, status, termination, objective, bound, wall, stats);
    }

    /** One switch for every CP-SAT status (DESIGN §4). */
    public static SolveStatus status(CpSolverStatus raw) {
        return switch (raw) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            case MODEL_INVALID -> SolveStatus.MODEL_INVALID;
            case UNKNOWN -> SolveStatus.UNKNOWN;
            default -> SolveStatus.ERROR;
        };
    }

    static Termination termination(CpSolverStatus raw, boolean interrupted) {
        return switch (raw) {
            case OPTIMAL, INFEASIBLE -> Termination.CONVERGED;
            case FEASIBLE, UNKNOWN -> interrupted ? Termination.INTERRUPTED : Termination.TIME_LIMIT;
            default -> Termination.ERROR;
        };
    }
}
