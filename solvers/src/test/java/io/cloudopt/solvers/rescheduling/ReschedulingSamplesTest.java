package io.cloudopt.solvers.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.instances.Samples;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.VerifiedSolve;
import java.util.Map;

/** The bundled rescheduling samples: each reference in expected.csv is the greedy's verified value. */
class ReschedulingSamplesTest {
    /** The reference is a proven optimum: both exact routes reproduce it, the greedy never beats it. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"milp-agg", "cpsat"})
    void provenReferenceIsReproduced(String solver) {
        Map<String, Samples.Reference> references = Samples.references("rescheduling");
        assertThat(Samples.list("rescheduling")).isNotEmpty();
        for (Samples.Sample sample : Samples.list("rescheduling")) {
            ReschedulingInstance instance = (ReschedulingInstance) Samples.read(sample).instance();
            Samples.Reference reference = references.get(instance.name());
            assertThat(reference.proven()).isTrue();
            VerifiedSolve<ReschedulingSolution> exact = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                    ReschedulingSolvers.CATALOG.create(solver), instance, SolveOptions.DEFAULT);
            assertThat(exact.violations()).isEmpty();
            assertThat(exact.report().status()).isEqualTo(io.cloudopt.model.common.SolveStatus.OPTIMAL);
            assertThat(exact.report().objective()).as(instance.name()).isEqualTo(reference.objective());
            VerifiedSolve<ReschedulingSolution> greedy = VerifiedSolve.run(ReschedulingProblem.INSTANCE,
                    ReschedulingSolvers.CATALOG.create("greedy"), instance, SolveOptions.DEFAULT);
            assertThat(greedy.report().objective()).isGreaterThanOrEqualTo(reference.objective());
        }
    }
}
