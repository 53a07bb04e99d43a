package io.cloudopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampLabelReplay;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampTrace;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.model.testing.SharedData;
import io.cloudopt.instances.Samples;
import io.cloudopt.instances.dvamp.HuaweiTraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dvamp commands end to end, in process, as a user runs them. */
class DvampCliTest {
    @TempDir
    Path dir;

    /** The bundled §3 example, copied to a file as a user would have it. */
    Path example() {
        Path file = dir.resolve("example-1pm.json");
        if (!Files.exists(file)) {
            try {
                Files.write(file, Samples.bytes(Samples.find("dvamp", "example-1pm").orElseThrow()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return file;
    }

    static String trace() {
        return SharedData.file("dvamp/Huawei-East-1-lt.csv").toString();
    }

    static String starts() {
        return SharedData.file("dvamp/spane_test_start_indices_1000.csv").toString();
    }

    @Test
    void simulateReproducesThePublishedSuiteMeans() {
        CliRun run = CliRun.of("simulate", "dvamp", "--trace", trace(), "--starts", starts(), "--pms", "5",
                "--policy", "ff", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        assertThat(json.get("episodes").asInt()).isEqualTo(1000);
        assertThat(json.get("placements").asLong()).isEqualTo(856_441);
        assertThat(json.get("trimmedMean").asDouble()).isEqualTo(89_822.5225);
        assertThat(json.get("mean").asDouble()).isEqualTo(362_634.624);
        assertThat(json.get("seed").asLong()).isEqualTo(1);
        assertThat(json.get("threads").asInt()).isEqualTo(1);
    }

    @Test
    void simulateWithSeveralPoliciesAndTheFirstEpisodes() {
        CliRun run = CliRun.of("simulate", "dvamp", "--trace", trace(), "--starts", starts(), "--pms", "5",
                "--policy", "ff,balance", "--episodes", "8", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        assertThat(json.get("episodes").asInt()).isEqualTo(8);
        List<Long> ff = new ArrayList<>();
        json.get("policies").get(0).get("perEpisode").forEach(e -> ff.add(e.get("totalWaitSeconds").asLong()));
        List<Long> balance = new ArrayList<>();
        json.get("policies").get(1).get("perEpisode").forEach(e -> balance.add(e.get("totalWaitSeconds").asLong()));
        // problems/dvamp.md §12(b), columns ff_total_wait and balance_total_wait.
        assertThat(ff).containsExactly(1775535L, 2691967L, 6767L, 76089L, 94544L, 40986L, 94439L, 80656L);
        assertThat(balance).containsExactly(1775375L, 2478878L, 6767L, 75789L, 94544L, 41020L, 43030L, 80367L);
    }

    @Test
    void simulateTableOutput() {
        CliRun run = CliRun.of("simulate", "dvamp", "--trace", trace(), "--starts", starts(), "--policy", "ff",
                "--episodes", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("policy").contains("trimmedMean").contains("ff");
    }

    @Test
    void simulateInstanceWritesAVerifiedSolution() {
        Path solution = dir.resolve("ff.json");
        CliRun run = CliRun.of("simulate", example().toString(), "--policy", "ff", "-o", solution.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        assertThat(json.get("totalWaitSeconds").asLong()).isEqualTo(380);
        assertThat(json.get("verified").asBoolean()).isTrue();
        CliRun verify = CliRun.of("verify", example().toString(), solution.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("valid").contains("objective 380");
    }

    @Test
    void exactSolveExportsTheModelAndASolFile() throws IOException {
        Path solution = dir.resolve("cpsat.json");
        Path mps = dir.resolve("model.mps.gz");
        Path lp = dir.resolve("model.lp");
        Path sol = dir.resolve("cpsat.sol");
        CliRun run = CliRun.of("solve", example().toString(), "--solver", "milp", "--mps", mps.toString(), "-o",
                solution.toString(), "--sol", sol.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        assertThat(json.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(json.get("objective").asDouble()).isEqualTo(380.0);
        assertThat(json.get("relGap").asDouble()).isZero();
        assertThat(json.get("instanceSha256").asText()).hasSize(64);
        assertThat(json.get("solver").get("seed").asLong()).isEqualTo(1);
        String mpsText = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(mps)).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(mpsText).contains("x_vm1_pm0_numa0").contains("st_vm4");
        assertThat(CliRun.of("solve", example().toString(), "--solver", "milp", "--mps", lp.toString()).exitCode())
                .isZero();
        assertThat(Files.readString(lp)).contains("st_vm4");
        List<String> solLines = Files.readAllLines(sol);
        assertThat(solLines.get(0)).isEqualTo("=obj= 380");
        assertThat(solLines).contains("st_vm4 220", "y_vm0_pm0 1");
        CliRun noMilp = CliRun.of("solve", example().toString(), "--solver", "cpsat", "--mps", mps.toString());
        assertThat(noMilp.exitCode()).isEqualTo(2);
        assertThat(noMilp.err()).contains("--mps needs a MILP solver");
    }

    @Test
    void gapTableWithBoundReferenceAndCsv() throws IOException {
        Path reference = Files.writeString(dir.resolve("reference.csv"), "name,status,value\ndvamp-example-1pm,opt,760\n");
        Path csv = dir.resolve("rows.csv");
        CliRun run = CliRun.of("gap", example().toString(), "--solvers", "greedy-ff,cpsat,pool-bound", "--reference",
                reference.toString(), "--csv", csv.toString(), "--json");
        JsonNode json = Json.parse(run.out().getBytes(StandardCharsets.UTF_8), Path.of("stdout"), "Output");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = json.get("rows");
        assertThat(rows).hasSize(3);
        // ff 380 against the proven bound 380 (CP-SAT) and a reference of 760: (380 − 760)/760 = −0.5.
        assertThat(rows.get(0).get("gapToBestBound").asDouble()).isZero();
        assertThat(rows.get(0).get("gapVsReference").asDouble()).isEqualTo(-0.5);
        assertThat(rows.get(1).get("verdict").asText()).isEqualTo("Optimal.");
        assertThat(rows.get(2).get("verdict").asText()).isEqualTo("Bound.");
        assertThat(rows.get(2).get("bound").asDouble()).isEqualTo(150.0);
        assertThat(Files.readAllLines(csv).get(0)).startsWith("instance,solver,status,termination,objective,bound");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "name,status,value\ndvamp-example-1pm,maybe,1\n");
        CliRun rejected = CliRun.of("gap", example().toString(), "--solvers", "greedy-ff", "--reference", bad.toString());
        assertThat(rejected.exitCode()).isEqualTo(2);
        assertThat(rejected.err()).contains("bad.csv line 2: status must be opt, best or inf");
    }

    @Test
    void verifyRejectsATamperedSolution() throws IOException {
        Path solution = dir.resolve("ff.json");
        assertThat(CliRun.of("solve", example().toString(), "--solver", "greedy-ff", "-o", solution.toString())
                .exitCode()).isZero();
        String text = Files.readString(solution);
        // v3 is placed at 60 by the simulator; 30 overloads node 0 (v0 48 + v1 32 + v3 16 = 96 > 80 half-units).
        Files.writeString(solution, text.replace("\"startSeconds\" : 60", "\"startSeconds\" : 30")
                .replace("\"totalWaitSeconds\" : 380", "\"totalWaitSeconds\" : 350")
                .replace("\"objective\" : 380.0", "\"objective\" : 350.0"));
        CliRun verify = CliRun.of("verify", example().toString(), solution.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("INVALID").contains("O3 $.placements[3]: pm0/numa0 cpu 96 > 80 half-units at t=30");
    }

    @Test
    void badInstanceExitsTwoAndWritesNothing() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(example()).replace("\"arrivalSeconds\": 20", "\"arrivalSeconds\": 1.5"));
        Path output = dir.resolve("out.json");
        CliRun run = CliRun.of("solve", broken.toString(), "--solver", "greedy-ff", "-o", output.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(broken.toString()).contains("$.vms[2].arrivalSeconds: must be a whole number of seconds");
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(output).doesNotExist();
        CliRun validate = CliRun.of("validate", broken.toString(), example().toString());
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.out()).contains("valid: " + example());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun unknownSolver = CliRun.of("solve", example().toString(), "--solver", "magic");
        assertThat(unknownSolver.exitCode()).isEqualTo(2);
        assertThat(unknownSolver.err()).contains("unknown solver \"magic\" for dvamp");
        CliRun unknownOption = CliRun.of("solve", example().toString(), "--frobnicate");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        CliRun missingFile = CliRun.of("validate", dir.resolve("nope.json").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("no such file");
        CliRun badStarts = CliRun.of("simulate", "dvamp", "--trace", trace(), "--starts", trace(), "--policy", "ff");
        assertThat(badStarts.exitCode()).isEqualTo(2);
        assertThat(badStarts.err()).contains("line 1: expected header start_index");
    }

    @Test
    void helpAndSchema() {
        assertThat(CliRun.of("--help").exitCode()).isZero();
        for (String command : List.of("solve", "verify", "gap", "simulate", "labels", "validate", "schema")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: cloudopt " + command);
        }
        CliRun schema = CliRun.of("schema", "dvamp");
        assertThat(schema.exitCode()).isZero();
        JsonNode json = Json.parse(schema.out().getBytes(StandardCharsets.UTF_8), Path.of("schema"), "Output");
        assertThat(json.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(CliRun.of("schema", "nope").exitCode()).isEqualTo(2);
    }

    @Test
    void labelsOfTraceEpisodesReplayExactly() throws IOException {
        Path out = dir.resolve("labels");
        CliRun run = CliRun.of("labels", "dvamp", "--trace", trace(), "--starts", starts(), "--pms", "5",
                "--episodes", "3", "--expert", "balance", "--clairvoyant", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode manifest = Json.readFile(out.resolve("manifest.json"), "Manifest");
        assertThat(manifest.get("seed").asLong()).isEqualTo(1);
        assertThat(manifest.get("threads").asInt()).isEqualTo(1);
        assertThat(manifest.get("expert").get("clairvoyant").asBoolean()).isTrue();
        Map<Integer, List<JsonNode>> byEpisode = readLines(out.resolve("labels.jsonl"));
        assertThat(byEpisode).hasSize(3);
        DvampTrace trace = HuaweiTraceReader.read(Path.of(trace()));
        for (JsonNode instance : manifest.get("instances")) {
            int episode = instance.get("episode").asInt();
            List<JsonNode> lines = byEpisode.get(episode);
            assertThat(lines).hasSize(instance.get("decisions").asInt());
            DvampWorkload workload = DvampWorkload.slice(trace, instance.get("startIndex").asInt(), lines.size(), 5,
                    40, 90, 10);
            assertThat(DvampLabelReplay.check(workload, DvampSemantics.SPANE, true,
                    DvampEpisode.placements(lines.size()), lines)).isEmpty();
            long totalWait = 0;
            for (JsonNode line : lines) {
                totalWait += line.get("state").get("head").get("waitSoFarSeconds").asLong();
                assertThat(line.get("state").has("runningEndSeconds")).isTrue();
            }
            assertThat(totalWait).isEqualTo(instance.get("totalWaitSeconds").asLong());
        }
        assertThat(manifest.get("instances").get(0).get("totalWaitSeconds").asLong()).isEqualTo(1775375L);
    }

    @Test
    void labelReplayDetectsATamperedReward() throws IOException {
        Path out = dir.resolve("labels");
        assertThat(CliRun.of("labels", example().toString(), "--expert", "ff", "-o", out.toString()).exitCode()).isZero();
        List<JsonNode> lines = readLines(out.resolve("labels.jsonl")).get(0);
        assertThat(lines).hasSize(6);
        var instance = io.cloudopt.model.common.Instances.read(example(),
                io.cloudopt.model.dvamp.DvampProblem.INSTANCE).instance();
        DvampWorkload workload = DvampWorkload.of(instance);
        assertThat(DvampLabelReplay.check(workload, DvampSemantics.SPANE, true, instance.episode(), lines)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) lines.get(3)).put("reward", -3.0);
        assertThat(DvampLabelReplay.check(workload, DvampSemantics.SPANE, true, instance.episode(), lines))
                .containsExactly("step 3: reward -3.0, simulator gives " + (-Math.log1p(30)));
    }

    @Test
    void labelsOfAReplayedOfflineSolution() throws IOException {
        Path offline = dir.resolve("timefold.json");
        CliRun solve = CliRun.of("solve", example().toString(), "--solver", "timefold", "--time-limit", "1s", "-o",
                offline.toString());
        assertThat(solve.exitCode()).as(solve.err()).isZero();
        assertThat(Json.readFile(offline, "Solution").get("schedule").asText()).isEqualTo("offline");
        Path out = dir.resolve("labels");
        CliRun run = CliRun.of("labels", example().toString(), "--expert", "replay", "--solution", offline.toString(),
                "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = readLines(out.resolve("labels.jsonl")).get(0);
        var instance = io.cloudopt.model.common.Instances.read(example(),
                io.cloudopt.model.dvamp.DvampProblem.INSTANCE).instance();
        assertThat(DvampLabelReplay.check(DvampWorkload.of(instance), DvampSemantics.SPANE, true, instance.episode(),
                lines)).isEmpty();
        assertThat(lines.get(0).get("expert").get("name").asText()).isEqualTo("replay");
        JsonNode manifest = Json.readFile(out.resolve("manifest.json"), "Manifest");
        assertThat(manifest.get("instances").get(0).get("objective").asDouble()).isEqualTo(380.0);
        CliRun missing = CliRun.of("labels", example().toString(), "--expert", "replay", "-o", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("the replay policy needs --solution FILE");
    }

    private static Map<Integer, List<JsonNode>> readLines(Path file) throws IOException {
        Map<Integer, List<JsonNode>> byEpisode = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = Json.parse(line.getBytes(StandardCharsets.UTF_8), file, "Labels");
            byEpisode.computeIfAbsent(node.get("episode").asInt(), e -> new ArrayList<>()).add(node);
        }
        return byEpisode;
    }
}
