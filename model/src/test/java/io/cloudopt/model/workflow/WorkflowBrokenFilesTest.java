package io.cloudopt.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.common.Violation;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workflow broken-file corpus ({@code broken/workflow/}, one file per rule; problems/workflow.md
 * §3 and §13), listed in {@code expected.csv}. Instance files are rejected with an
 * {@link InputException}; solution files ({@code solution-*}, of {@code workflow/workflow-two-forks.json})
 * are reported by {@link WorkflowVerifier}, each with its location and rule.
 */
class WorkflowBrokenFilesTest {
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
        List<String> lines = file.startsWith("solution-") ? solutionReport(path) : instanceReport(path);
        assertThat(lines).as("report of %s", file)
                .anySatisfy(line -> {
                    assertThat(line).contains(fragment);
                    if (!location.isEmpty()) {
                        assertThat(line).contains(location + (location.startsWith("line ") ? ":" : ": "));
                        assertThat(line.indexOf(location)).isLessThan(line.indexOf(fragment));
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

    private static List<String> instanceReport(Path path) {
        InputException error = catchThrowableOfType(InputException.class, () -> Instances.read(path));
        assertThat(error).as("%s must be rejected", path.getFileName()).isNotNull();
        assertThat(error.kind()).isEqualTo("Instance");
        assertThat(error.file()).isEqualTo(path.toString());
        return Arrays.asList(error.getMessage().split("\n"));
    }

    private static List<String> solutionReport(Path path) {
        WorkflowInstance instance = Instances.read(resource("/workflow/workflow-two-forks.json"),
                WorkflowProblem.INSTANCE).instance();
        InputException error = catchThrowableOfType(InputException.class,
                () -> Solutions.read(path, WorkflowProblem.INSTANCE, instance));
        if (error != null) {
            return Arrays.asList(error.getMessage().split("\n"));
        }
        WorkflowSolution solution = Solutions.read(path, WorkflowProblem.INSTANCE, instance).solution();
        List<Violation> violations = WorkflowVerifier.verify(instance, solution);
        assertThat(violations).as("%s must break a rule", path.getFileName()).isNotEmpty();
        return violations.stream().map(violation -> violation.location() + ": " + violation.message())
                .collect(Collectors.toList());
    }

    private static Path resource(String name) {
        try {
            return Path.of(WorkflowBrokenFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
