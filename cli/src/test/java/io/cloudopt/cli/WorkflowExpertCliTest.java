package io.cloudopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowLabelReplay;
import io.cloudopt.model.workflow.WorkflowProblem;
import io.cloudopt.model.workflow.WorkflowToyTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflow labels of the roll-out expert and the exact solver, end to end. */
class WorkflowExpertCliTest {
    @TempDir
    Path dir;

    @Test
    void rolloutLabelsReplayExactly() throws IOException {
        WorkflowInstance toy = WorkflowToyTest.toy();
        Path file = dir.resolve("toy.json");
        Instances.write(file, WorkflowProblem.INSTANCE, toy);
        Path out = dir.resolve("labels");
        CliRun run = CliRun.of("labels", file.toString(), "--expert", "rollout", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode manifest = Json.readFile(out.resolve("manifest.json"), "Manifest");
        assertThat(manifest.get("problem").asText()).isEqualTo("workflow");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("labels.jsonl"))) {
            lines.add(Json.parse(line.getBytes(StandardCharsets.UTF_8), out.resolve("labels.jsonl"), "Labels"));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("expert").get("q")).hasSize(6);
        assertThat(WorkflowLabelReplay.check(toy, lines)).isEmpty();
    }

    @Test
    void cpsatSolvesTheToy() throws IOException {
        Path file = dir.resolve("toy.json");
        Instances.write(file, WorkflowProblem.INSTANCE, WorkflowToyTest.toy());
        Path solution = dir.resolve("solution.json");
        CliRun run = CliRun.of("solve", file.toString(), "--solver", "cpsat", "--time-limit", "20s", "-o",
                solution.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode written = Json.readFile(solution, "Solution");
        assertThat(written.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(written.get("objective").asDouble()).isEqualTo(1.5617777777777777, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(CliRun.of("verify", file.toString(), solution.toString()).exitCode()).isZero();
    }
}
