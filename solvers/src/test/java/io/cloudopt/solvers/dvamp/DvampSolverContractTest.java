package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.Sense;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The solver contract (DESIGN §5) for every dvamp solver of the catalog on small instances: every
 * solution passes the verifier, the reported objective is the evaluator's and agrees with the
 * solver's own, OPTIMAL means a zero gap, and a bound never crosses the objective. A solver that
 * does not model a semantics says so with MODEL_INVALID and no solution.
 */
class DvampSolverContractTest {
    private static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(2));

    static Stream<Arguments> cases() {
        List<DvampInstance> instances = new ArrayList<>();
        instances.add(DvampTinyInstances.example());
        instances.add(DvampTinyInstances.random(3, 6));
        instances.add(DvampTinyInstances.random(7, 6));
        instances.add(DvampTinyInstances.random(12, 6));
        instances.add(DvampTinyInstances.vmagent(4, 6, true));
        instances.add(DvampTinyInstances.vmagent(5, 6, false));
        List<Arguments> cases = new ArrayList<>();
        for (SolverCatalog.Entry<DvampInstance, DvampSolution> entry : DvampSolvers.CATALOG.entries()) {
            for (DvampInstance instance : instances) {
                cases.add(Arguments.of(entry.name(), instance));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void everySolverKeepsTheContract(String solverName, DvampInstance instance) {
        VerifiedSolve<DvampSolution> solve = VerifiedSolve.run(DvampProblem.INSTANCE,
                DvampSolvers.CATALOG.create(solverName), instance, OPTIONS);
        SolveReport<DvampSolution> report = solve.report();
        if (report.status() == SolveStatus.MODEL_INVALID) {
            // A solver may decline a semantics it does not model (timefold: spane only), without a solution.
            assertThat(report.solution()).isNull();
            return;
        }
        if (report.solution() == null) {
            // A bound-only technique (pool-bound): no schedule, a bound no greater than the proven optimum.
            assertThat(report.bound()).isNotNull();
            VerifiedSolve<DvampSolution> exact = VerifiedSolve.run(DvampProblem.INSTANCE,
                    DvampSolvers.CATALOG.create("cpsat"), instance, OPTIONS);
            assertThat(exact.report().status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(report.bound()).isLessThanOrEqualTo(exact.report().objective());
            return;
        }
        assertThat(solve.violations()).isEmpty();
        assertThat(report.objective()).isEqualTo(DvampProblem.INSTANCE.objective(instance, report.solution()));
        assertThat(report.stats()).doesNotContainKey("objectiveMismatch");
        if (report.status() == SolveStatus.OPTIMAL) {
            assertThat(report.relGap()).isZero();
        }
        if (report.bound() != null) {
            if (DvampProblem.INSTANCE.sense(instance) == Sense.MINIMIZE) {
                assertThat(report.bound()).isLessThanOrEqualTo(report.objective() + 1e-6);
            } else {
                assertThat(report.bound()).isGreaterThanOrEqualTo(report.objective() - 1e-6);
            }
        }
    }
}
