package io.cloudopt.model.rescheduling;


import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.testing.BrokenCorpus;
import io.cloudopt.model.testing.BrokenCorpusTest;
import java.nio.file.Path;

/**
 * The broken-file corpus ({@code broken/rescheduling/}, one file per rule; DESIGN §8,
 * problems/rescheduling.md §3 and §13), listed in {@code expected.csv}
 * ({@code file,location,message-fragment}). Instance files must be rejected with an
 * {@link InputException}; solution files ({@code solution-*}, of {@code rescheduling/toy-tight.json},
 * the §3 toy with 36 cores on pm1 numa 1) either fail to read or are reported by
 * {@link ReschedulingVerifier} (rules R1–R10). Either way one line of the report names the location
 * and carries the rule's text.
 */
class ReschedulingBrokenFilesTest extends BrokenCorpusTest<ReschedulingInstance, ReschedulingSolution> {
    private static final Path DIR = resource("/broken/rescheduling");

    @Override
    protected Path directory() {
        return DIR;
    }

    @Override
    protected ReschedulingProblem problem() {
        return ReschedulingProblem.INSTANCE;
    }

    @Override
    protected ReschedulingInstance solutionInstance() {
        return Instances.read(resource("/rescheduling/toy-tight.json"),
                ReschedulingProblem.INSTANCE).instance();
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(ReschedulingBrokenFilesTest.class, name);
    }
}
