package io.cloudopt.model.workflow;


import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
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
        List<String> lines = file.startsWith("solution-") ? solutionReport(path) : BrokenCorpus.instanceReport(path);
        BrokenCorpus.assertReported(lines, file, location, fragment);
    }

    @Test
    void everyCorpusFileIsListed() {
        BrokenCorpus.assertEveryFileListed(DIR, 15);
    }

    private static List<String> solutionReport(Path path) {
        WorkflowInstance instance = Instances.read(resource("/workflow/workflow-two-forks.json"),
                WorkflowProblem.INSTANCE).instance();
        return BrokenCorpus.solutionReport(path, WorkflowProblem.INSTANCE, instance);
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(WorkflowBrokenFilesTest.class, name);
    }
}
