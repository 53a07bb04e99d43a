package io.cloudopt.solvers.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.provisioning.ProvisioningEvaluator;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.Catalogs;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The solver contract on small instances, and the golden status of the plain bound on the reference. */
class ProvisioningSolversTest {
    private static final SolveOptions OPTIONS = SolveOptions.withTimeLimit(Duration.ofSeconds(30));

    @Test
    void catalogIsRegistered() {
        assertThat(Catalogs.forProblem("provisioning")).isSameAs(ProvisioningSolvers.CATALOG);
        assertThat(ProvisioningSolvers.CATALOG.names()).containsExactly("greedy-faas-only", "greedy-iaas-only",
                "greedy-libra", "greedy-serflow", "milp-static", "milp-rolling", "oracle", "cpsat", "timefold");
        assertThat(ProvisioningSolvers.CATALOG.heuristic()).isEqualTo("greedy-serflow");
        assertThat(ProvisioningSolvers.CATALOG.exact()).isEqualTo("cpsat");
    }

    /** Every solver's plan passes the verifier; the objective is the simulated cost; bounds bound the model cost. */
    @ParameterizedTest
    @ValueSource(strings = {"milp-static", "milp-rolling", "oracle", "cpsat"})
    void plansPassTheVerifier(String name) {
        for (long seed : new long[] {3, 7}) {
            ProvisioningInstance instance = ProvisioningTinyInstances.random(seed);
            VerifiedSolve<ProvisioningSolution> solve = VerifiedSolve.run(ProvisioningProblem.INSTANCE,
                    ProvisioningSolvers.CATALOG.create(name), instance, OPTIONS);
            SolveReport<ProvisioningSolution> report = solve.report();
            assertThat(solve.violations()).as("seed %d %s", seed, name).isEmpty();
            if (report.solution() == null) {
                assertThat(report.status()).as("seed %d %s", seed, name).isEqualTo(SolveStatus.INFEASIBLE);
                continue;
            }
            assertThat(report.status()).isEqualTo(SolveStatus.FEASIBLE);
            assertThat(report.objective()).isCloseTo(ProvisioningEvaluator.objective(instance, report.solution()),
                    within(1e-9));
            assertThat(report.stats()).containsKey("modelObjective").doesNotContainKey("objectiveMismatch");
            double model = (Double) report.stats().get("modelObjective");
            Double modelBound = (Double) report.stats().get("modelBound");
            if (modelBound != null && !name.equals("cpsat")) {
                assertThat(modelBound).isLessThanOrEqualTo(model + 1e-6);
            }
            double[] rates = name.equals("milp-static")
                    ? new double[] {ProvisioningRates.quantile(ProvisioningRates.expected(instance), 0.95)}
                    : ProvisioningRates.realised(instance, OPTIONS.seed());
            if (!name.equals("milp-static") && !name.equals("cpsat")) {
                assertThat(model).isGreaterThanOrEqualTo(ProvisioningBounds.combinatorial(instance, rates) - 1e-9);
            }
        }
    }

    /** §12 golden: the plain per-stage union bound is infeasible on the reference instance. */
    @Test
    void plainSloBoundIsInfeasibleOnTheReference() {
        var plain = ProvisioningSolvers.create("milp-static", java.util.Map.of("sloBound", "plain"));
        SolveReport<ProvisioningSolution> report = plain.solve(ProvisioningReference.INSTANCE, OPTIONS);
        assertThat(report.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(report.solution()).isNull();
        assertThat(plain.params()).containsEntry("sloBound", "plain");
    }
}
