package io.cloudopt.model.workflow;


import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.testing.BrokenCorpus;
import io.cloudopt.model.testing.BrokenCorpusTest;
import java.nio.file.Path;

/**
 * The workflow broken-file corpus ({@code broken/workflow/}, one file per rule; problems/workflow.md
 * §3 and §13), listed in {@code expected.csv}. Instance files are rejected with an
 * {@link InputException}; solution files ({@code solution-*}, of {@code workflow/workflow-two-forks.json})
 * are reported by {@link WorkflowVerifier}, each with its location and rule.
 */
class WorkflowBrokenFilesTest extends BrokenCorpusTest<WorkflowInstance, WorkflowSolution> {
    private static final Path DIR = resource("/broken/workflow");

    @Override
    protected Path directory() {
        return DIR;
    }

    @Override
    protected WorkflowProblem problem() {
        return WorkflowProblem.INSTANCE;
    }

    @Override
    protected WorkflowInstance solutionInstance() {
        return Instances.read(resource("/workflow/workflow-two-forks.json"),
                WorkflowProblem.INSTANCE).instance();
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(WorkflowBrokenFilesTest.class, name);
    }
}
