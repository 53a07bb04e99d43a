package io.cloudopt.model.rescheduling;


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
 * The broken-file corpus ({@code broken/rescheduling/}, one file per rule; DESIGN §8,
 * problems/rescheduling.md §3 and §13), listed in {@code expected.csv}
 * ({@code file,location,message-fragment}). Instance files must be rejected with an
 * {@link InputException}; solution files ({@code solution-*}, of {@code rescheduling/toy-tight.json},
 * the §3 toy with 36 cores on pm1 numa 1) either fail to read or are reported by
 * {@link ReschedulingVerifier} (rules R1–R10). Either way one line of the report names the location
 * and carries the rule's text.
 */
class ReschedulingBrokenFilesTest {
    private static final Path DIR = resource("/broken/rescheduling");

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
        ReschedulingInstance tight = Instances.read(resource("/rescheduling/toy-tight.json"),
                ReschedulingProblem.INSTANCE).instance();
        return BrokenCorpus.solutionReport(path, ReschedulingProblem.INSTANCE, tight);
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(ReschedulingBrokenFilesTest.class, name);
    }
}
