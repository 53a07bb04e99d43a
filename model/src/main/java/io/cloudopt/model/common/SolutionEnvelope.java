package io.cloudopt.model.common;

import java.util.List;

/**
 * The envelope fields of a {@code cloudopt-solution/1} file (DESIGN §3): which instance, which
 * solver, what was established, and the verifier's verdict. The decisions are the problem's.
 */
public record SolutionEnvelope(String instance, String instanceSha256, SolverInfo solver, SolveStatus status,
                               Termination termination, Double objective, Double bound, Double wallSeconds,
                               boolean verified, List<Violation> violations) {
    public SolutionEnvelope {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public Double absGap() {
        return Gaps.absGap(objective, bound);
    }

    public double relGap() {
        return Gaps.relGap(objective, bound);
    }
}
