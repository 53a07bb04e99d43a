package io.cloudopt.instances.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.cloudopt.model.common.InputException;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Azure Functions 2019 per-minute layout (§11): row choice, scaling, and the reader's errors. */
class AzureFunctionsConverterTest {
    private static final String HEADER = "HashOwner,HashApp,HashFunction,Trigger,"
            + IntStream.rangeClosed(1, 1440).mapToObj(Integer::toString).collect(Collectors.joining(","));

    @TempDir
    Path dir;

    private static String row(String function, String trigger, long countPerMinute) {
        long[] counts = new long[1440];
        Arrays.fill(counts, countPerMinute);
        counts[0] = 0;
        return "o,a," + function + "," + trigger + ","
                + Arrays.stream(counts).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("invocations_per_function_md.anon.d01.csv");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void theDefaultRowIsTheLargestHttpFunctionScaledToTheMeanRate() throws IOException {
        // f-timer is largest but not http; f-b and f-a tie among http rows: f-a comes first by HashFunction.
        Path file = write(HEADER, row("f-timer", "timer", 90), row("f-b", "http", 30), row("f-a", "http", 30),
                row("f-small", "http", 3));
        ProvisioningInstance instance = AzureFunctionsConverter.convert(file,
                AzureFunctionsConverter.Options.defaults());
        assertThat(instance.description()).contains("f-a");
        List<Double> counts = instance.arrivals().countsPerMinute();
        assertThat(counts).hasSize(1440);
        double total = counts.stream().mapToDouble(Double::doubleValue).sum();
        // Mean rate 50/s over the day: 50 · 86400 requests in all; minute 1 had no invocation.
        assertThat(total).isCloseTo(50 * 86_400.0, within(1e-6));
        assertThat(counts.get(0)).isZero();
        assertThat(instance.arrivals().kind()).isEqualTo(ProvisioningInstance.Arrivals.PER_MINUTE);
        assertThat(instance.arrivals().burst()).isNotNull();
        assertThat(instance.stages()).isEqualTo(ProvisioningGenerator.reference().stages());
    }

    @Test
    void aNamedFunctionWithoutBursts() throws IOException {
        Path file = write(HEADER, row("f-a", "http", 30), row("f-q", "queue", 6));
        ProvisioningInstance instance = AzureFunctionsConverter.convert(file,
                new AzureFunctionsConverter.Options("f-q", 10, false, 60, 4));
        assertThat(instance.arrivals().burst()).isNull();
        assertThat(instance.periodSeconds()).isEqualTo(60);
        assertThat(instance.arrivals().ratePerSecond(120)).isCloseTo(10 * 1440.0 / 1439, within(1e-9));
    }

    @Test
    void aMissingColumnIsReportedOnLineOne() throws IOException {
        Path file = write(HEADER.replace(",1440", ""), row("f-a", "http", 30));
        assertThat(message(file)).contains("line 1: missing column 1440");
    }

    @Test
    void aShortRowIsReportedWithItsLine() throws IOException {
        String shortRow = row("f-b", "http", 30);
        Path file = write(HEADER, row("f-a", "http", 30), shortRow.substring(0, shortRow.lastIndexOf(',')));
        assertThat(message(file)).contains("line 3: the row has 1443 fields, expected 1444");
    }

    @Test
    void aNonIntegerCountIsReportedWithItsLine() throws IOException {
        Path file = write(HEADER, row("f-a", "http", 30).replaceFirst(",30,", ",2.5,"));
        assertThat(message(file)).contains("line 2: count \"2.5\" of minute 2 is not an integer");
    }

    private static String message(Path file) {
        InputException error = catchThrowableOfType(InputException.class,
                () -> AzureFunctionsConverter.convert(file, AzureFunctionsConverter.Options.defaults()));
        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo("Trace");
        return error.getMessage();
    }
}
