package io.cloudopt.solvers.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.instances.Samples;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled workflow sample's proven optimum (0.384 + 1 + 2·320/3600, §12) is reproduced by both exact models. */
class WorkflowSamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "milp"})
    void provenReferenceIsReproduced(String solver) {
        Map<String, Samples.Reference> references = Samples.references("workflow");
        for (Samples.Sample sample : Samples.list("workflow")) {
            WorkflowInstance instance = (WorkflowInstance) Samples.read(sample).instance();
            Samples.Reference reference = references.get(instance.name());
            assertThat(reference.proven()).isTrue();
            VerifiedSolve<WorkflowSolution> solve = VerifiedSolve.run(WorkflowProblem.INSTANCE,
                    WorkflowSolvers.CATALOG.create(solver), instance, SolveOptions.withTimeLimit(Duration.ofSeconds(30)));
            assertThat(solve.violations()).isEmpty();
            assertThat(solve.report().status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(solve.report().objective()).isCloseTo(reference.objective(), within(1e-9));
        }
    }
}
