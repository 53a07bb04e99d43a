package io.cloudopt.instances.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudopt.model.common.InputException;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
    void brokenFileIsReportedWithLocationAndRule(String file, String location, String fragment) {
        Path path = DIR.resolve(file);
        InputException error = catchThrowableOfType(InputException.class, () -> read(path));
        assertThat(error).as("%s must be rejected", file).isNotNull();
        assertThat(error.getMessage()).contains(path.toString());
        List<String> lines = Arrays.asList(error.getMessage().split("\n"));
        assertThat(lines).as("report of %s", file).anySatisfy(line -> {
            assertThat(line).contains(fragment);
            if (!location.isEmpty()) {
                String where = location.startsWith("line ") ? file + " " + location + ":" : location + ": ";
                assertThat(line).contains(where);
            }
        });
    }

    @Test
    void everyCorpusFileIsListed() throws IOException {
        List<String> listed = corpus().map(arguments -> (String) arguments.get()[0]).toList();
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> present = files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("expected.csv")).sorted().toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        }
        assertThat(listed).hasSizeGreaterThanOrEqualTo(15);
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
        try {
            return Path.of(WorkflowInputBrokenFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
