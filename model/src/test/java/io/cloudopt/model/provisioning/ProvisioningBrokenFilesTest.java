package io.cloudopt.model.provisioning;

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
 * The provisioning broken-file corpus ({@code broken/provisioning/}, one file per rule;
 * problems/provisioning.md §3 V1–V12 and §13), listed in {@code expected.csv}. Instance files are
 * rejected with an {@link InputException}; solution files ({@code solution-*}, of
 * {@code provisioning/tiny-3stage.json}) are reported by {@link ProvisioningVerifier}.
 */
class ProvisioningBrokenFilesTest {
    private static final Path DIR = resource("/broken/provisioning");

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
                        assertThat(line).contains(location + ": ");
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
        assertThat(listed.stream().filter(name -> !name.startsWith("solution-")).count())
                .isGreaterThanOrEqualTo(15);
    }

    @Test
    void theValidSolutionOfTheCorpusPasses() {
        ProvisioningInstance instance = tiny();
        ProvisioningSolution solution = Solutions.read(resource("/provisioning/tiny-3stage-solution.json"),
                ProvisioningProblem.INSTANCE, instance).solution();
        assertThat(ProvisioningVerifier.verify(instance, solution)).isEmpty();
        ProvisioningSolution recorded = solution.withRecorded(ProvisioningEvaluator.evaluate(instance, solution));
        assertThat(ProvisioningVerifier.verify(instance, recorded)).isEmpty();
    }

    private static List<String> instanceReport(Path path) {
        InputException error = catchThrowableOfType(InputException.class, () -> Instances.read(path));
        assertThat(error).as("%s must be rejected", path.getFileName()).isNotNull();
        assertThat(error.kind()).isEqualTo("Instance");
        assertThat(error.file()).isEqualTo(path.toString());
        return Arrays.asList(error.getMessage().split("\n"));
    }

    private static List<String> solutionReport(Path path) {
        ProvisioningInstance instance = tiny();
        InputException error = catchThrowableOfType(InputException.class,
                () -> Solutions.read(path, ProvisioningProblem.INSTANCE, instance));
        if (error != null) {
            return Arrays.asList(error.getMessage().split("\n"));
        }
        ProvisioningSolution solution = Solutions.read(path, ProvisioningProblem.INSTANCE, instance).solution();
        List<Violation> violations = ProvisioningVerifier.verify(instance, solution);
        assertThat(violations).as("%s must break a rule", path.getFileName()).isNotEmpty();
        return violations.stream().map(violation -> violation.location() + ": " + violation.message())
                .collect(Collectors.toList());
    }

    static ProvisioningInstance tiny() {
        return Instances.read(resource("/provisioning/tiny-3stage.json"), ProvisioningProblem.INSTANCE).instance();
    }

    static Path resource(String name) {
        try {
            return Path.of(ProvisioningBrokenFilesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
