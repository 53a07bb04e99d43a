package io.cloudopt.instances.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudopt.model.common.InputException;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(DIR.resolve("expected.csv"))) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(reader)) {
                rows.add(Arguments.of(record.get("file"), record.get("location"), record.get("message-fragment")));
            }
        }
        return rows.stream();
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
    void everyCorpusFileIsListed() throws IOException {
        List<String> listed = corpus().map(arguments -> (String) arguments.get()[0]).toList();
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("expected.csv")).toList());
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(Vmr2lBrokenFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
