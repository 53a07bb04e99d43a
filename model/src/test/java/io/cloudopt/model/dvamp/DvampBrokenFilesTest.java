package io.cloudopt.model.dvamp;


import io.cloudopt.model.common.InputException;
import io.cloudopt.model.testing.BrokenCorpus;
import io.cloudopt.model.testing.BrokenCorpusTest;
import java.nio.file.Path;

/**
 * The broken-file corpus ({@code broken/dvamp/}, one file per rule; DESIGN §8, problems/dvamp.md
 * §3 and §13), listed in {@code expected.csv} ({@code file,location,message-fragment}). Instance
 * files must be rejected with an {@link InputException}; solution files ({@code solution-*}, of the
 * §3 example) either fail to read or are reported by {@link DvampVerifier}. Either way one line of
 * the report names the location and carries the rule's text.
 */
class DvampBrokenFilesTest extends BrokenCorpusTest<DvampInstance, DvampSolution> {
    private static final Path DIR = resource("/broken/dvamp");

    @Override
    protected Path directory() {
        return DIR;
    }

    @Override
    protected DvampProblem problem() {
        return DvampProblem.INSTANCE;
    }

    @Override
    protected DvampInstance solutionInstance() {
        return DvampExampleTest.example();
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(DvampBrokenFilesTest.class, name);
    }
}
