package io.cloudopt.instances.dvamp;

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
 * Broken Huawei lifetime files ({@code broken/dvamp/*.csv}, problems/dvamp.md §13), listed in
 * {@code expected.csv} ({@code file,location,message-fragment}): each is rejected by
 * {@link HuaweiTraceReader} with {@code FILE line N: rule}.
 */
class HuaweiTraceBrokenFilesTest {
    private static final Path DIR = resource("/broken/dvamp");

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
    void brokenTraceIsRejectedWithLineAndRule(String file, String location, String fragment) {
        Path path = DIR.resolve(file);
        InputException error = catchThrowableOfType(InputException.class, () -> HuaweiTraceReader.read(path));
        assertThat(error).as("%s must be rejected", file).isNotNull();
        assertThat(error.kind()).isEqualTo("Trace");
        assertThat(error.getMessage()).contains(file + " " + location + ": " + fragment);
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
            return Path.of(HuaweiTraceBrokenFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
