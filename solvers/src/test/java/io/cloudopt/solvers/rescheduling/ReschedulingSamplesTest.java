package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.instances.Samples;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled rescheduling samples: each reference in expected.csv is the greedy's verified value. */
class ReschedulingSamplesTest {
    @Test
    void referenceIsTheGreedyValue() {
        Map<String, Samples.Reference> references = Samples.references("rescheduling");
        assertThat(Samples.list("rescheduling")).isNotEmpty();
        for (Samples.Sample sample : Samples.list("rescheduling")) {
            ReschedulingInstance instance = (ReschedulingInstance) Samples.read(sample).instance();
            VerifiedSolve<ReschedulingSolution> solve = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                    ReschedulingSolvers.CATALOG.create("greedy"), instance, SolveOptions.DEFAULT);
            assertThat(solve.violations()).isEmpty();
            Samples.Reference reference = references.get(instance.name());
            assertThat(reference.status()).isEqualTo("best");
            assertThat(reference.objective()).as(instance.name()).isEqualTo(solve.report().objective());
        }
    }
}
