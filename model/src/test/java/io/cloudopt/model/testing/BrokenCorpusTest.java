package io.cloudopt.model.testing;

import io.cloudopt.model.common.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A problem's broken-file corpus test: every row of the directory's {@code expected.csv}
 * ({@code file,location,message-fragment}) is reported with its location and rule: instance files by the
 * reader (an {@code InputException}), solution files ({@code solution-*}) by the reader or the problem's
 * verifier against {@link #solutionInstance()}. Every file is listed, and there are at least
 * {@link #atLeast()} of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrokenCorpusTest<I, S> {
    /** The corpus directory. */
    protected abstract Path directory();

    protected abstract Problem<I, S> problem();

    /** The instance the broken solution files belong to. */
    protected abstract I solutionInstance();

    /** The least number of files the corpus must have. */
    protected int atLeast() {
        return 15;
    }

    Stream<Arguments> corpus() {
        return BrokenCorpus.rows(directory());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFileIsReportedWithLocationAndRule(String file, String location, String fragment) {
        Path path = directory().resolve(file);
        List<String> lines = file.startsWith("solution-")
                ? BrokenCorpus.solutionReport(path, problem(), solutionInstance())
                : BrokenCorpus.instanceReport(path);
        BrokenCorpus.assertReported(lines, file, location, fragment);
    }

    @Test
    void everyCorpusFileIsListed() {
        BrokenCorpus.assertEveryFileListed(directory(), atLeast());
    }
}
