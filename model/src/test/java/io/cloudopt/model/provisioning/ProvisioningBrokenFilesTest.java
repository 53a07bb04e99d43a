package io.cloudopt.model.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.testing.BrokenCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provisioning broken-file corpus ({@code broken/provisioning/}, one file per rule;
 * problems/provisioning.md §3 V1–V12 and §13), listed in {@code expected.csv}. Instance files are
 * rejected with an {@link InputException}; solution files ({@code solution-*}, of
 * {@code provisioning/tiny-3stage.json}) are reported by {@link ProvisioningVerifier}.
 */
class ProvisioningBrokenFilesTest {
    private static final Path DIR = resource("/broken/provisioning");

    static Stream<Arguments> corpus() {
        return BrokenCorpus.rows(DIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFileIsReportedWithLocationAndRule(String file, String location, String fragment) {
        Path path = DIR.resolve(file);
        List<String> lines = file.startsWith("solution-") ? solutionReport(path) : BrokenCorpus.instanceReport(path);
        BrokenCorpus.assertReported(lines, file, location, fragment);
    }

    @Test
    void everyCorpusFileIsListed() {
        BrokenCorpus.assertEveryFileListed(DIR, 15);
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

    private static List<String> solutionReport(Path path) {
        ProvisioningInstance instance = tiny();
        return BrokenCorpus.solutionReport(path, ProvisioningProblem.INSTANCE, instance);
    }

    static ProvisioningInstance tiny() {
        return Instances.read(resource("/provisioning/tiny-3stage.json"), ProvisioningProblem.INSTANCE).instance();
    }

    static Path resource(String name) {
        return BrokenCorpus.directory(ProvisioningBrokenFilesTest.class, name);
    }
}
