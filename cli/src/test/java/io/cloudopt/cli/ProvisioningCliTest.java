package io.cloudopt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.instances.Samples;
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

/** The provisioning commands: generate, convert and simulate, with the shared checks. */
class ProvisioningCliTest {
    @TempDir
    Path dir;

    /** The bundled reference instance cut to its first hour, optionally without VM types. */
    private Path shortInstance(String name, boolean withVmTypes) throws IOException {
        ObjectNode document = (ObjectNode) Json.parse(Samples.bytes(Samples.find("provisioning",
                "branchynet-resnet110").orElseThrow()), Path.of("sample"), "Instance");
        document.put("horizonSeconds", 3600);
        if (!withVmTypes) {
            document.putArray("vmTypes");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, Json.compact(document));
        return file;
    }

    @Test
    void simulateOnePolicyWritesAVerifiedSolution() throws IOException {
        Path instance = shortInstance("short.json", true);
        Path solution = dir.resolve("libra.json");
        CliRun run = CliRun.of("simulate", "provisioning", "--instance", instance.toString(), "--policy", "libra",
                "--json", "-o", solution.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        for (String field : List.of("policy", "costUsd", "vmCostUsd", "faasCostUsd", "p50LatencyMs", "p99LatencyMs",
                "requests", "violationFraction", "sloMet", "vmToFaasOverflow", "seed", "threads", "verified")) {
            assertThat(result.has(field)).as(field).isTrue();
        }
        assertThat(result.get("policy").asText()).isEqualTo("libra");
        assertThat(result.get("seed").asLong()).isEqualTo(1);
        assertThat(result.get("threads").asInt()).isEqualTo(1);
        assertThat(result.get("costUsd").asDouble()).isCloseTo(result.get("vmCostUsd").asDouble()
                + result.get("faasCostUsd").asDouble(), within(1e-9));
        assertThat(result.get("requests").asLong()).isBetween(60_000L, 90_000L);
        JsonNode written = Json.parse(Files.readAllBytes(solution), solution, "Solution");
        assertThat(written.get("policy").asText()).isEqualTo("libra");
        assertThat(written.get("solver").get("name").asText()).isEqualTo("greedy-libra");
        assertThat(written.get("objective").asDouble()).isEqualTo(result.get("costUsd").asDouble());
        CliRun verify = CliRun.of("verify", instance.toString(), solution.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void labelsOfTheOracleOnePerPeriodWithAManifest() throws IOException {
        Path instance = shortInstance("short.json", true);
        Path out = dir.resolve("labels");
        CliRun run = CliRun.of("labels", instance.toString(), "--expert", "oracle", "--time-limit", "5s", "-o",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("labels.jsonl"));
        assertThat(lines).hasSize(12);
        JsonNode first = Json.parse(lines.get(0).getBytes(StandardCharsets.UTF_8), Path.of("line"), "Label");
        assertThat(first.get("step").asInt()).isZero();
        assertThat(first.get("expert").get("name").asText()).isEqualTo("oracle");
        assertThat(first.get("actionSet")).hasSize(3);
        assertThat(first.get("reward").asDouble()).isNegative();
        JsonNode manifest = Json.parse(Files.readAllBytes(out.resolve("manifest.json")), out, "Manifest");
        assertThat(manifest.get("problem").asText()).isEqualTo("provisioning");
        assertThat(manifest.get("seed").asLong()).isEqualTo(1);
        assertThat(manifest.get("threads").asInt()).isEqualTo(1);
        assertThat(manifest.get("actionSetForm").asText()).isEqualTo("per-stage");
        assertThat(manifest.get("instances").get(0).get("actionRadix")).hasSize(3);
        assertThat(manifest.get("counts").get("lines").asInt()).isEqualTo(12);

        CliRun bad = CliRun.of("labels", instance.toString(), "--expert", "libra", "-o", dir.resolve("x").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("provisioning labels take --expert oracle or milp-rolling (got \"libra\")");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void thePlainUnionBoundIsInfeasibleOnTheReferenceAndParametersAreChecked() throws IOException {
        Path reference = dir.resolve("reference.json");
        Files.write(reference, Samples.bytes(Samples.find("provisioning", "branchynet-resnet110").orElseThrow()));
        CliRun plain = CliRun.of("solve", reference.toString(), "--solver", "milp-static", "--slo-bound", "plain");
        assertThat(plain.exitCode()).as(plain.out() + plain.err()).isEqualTo(1);
        assertThat(plain.err()).contains("milp-static found no solution (INFEASIBLE");

        CliRun unknown = CliRun.of("solve", reference.toString(), "--solver", "oracle", "--param", "window=3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown parameter(s) [window] for solver oracle");
        CliRun bad = CliRun.of("solve", reference.toString(), "--solver", "cpsat", "--slo-bound", "tight");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--slo-bound must be split or plain (got \"tight\")");
    }

    @Test
    void simulateSeveralPoliciesAsJsonAndAsATable() throws IOException {
        Path instance = shortInstance("short.json", true);
        CliRun run = CliRun.of("simulate", "provisioning", "--instance", instance.toString(), "--policy",
                "faas-only,serflow", "--seed", "3", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        assertThat(result.get("seed").asLong()).isEqualTo(3);
        assertThat(result.get("policies")).hasSize(2);
        assertThat(result.get("policies").get(0).get("policy").asText()).isEqualTo("faas-only");
        assertThat(result.get("policies").get(0).get("vmCostUsd").asDouble()).isZero();
        assertThat(result.get("policies").get(1).get("policy").asText()).isEqualTo("serflow");
        assertThat(result.get("policies").get(1).get("sloMet").isBoolean()).isTrue();

        CliRun table = CliRun.of("simulate", instance.toString(), "--policy", "iaas-only,faas-only");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("policy", "costUsd", "p99 ms", "iaas-only", "faas-only");
    }

    @Test
    void badPolicyNamesAndInstancesAreUsageErrors() throws IOException {
        Path instance = shortInstance("short.json", true);
        CliRun unknown = CliRun.of("simulate", "provisioning", "--instance", instance.toString(), "--policy",
                "libra,greedy");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown provisioning policy \"greedy\"; expected one of faas-only, "
                + "iaas-only, libra, serflow");
        assertThat(unknown.out()).isEmpty();
        CliRun noInstance = CliRun.of("simulate", "provisioning", "--policy", "libra");
        assertThat(noInstance.exitCode()).isEqualTo(2);
        assertThat(noInstance.err()).contains("needs --instance");
        CliRun noSample = CliRun.of("simulate", "provisioning", "--instance", "no-such-sample", "--policy", "libra");
        assertThat(noSample.exitCode()).isEqualTo(2);
        assertThat(noSample.err()).contains("no such file and no bundled provisioning sample");
        CliRun vmType = CliRun.of("simulate", "provisioning", "--instance", instance.toString(), "--policy", "libra",
                "--vm-type", "t2.micro");
        assertThat(vmType.exitCode()).isEqualTo(2);
        assertThat(vmType.err()).contains("--vm-type t2.micro is not a VM type");
        CliRun twoOutputs = CliRun.of("simulate", "provisioning", "--instance", instance.toString(), "--policy",
                "libra,serflow", "-o", dir.resolve("x.json").toString());
        assertThat(twoOutputs.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void withoutVmTypesOnlyFaasOnlyRuns() throws IOException {
        Path instance = shortInstance("no-vms.json", false);
        CliRun libra = CliRun.of("simulate", "provisioning", "--instance", instance.toString(), "--policy", "libra");
        assertThat(libra.exitCode()).isEqualTo(2);
        assertThat(libra.err()).contains("$.vmTypes: no VM types; only faas-only can run");
        CliRun faasOnly = CliRun.of("simulate", "provisioning", "--instance", instance.toString(), "--policy",
                "faas-only", "--json");
        assertThat(faasOnly.exitCode()).as(faasOnly.err()).isZero();
    }

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
