package io.cloudopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.instances.Samples;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.rescheduling.ReschedulingLabelReplay;
import io.cloudopt.model.rescheduling.ReschedulingProblem;
import io.cloudopt.model.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rescheduling commands end to end, as a VMR2L user runs them. */
class ReschedulingCliTest {
    @TempDir
    Path dir;

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
    }

    private Path convert(int k) {
        Path instance = dir.resolve("i" + k + ".json");
        CliRun run = CliRun.of("convert", "vmr2l", SharedData.file("rescheduling/reset_vm_pm0.json").toString(),
                "--max-migrations", Integer.toString(k), "-o", instance.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return instance;
    }

    /** problems/rescheduling.md §12 and the issue: 0.4835 at k = 10 from 0.5983; 0.3802 after 19 moves at k ≥ 20. */
    @Test
    void originalGreedyOnTheResetSnapshot() {
        JsonNode ten = json(CliRun.of("solve", convert(10).toString(), "--solver", "greedy-vmr2l", "--json").out());
        assertThat(ten.get("objective").asDouble()).isEqualTo(674.0 / 1394);
        assertThat(ten.get("initialFragmentRate").asDouble()).isEqualTo(834.0 / 1394);
        assertThat(String.format("%.4f / %.4f", ten.get("objective").asDouble(),
                ten.get("initialFragmentRate").asDouble())).isEqualTo("0.4835 / 0.5983");
        assertThat(ten.get("verified").asBoolean()).isTrue();
        for (int k : new int[] {20, 35}) {
            JsonNode run = json(CliRun.of("solve", convert(k).toString(), "--solver", "greedy-vmr2l", "--json").out());
            assertThat(run.get("objective").asDouble()).isEqualTo(530.0 / 1394);
            assertThat(run.get("migrationsCounted").asInt()).isEqualTo(19);
            assertThat(run.get("plan")).hasSize(19);
        }
    }

    @Test
    void solveWriteVerify() {
        Path instance = convert(10);
        Path solution = dir.resolve("greedy.json");
        assertThat(CliRun.of("solve", instance.toString(), "--solver", "greedy", "-o", solution.toString()).exitCode())
                .isZero();
        CliRun verify = CliRun.of("verify", instance.toString(), solution.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("valid");
    }

    @Test
    void labelsOfTheGreedyReplayExactly() throws IOException {
        Path sample = dir.resolve("sample.json");
        Samples.Sample found = Samples.list("rescheduling").get(0);
        Files.write(sample, Samples.bytes(found));
        Path out = dir.resolve("labels");
        CliRun run = CliRun.of("labels", sample.toString(), "--expert", "greedy", "--features", "full", "-o",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode manifest = Json.readFile(out.resolve("manifest.json"), "Manifest");
        assertThat(manifest.get("problem").asText()).isEqualTo("rescheduling");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("labels.jsonl"))) {
            lines.add(json(line));
        }
        ReschedulingInstance instance = Instances.read(sample, ReschedulingProblem.INSTANCE).instance();
        assertThat(lines).hasSize(Math.max(instance.maxMigrations(), lines.size()));
        assertThat(lines.get(0).get("timeSeconds").isNull()).isTrue();
        assertThat(lines.get(lines.size() - 1).get("truncated").asBoolean()).isTrue();
        double expertRate = manifest.get("instances").get(0).get("objective").asDouble();
        assertThat(ReschedulingLabelReplay.check(instance, lines, expertRate)).isEmpty();
    }

    @Test
    void badInputExitsTwo() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(convert(5)).replace("\"maxMigrations\" : 5", "\"maxMigrations\" : -1"));
        CliRun run = CliRun.of("solve", broken.toString(), "--solver", "greedy");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("$.maxMigrations: must be a non-negative integer");
        Path pinned = dir.resolve("stream.json");
        assertThat(CliRun.of("convert", "vmr2l",
                SharedData.file("rescheduling/json_stream_c1_2022-03-28+32c.json").toString(), "-o",
                pinned.toString()).exitCode()).isZero();
        CliRun refused = CliRun.of("solve", pinned.toString(), "--solver", "greedy-vmr2l");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("greedy-vmr2l: the VMR2L code cannot load pinned VMs");
        CliRun strict = CliRun.of("convert", "vmr2l",
                SharedData.file("rescheduling/json_stream_c1_2022-03-28+32c.json").toString(), "--strict", "-o",
                dir.resolve("strict.json").toString());
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("strict.json")).doesNotExist();
    }
}
