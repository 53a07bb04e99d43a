package io.cloudopt.instances.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.testing.BrokenCorpus;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken DAX files, GATES test-instance tables and WfFormat files (problems/workflow.md §13), one
 * per rule, listed in {@code broken/workflow/expected.csv}: each is rejected with an
 * {@link InputException} naming the file, the line or JSON path, and the rule.
 */
class WorkflowInputBrokenFilesTest {
    private static final Path DIR = resource("/broken/workflow");

    static Stream<Arguments> corpus() {
        return BrokenCorpus.rows(DIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFileIsReportedWithLocationAndRule(String file, String location, String fragment) {
        Path path = DIR.resolve(file);
        InputException error = catchThrowableOfType(InputException.class, () -> read(path));
        assertThat(error).as("%s must be rejected", file).isNotNull();
        assertThat(error.getMessage()).contains(path.toString());
        BrokenCorpus.assertReported(BrokenCorpus.lines(error), file, location, fragment);
    }

    @Test
    void everyCorpusFileIsListed() {
        BrokenCorpus.assertEveryFileListed(DIR, 15);
    }

    private static Object read(Path path) {
        String name = path.getFileName().toString();
        if (name.startsWith("dax-")) {
            return DaxReader.read(path, "w0", "T", 0.0);
        }
        if (name.startsWith("gates-")) {
            return GatesTestConverter.read(path);
        }
        return WfFormatReader.read(path, "w0", 0.0, 1.0);
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(WorkflowInputBrokenFilesTest.class, name);
    }
}
