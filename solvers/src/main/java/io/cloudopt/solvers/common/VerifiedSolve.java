package io.cloudopt.solvers.common;

import io.cloudopt.model.common.Problem;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule of DESIGN §5: every solution any solver returns passes the problem's independent
 * verifier before it is reported or written, and the reported objective is the evaluator's value,
 * never a solver-internal number (that one is kept in {@code stats.solverObjective}).
 *
 * @param report     the solver's report, its objective replaced by the evaluator's
 * @param violations what the verifier found (empty = verified)
 */
public record VerifiedSolve<S>(SolveReport<S> report, List<Violation> violations) {
    /** Tolerance for "the solver's own objective agrees with the evaluator". */
    public static final double AGREEMENT_TOLERANCE = 1e-6;

    public boolean verified() {
        return report.solution() != null && violations.isEmpty();
    }

    /** Solves and verifies. */
    public static <I, S> VerifiedSolve<S> run(Problem<I, S> problem, Solver<I, S> solver, I instance,
                                              SolveOptions options) {
        return check(problem, instance, solver.solve(instance, options));
    }

    /** Verifies a report; a solution that breaks a rule keeps its violations and loses its status. */
    public static <I, S> VerifiedSolve<S> check(Problem<I, S> problem, I instance, SolveReport<S> report) {
        if (report.solution() == null) {
            return new VerifiedSolve<>(report.withObjective(null, Map.of()), List.of());
        }
        List<Violation> violations = problem.verify(instance, report.solution());
        double evaluated = problem.objective(instance, report.solution());
        Map<String, Object> stats = new LinkedHashMap<>();
        if (report.objective() != null) {
            stats.put("solverObjective", report.objective());
            if (Math.abs(report.objective() - evaluated) > AGREEMENT_TOLERANCE * Math.max(1.0, Math.abs(evaluated))) {
                stats.put("objectiveMismatch", true);
            }
        }
        SolveReport<S> checked = report.withObjective(evaluated, stats);
        if (!violations.isEmpty()) {
            checked = checked.withStatus(SolveStatus.ERROR, checked.termination());
        }
        return new VerifiedSolve<>(checked, violations);
    }
}
