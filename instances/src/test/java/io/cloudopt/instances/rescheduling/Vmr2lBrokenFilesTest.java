package io.cloudopt.instances.rescheduling;

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
 * Broken raw VMR2L snapshots ({@code broken/rescheduling/*.json}, problems/rescheduling.md §11 and
 * §13), listed in {@code expected.csv} ({@code file,location,message-fragment}): each is rejected by
 * {@link Vmr2lConverter} with the raw file's JSON path (or, for rules checked on the converted
 * instance, the instance's path) and the rule.
 */
class Vmr2lBrokenFilesTest {
    private static final Path DIR = resource("/broken/rescheduling");

    static Stream<Arguments> corpus() {
        return BrokenCorpus.rows(DIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenSnapshotIsRejectedWithPathAndRule(String file, String location, String fragment) {
        Path path = DIR.resolve(file);
        InputException error = catchThrowableOfType(InputException.class,
                () -> Vmr2lConverter.convert(path, Vmr2lConverter.Options.DEFAULT));
        assertThat(error).as("%s must be rejected", file).isNotNull();
        assertThat(error.getMessage()).contains(location + ": " + fragment);
    }

    @Test
    void everyCorpusFileIsListed() {
        BrokenCorpus.assertEveryFileListed(DIR, 15);
    }

    private static Path resource(String name) {
        return BrokenCorpus.directory(Vmr2lBrokenFilesTest.class, name);
    }
}
