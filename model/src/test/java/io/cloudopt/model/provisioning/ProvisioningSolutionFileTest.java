package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.SolutionEnvelope;
import io.cloudopt.model.common.SolverInfo;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.common.Termination;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A solution file as §4 lays it out: written with its simulation block, read back, verified. */
class ProvisioningSolutionFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenSolutionsCarryTheirSimulationAndReadBackEqual() {
        ProvisioningInstance tiny = ProvisioningBrokenFilesTest.tiny();
        ProvisioningSolution plan = Solutions.read(
                ProvisioningBrokenFilesTest.resource("/provisioning/tiny-3stage-solution.json"),
                ProvisioningProblem.INSTANCE, tiny).solution();
        ProvisioningOutcome outcome = ProvisioningEvaluator.evaluate(tiny, plan);
        SolutionEnvelope envelope = new SolutionEnvelope(tiny.name(), "0".repeat(64),
                new SolverInfo("hand", "test", null, 1, 1, Map.of()), SolveStatus.FEASIBLE, Termination.CONVERGED,
                outcome.costUsd(), null, 0.0, true, List.of());
        ObjectNode document = Solutions.toJson(ProvisioningProblem.INSTANCE, tiny, envelope, plan);
        assertThat(document.get("simulation").get("costUsd").asDouble()).isEqualTo(outcome.costUsd());
        assertThat(document.get("simulation").get("requests").asLong()).isEqualTo(outcome.requests());
        assertThat(document.get("periods").get(0).get("routing").get(2).get("pool").asText()).isEqualTo("p-s3");
        Path file = dir.resolve("solution.json");
        Solutions.write(file, ProvisioningProblem.INSTANCE, tiny, envelope, plan);
        ProvisioningSolution read = Solutions.read(file, ProvisioningProblem.INSTANCE, tiny).solution();
        assertThat(read.recorded()).isEqualTo(outcome);
        assertThat(read.withRecorded(outcome)).isEqualTo(plan.withRecorded(outcome));
        assertThat(ProvisioningVerifier.verify(tiny, read)).isEmpty();
        assertThat(ProvisioningProblem.INSTANCE.objective(tiny, read)).isEqualTo(outcome.costUsd());
    }
}
