package io.cloudopt.solvers.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.provisioning.ProvisioningProblem;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The static model on the reference: SCIP and CP-SAT prove the same optimum; the plan verifies. */
@Tag("slow")
class ProvisioningReferenceSlowTest {
    @Test
    void staticMilpAndCpSatAgreeOnTheReference() {
        SolveOptions options = SolveOptions.withTimeLimit(Duration.ofSeconds(120));
        VerifiedSolve<ProvisioningSolution> milp = VerifiedSolve.run(ProvisioningProblem.INSTANCE,
                ProvisioningSolvers.CATALOG.create("milp-static"), ProvisioningReference.INSTANCE, options);
        VerifiedSolve<ProvisioningSolution> cpsat = VerifiedSolve.run(ProvisioningProblem.INSTANCE,
                ProvisioningSolvers.CATALOG.create("cpsat"), ProvisioningReference.INSTANCE, options);
        for (VerifiedSolve<ProvisioningSolution> solve : java.util.List.of(milp, cpsat)) {
            SolveReport<ProvisioningSolution> report = solve.report();
            assertThat(solve.violations()).isEmpty();
            assertThat(report.stats()).containsEntry("modelStatus", SolveStatus.OPTIMAL.name());
        }
        double milpModel = (Double) milp.report().stats().get("modelObjective");
        double cpsatModel = (Double) cpsat.report().stats().get("modelObjective");
        // CP-SAT optimises costs rounded up to micro-USD: its plan is within one micro-USD per stage.
        assertThat(cpsatModel).isCloseTo(milpModel, within(3e-6));
        assertThat(milp.report().bound()).isCloseTo(milpModel, within(1e-6 * milpModel));
    }
}
