package io.cloudopt.solvers.dvamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.instances.Samples;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled samples' expected.csv: every proven optimum is reproduced by CP-SAT and the MILP. */
class DvampSamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "milp"})
    void provenReferencesAreReproduced(String solver) {
        Map<String, Samples.Reference> references = Samples.references("dvamp");
        for (Samples.Sample sample : Samples.list("dvamp")) {
            DvampInstance instance = (DvampInstance) Samples.read(sample).instance();
            Samples.Reference reference = references.get(instance.name());
            VerifiedSolve<DvampSolution> solve = VerifiedSolve.run(DvampProblem.INSTANCE,
                    DvampSolvers.CATALOG.create(solver), instance, SolveOptions.withTimeLimit(Duration.ofSeconds(30)));
            assertThat(solve.violations()).as(sample.fileName()).isEmpty();
            assertThat(solve.report().status()).as(sample.fileName()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(reference.proven()).isTrue();
            assertThat(solve.report().objective()).as(sample.fileName()).isEqualTo(reference.objective());
        }
    }
}
