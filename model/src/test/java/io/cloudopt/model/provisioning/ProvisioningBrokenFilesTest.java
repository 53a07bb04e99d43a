package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.testing.BrokenCorpus;
import io.cloudopt.model.testing.BrokenCorpusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The provisioning broken-file corpus ({@code broken/provisioning/}, one file per rule;
 * problems/provisioning.md §3 V1–V12 and §13), listed in {@code expected.csv}. Instance files are
 * rejected with an {@link InputException}; solution files ({@code solution-*}, of
 * {@code provisioning/tiny-3stage.json}) are reported by {@link ProvisioningVerifier}.
 */
class ProvisioningBrokenFilesTest extends BrokenCorpusTest<ProvisioningInstance, ProvisioningSolution> {
    private static final Path DIR = resource("/broken/provisioning");

    @Override
    protected Path directory() {
        return DIR;
    }

    @Override
    protected ProvisioningProblem problem() {
        return ProvisioningProblem.INSTANCE;
    }

    @Override
    protected ProvisioningInstance solutionInstance() {
        return tiny();
    }

    @Test
    void atLeastFifteenInstanceRules() {
        assertThat(BrokenCorpus.rows(DIR).filter(row -> !((String) row.get()[0]).startsWith("solution-")).count())
                .isGreaterThanOrEqualTo(15);
    }

    @Test
    void theValidSolutionOfTheCorpusPasses() {
        ProvisioningInstance instance = tiny();
        ProvisioningSolution solution = Solutions.read(resource("/provisioning/tiny-3stage-solution.json"),
                ProvisioningProblem.INSTANCE, instance).solution();
        assertThat(ProvisioningVerifier.verify(instance, solution)).isEmpty();
        ProvisioningSolution recorded = solution.withRecorded(ProvisioningEvaluator.evaluate(instance, solution));
        assertThat(ProvisioningVerifier.verify(instance, recorded)).isEmpty();
    }

    static ProvisioningInstance tiny() {
        return Instances.read(resource("/provisioning/tiny-3stage.json"), ProvisioningProblem.INSTANCE).instance();
    }

    static Path resource(String name) {
        return BrokenCorpus.directory(ProvisioningBrokenFilesTest.class, name);
    }
}
