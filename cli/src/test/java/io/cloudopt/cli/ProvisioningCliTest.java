package io.cloudopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.model.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning instance commands: generate and convert, with the shared checks. */
class ProvisioningCliTest {
    @TempDir
    Path dir;

    @Test
    void generateTheReferenceAndAVariant() {
        Path reference = dir.resolve("reference.json");
        CliRun run = CliRun.of("generate", "provisioning", "-o", reference.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode written = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        assertThat(written.get("description").asText()).isEqualTo("branchynet-resnet110");
        assertThat(CliRun.of("validate", reference.toString()).exitCode()).isZero();
        Path variant = dir.resolve("variant.json");
        assertThat(CliRun.of("generate", "provisioning", "--exits", "alexnet", "--service", "pareto:2.5", "-o",
                variant.toString()).exitCode()).isZero();
        CliRun bad = CliRun.of("generate", "provisioning", "--period", "7", "-o", dir.resolve("bad.json").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--period must be 60 or 300 (got 7)");
        assertThat(dir.resolve("bad.json")).doesNotExist();
    }

    @Test
    void convertAnAzureFunctionsDay() throws IOException {
        String header = "HashOwner,HashApp,HashFunction,Trigger,"
                + IntStream.rangeClosed(1, 1440).mapToObj(Integer::toString).collect(Collectors.joining(","));
        long[] counts = new long[1440];
        Arrays.fill(counts, 30);
        String row = "o,a,f-http,http," + Arrays.stream(counts).mapToObj(Long::toString).collect(Collectors.joining(","));
        Path trace = Files.write(dir.resolve("invocations_per_function_md.anon.d01.csv"), List.of(header, row));
        Path output = dir.resolve("azure.json");
        CliRun run = CliRun.of("convert", "azure-functions-2019", trace.toString(), "--mean-rps", "20", "-o",
                output.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(CliRun.of("validate", output.toString()).exitCode()).isZero();
        Path broken = Files.write(dir.resolve("broken.csv"), List.of("HashOwner,HashApp", "o,a"));
        CliRun rejected = CliRun.of("convert", "azure-functions-2019", broken.toString(), "-o",
                dir.resolve("no.json").toString());
        assertThat(rejected.exitCode()).isEqualTo(2);
        assertThat(rejected.err()).contains("broken.csv line 1");
        assertThat(dir.resolve("no.json")).doesNotExist();
    }
}
