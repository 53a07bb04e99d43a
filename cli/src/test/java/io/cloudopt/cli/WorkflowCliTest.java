package io.cloudopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow commands end to end, as a GATES user runs them. */
class WorkflowCliTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
    }

    @Test
    void simulateTheSizeSSuite() {
        JsonNode result = json(CliRun.of("simulate", "workflow", "--gates-instances",
                SharedData.file("workflow/gates_test_instances_S.csv").toString(), "--gamma", "1.5", "--policy",
                "bestfit", "--json"));
        assertThat(result.get("instances")).hasSize(30);
        JsonNode first = result.get("instances").get(0);
        for (String field : new String[] {"instance", "vmCost", "penalty", "totalCost", "missedDeadlines", "decisions"}) {
            assertThat(first.has(field)).as(field).isTrue();
            assertThat(result.get("mean").has(field) || field.equals("instance")).as("mean." + field).isTrue();
        }
        double sum = 0;
        long decisions = 0;
        for (JsonNode row : result.get("instances")) {
            sum += row.get("totalCost").asDouble();
            decisions += row.get("decisions").asLong();
            assertThat(row.get("totalCost").asDouble()).isEqualTo(row.get("vmCost").asDouble()
                    + row.get("penalty").asDouble());
        }
        assertThat(result.get("mean").get("totalCost").asDouble()).isEqualTo(sum / 30);
        assertThat(decisions).isEqualTo(25_711);
        assertThat(first.get("instance").asText()).isEqualTo("gates-S-0-g1.5");
    }

    @Test
    void convertSolveVerifyAndSimulateAnInstanceFile() throws IOException {
        Path instance = dir.resolve("g.json");
        assertThat(CliRun.of("convert", "gates-test", SharedData.file("workflow/gates_test_instances_S.csv").toString(),
                "--instance", "0", "--gamma", "1.0", "-o", instance.toString()).exitCode()).isZero();
        Path solution = dir.resolve("bestfit.json");
        JsonNode solved = json(CliRun.of("solve", instance.toString(), "--solver", "greedy-bestfit", "-o",
                solution.toString(), "--json"));
        assertThat(solved.get("mode").asText()).isEqualTo("gates");
        assertThat(solved.get("summary").get("lateWorkflows").asInt()).isEqualTo(30);
        CliRun verify = CliRun.of("verify", instance.toString(), solution.toString());
        assertThat(verify.exitCode()).as(verify.err() + verify.out()).isZero();
        JsonNode simulated = json(CliRun.of("simulate", instance.toString(), "--policy", "bestfit", "--json"));
        // The original simulator's costs for this instance (GATES code, bestfit, size S, γ = 1.0).
        assertThat(simulated.get("vmCost").asDouble()).isEqualTo(569.0879999999971);
        assertThat(simulated.get("penalty").asDouble()).isEqualTo(172.5500589209974);
        assertThat(simulated.get("decisions").asInt()).isEqualTo(860);
        String text = Files.readString(solution);
        Files.writeString(solution, text.replaceFirst("\"billedHours\" : (\\d+)", "\"billedHours\" : 0"));
        CliRun broken = CliRun.of("verify", instance.toString(), solution.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
    }

    @Test
    void badInputsExitTwo() throws IOException {
        Path dax = dir.resolve("bad.xml");
        Files.writeString(dax, "<?xml version=\"1.0\"?>\n<adag xmlns=\"http://example.org\"/>\n");
        CliRun run = CliRun.of("convert", "dax", dax.toString(), "-o", dir.resolve("x.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.xml line 2: root must be {http://pegasus.isi.edu/schema/DAX}adag");
        assertThat(dir.resolve("x.json")).doesNotExist();
        CliRun missing = CliRun.of("convert", "gates-test", SharedData.file("workflow/gates_test_instances_S.csv")
                .toString(), "--instance", "31", "-o", dir.resolve("y.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no rows for instance 31");
        CliRun policy = CliRun.of("simulate", "workflow", "--gates-instances",
                SharedData.file("workflow/gates_test_instances_S.csv").toString(), "--policy", "magic");
        assertThat(policy.exitCode()).isEqualTo(2);
        assertThat(policy.err()).contains("unknown workflow policy \"magic\"");
    }
}
