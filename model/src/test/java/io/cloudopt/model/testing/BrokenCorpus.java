package io.cloudopt.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Violation;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A broken-file corpus (DESIGN §8): a directory of files, one per rule, listed in
 * {@code expected.csv} as {@code file,location,message-fragment}. Each problem's corpus test feeds
 * its files to the reader or verifier and checks the report with {@link #assertReported}.
 */
public final class BrokenCorpus {
    private BrokenCorpus() {
    }

    /** The corpus directory on the test class path (e.g. {@code /broken/dvamp}). */
    public static Path directory(Class<?> anchor, String resource) {
        try {
            return Path.of(anchor.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of {@code expected.csv} as test arguments (file, location, fragment). */
    public static Stream<Arguments> rows(Path directory) {
        List<Arguments> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(directory.resolve("expected.csv"))) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(reader)) {
                rows.add(Arguments.of(record.get("file"), record.get("location"), record.get("message-fragment")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.stream();
    }

    /** Every file of the directory is listed (and nothing else), at least {@code atLeast} of them. */
    public static void assertEveryFileListed(Path directory, int atLeast) {
        List<String> listed = rows(directory).map(arguments -> (String) arguments.get()[0]).toList();
        try (Stream<Path> files = Files.list(directory)) {
            List<String> present = files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("expected.csv")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(listed).hasSizeGreaterThanOrEqualTo(atLeast);
    }

    /** One line of the report names the location (if any), then carries the rule's text. */
    public static void assertReported(List<String> lines, String file, String location, String fragment) {
        assertThat(lines).as("report of %s", file).anySatisfy(line -> {
            assertThat(line).contains(fragment);
            if (!location.isEmpty()) {
                assertThat(line).contains(location + (location.startsWith("line ") ? ":" : ": "));
                assertThat(line.indexOf(location)).isLessThan(line.indexOf(fragment));
            }
        });
    }

    /** The report of an instance file that must be rejected: the lines of its {@link InputException}. */
    public static List<String> instanceReport(Path path) {
        InputException error = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
                () -> io.cloudopt.model.common.Instances.read(path));
        assertThat(error).as("%s must be rejected", path.getFileName()).isNotNull();
        assertThat(error.kind()).isEqualTo("Instance");
        assertThat(error.file()).isEqualTo(path.toString());
        return lines(error);
    }

    /**
     * The report of a broken solution file of {@code instance}: the lines of the exception when it
     * cannot be read, else the violations the problem's verifier finds (at least one).
     */
    public static <I, S> List<String> solutionReport(Path path, io.cloudopt.model.common.Problem<I, S> problem,
                                                     I instance) {
        InputException error = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
                () -> io.cloudopt.model.common.Solutions.read(path, problem, instance));
        if (error != null) {
            return lines(error);
        }
        S solution = io.cloudopt.model.common.Solutions.read(path, problem, instance).solution();
        List<Violation> violations = problem.verify(instance, solution);
        assertThat(violations).as("%s must break a rule", path.getFileName()).isNotEmpty();
        return lines(violations);
    }

    public static List<String> lines(InputException error) {
        return Arrays.asList(error.getMessage().split("\n"));
    }

    public static List<String> lines(List<Violation> violations) {
        return violations.stream().map(violation -> violation.location() + ": " + violation.message()).toList();
    }
}
