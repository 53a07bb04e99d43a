package io.cloudopt.instances.dvamp;

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
 * Broken Huawei lifetime files ({@code broken/dvamp/*.csv}, problems/dvamp.md §13), listed in
 * {@code expected.csv} ({@code file,location,message-fragment}): each is rejected by
 * {@link HuaweiTraceReader} with {@code FILE line N: rule}.
 */
class HuaweiTraceBrokenFilesTest {
    private static final Path DIR = resource("/broken/dvamp");

    static Stream<Arguments> corpus() {
        return BrokenCorpus.rows(DIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenTraceIsRejectedWithLineAndRule(String file, String location, String fragment) {
        Path path = DIR.resolve(file);
        InputException error = catchThrowableOfType(InputException.class, () -> HuaweiTraceReader.read(path));
        assertThat(error).as("%s must be rejected", file).isNotNull();
        assertThat(error.kind()).isEqualTo("Trace");
        assertThat(error.getMessage()).contains(file + " " + location + ": " + fragment);
    }

    @Test
    void everyCorpusFileIsListed() {
        BrokenCorpus.assertEveryFileListed(DIR, 5);
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(HuaweiTraceBrokenFilesTest.class, name);
    }
}
