package io.cloudopt.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.common.Violation;
import io.cloudopt.model.testing.BrokenCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workflow broken-file corpus ({@code broken/workflow/}, one file per rule; problems/workflow.md
 * §3 and §13), listed in {@code expected.csv}. Instance files are rejected with an
 * {@link InputException}; solution files ({@code solution-*}, of {@code workflow/workflow-two-forks.json})
 * are reported by {@link WorkflowVerifier}, each with its location and rule.
 */
class WorkflowBrokenFilesTest {
    private static final Path DIR = resource("/broken/workflow");

    static Stream<Arguments> corpus() {
        return BrokenCorpus.rows(DIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFileIsReportedWithLocationAndRule(String file, String location, String fragment) {
        Path path = DIR.resolve(file);
        List<String> lines = file.startsWith("solution-") ? solutionReport(path) : instanceReport(path);
        BrokenCorpus.assertReported(lines, file, location, fragment);
    }

    @Test
    void everyCorpusFileIsListed() {
        BrokenCorpus.assertEveryFileListed(DIR, 15);
    }

    private static List<String> instanceReport(Path path) {
        InputException error = catchThrowableOfType(InputException.class, () -> Instances.read(path));
        assertThat(error).as("%s must be rejected", path.getFileName()).isNotNull();
        assertThat(error.kind()).isEqualTo("Instance");
        assertThat(error.file()).isEqualTo(path.toString());
        return BrokenCorpus.lines(error);
    }

    private static List<String> solutionReport(Path path) {
        WorkflowInstance instance = Instances.read(resource("/workflow/workflow-two-forks.json"),
                WorkflowProblem.INSTANCE).instance();
        InputException error = catchThrowableOfType(InputException.class,
                () -> Solutions.read(path, WorkflowProblem.INSTANCE, instance));
        if (error != null) {
            return BrokenCorpus.lines(error);
        }
        WorkflowSolution solution = Solutions.read(path, WorkflowProblem.INSTANCE, instance).solution();
        List<Violation> violations = WorkflowVerifier.verify(instance, solution);
        assertThat(violations).as("%s must break a rule", path.getFileName()).isNotEmpty();
        return BrokenCorpus.lines(violations);
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(WorkflowBrokenFilesTest.class, name);
    }
}
