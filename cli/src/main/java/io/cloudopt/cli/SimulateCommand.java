package io.cloudopt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.cli.dvamp.DvampRuns;
import io.cloudopt.cli.workflow.WorkflowRuns;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowPolicies;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.common.Problems;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.dvamp.DvampGreedySolver;
import io.cloudopt.solvers.dvamp.DvampOnlinePolicies;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run online policies in a problem's simulator.",
                "  cloudopt simulate INSTANCE --policy ff [-o solution.json]",
                "      one episode of an instance file; the run is verified and can be written as a solution.",
                "  cloudopt simulate dvamp --trace Huawei-East-1-lt.csv --starts spane_test_start_indices_1000.csv "
                        + "--pms 5 --policy ff[,balance,…] [--episodes K]",
                "      the SPANE protocol: per start index a first-fit probe gives L, the episode places L + 40 VMs; "
                        + "prints the 10 %% trimmed mean and the mean of the per-episode total wait.",
                "  cloudopt simulate workflow --gates-instances gates_test_instances_S.csv --gamma 1.5 --policy bestfit",
                "      every GATES test instance of the table in the gates simulator: VM cost, penalty, total, missed "
                        + "deadlines and decisions per instance and their mean.",
                "  cloudopt simulate provisioning --instance branchynet-resnet110 --policy faas-only,iaas-only,libra,serflow "
                        + "[--seed N] [--vm-type c5.large] [-o solution.json]",
                "      each policy runs online on the seeded day (--instance: a file or a bundled sample); the run is "
                        + "logged as a plan, verified, and (one policy) written with -o. JSON: {problem, instance, "
                        + "instanceSha256, seed, threads, <result> | policies: [<result>, …], totalWallSeconds}, where "
                        + "<result> = {policy, costUsd, vmCostUsd, faasCostUsd, p50LatencyMs, p99LatencyMs, requests, "
                        + "violationFraction, sloMet, vmToFaasOverflow, faasColdStarts, verified, wallSeconds}; one "
                        + "policy's result is inlined."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE|PROBLEM",
            description = "An instance file, or a problem id for a dataset run (dvamp, workflow) or a provisioning run "
                    + "(provisioning --instance …).")
    String target;

    @Option(names = "--instance", paramLabel = "FILE|SAMPLE",
            description = "provisioning: the instance file, or the name of a bundled sample (branchynet-resnet110).")
    String provisioningInstance;

    @Option(names = "--vm-type", paramLabel = "TYPE",
            description = "provisioning libra and iaas-only: the VM type of their pools (default: c5.large).")
    String vmType;

    @Option(names = "--policy", required = true, split = ",", paramLabel = "NAME",
            description = "Policy name(s), comma-separated for a dataset run. dvamp: ff, bf, balance, wf, random, "
                    + "ilp-step, lookahead, replay (with --solution); workflow: bestfit, prolis, reuse-first, new48; "
                    + "provisioning: faas-only, iaas-only, libra, serflow, and the planners milp-static, cpsat, "
                    + "milp-rolling, oracle, timefold.")
    List<String> policies;

    @Option(names = "--time-limit", defaultValue = "600s", converter = DurationConverter.class,
            description = "provisioning planners (milp-static, cpsat, milp-rolling, oracle, timefold): the time limit "
                    + "of each plan (default: ${DEFAULT-VALUE}).")
    java.time.Duration timeLimit;

    @Option(names = "--trace", paramLabel = "FILE", description = "dvamp: the Huawei-East-1 lifetime CSV.")
    Path trace;

    @Option(names = "--starts", paramLabel = "FILE", description = "dvamp: a start-index CSV (column start_index).")
    Path starts;

    @Option(names = "--pms", defaultValue = "5", description = "dvamp: number of PMs (default: ${DEFAULT-VALUE}).")
    int pms;

    @Option(names = "--episodes", paramLabel = "K", description = "Use only the first K start indices.")
    Integer episodes;

    @Option(names = "--extra", defaultValue = "40",
            description = "dvamp: placements added after the first-fit probe (default: ${DEFAULT-VALUE}).")
    int extra;




    @Option(names = "--gates-instances", paramLabel = "FILE",
            description = "workflow: a GATES test-instance table (gates_test_instances_<S|M|L>.csv); runs all its instances.")
    Path gatesInstances;

    @Option(names = "--gamma", defaultValue = "1.0", description = "workflow: deadline factor γ (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--dax-dir", paramLabel = "DIR", description = "workflow: the DAX files (default: dax/ beside the table).")
    Path daxDir;

    @Option(names = "--per-episode", description = "Table output: also list every episode or instance.")
    boolean perEpisode;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Instance runs: write the run as a solution file.")
    Path output;

    @Option(names = "--solution", paramLabel = "FILE",
            description = "Instance runs with --policy replay: the offline solution to execute.")
    Path solution;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of random policies (default: ${DEFAULT-VALUE}); "
            + "provisioning: the simulator seed (default: the instance's simulation.seed).")
    long seed;

    @Option(names = "--window", defaultValue = "20",
            description = "dvamp lookahead: VMs in each look-ahead model, head included (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--step-time-limit", defaultValue = "1s", converter = DurationConverter.class,
            description = "dvamp lookahead: time limit of each look-ahead solve (default: ${DEFAULT-VALUE}).")
    java.time.Duration stepTimeLimit;

    @Mixin
    DvampShapeOptions shape;

    @Mixin
    CommonOptions common;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Problems.byId(target).isPresent() && !Files.exists(Path.of(target))) {
            return dataset(out, err);
        }
        if (trace != null || starts != null) {
            throw InputException.usage("--trace and --starts go with a problem id (cloudopt simulate dvamp …), "
                    + "not with an instance file");
        }
        LoadedInstance<?> loaded = Instances.read(Path.of(target));
        if (loaded.problem().id().equals("provisioning")) {
            return provisioning((LoadedInstance<ProvisioningInstance>) loaded, out, err);
        }
        return instance(loaded, out);
    }

    private int provisioning(LoadedInstance<ProvisioningInstance> loaded, PrintWriter out, PrintWriter err) {
        Long seedOption = spec.commandLine().getParseResult().hasMatchedOption("--seed") ? seed : null;
        return ProvisioningSimulation.run(loaded, policies, seedOption, vmType, timeLimit, output, common.json, out,
                err);
    }

    private int dataset(PrintWriter out, PrintWriter err) {
        if (target.equals("workflow")) {
            return workflowSuite(out, err);
        }
        if (target.equals("provisioning")) {
            if (provisioningInstance == null) {
                throw InputException.usage("cloudopt simulate provisioning needs --instance FILE|SAMPLE (e.g. "
                        + "branchynet-resnet110)");
            }
            return provisioning(ProvisioningSimulation.load(provisioningInstance), out, err);
        }
        if (!target.equals("dvamp")) {
            throw InputException.usage("dataset runs exist for dvamp, workflow and provisioning; give an instance file "
                    + "for " + target);
        }
        if (trace == null || starts == null) {
            throw InputException.usage("cloudopt simulate dvamp needs --trace FILE and --starts FILE");
        }
        if (pms < 1) {
            throw InputException.usage("--pms must be at least 1 (got " + pms + ")");
        }
        policies.forEach(name -> DvampOnlinePolicies.create(name, DvampOnlinePolicies.Settings.seed(seed)));
        long started = System.nanoTime();
        Progress probes = new Progress(err, "probe", episodes == null ? 1000 : episodes);
        DvampRuns.Suite suite = DvampRuns.suite(trace, starts, pms, shape.cpuPerNuma, shape.memPerNuma,
                shape.doubleThreshold, extra, episodes, probes::update);
        probes.done();
        ArrayNode results = Json.NODES.arrayNode();
        for (String policy : policies) {
            Progress progress = new Progress(err, "simulate " + policy, suite.episodes().size());
            results.add(DvampRuns.simulate(suite, policy, seed, progress::update));
            progress.done();
        }
        ObjectNode node = Json.object();
        node.put("problem", "dvamp");
        node.put("protocol", "spane");
        node.put("trace", trace.toString());
        node.put("traceSha256", suite.traceSha256());
        node.put("starts", starts.toString());
        node.put("pms", pms);
        node.put("extraPlacements", extra);
        node.put("seed", seed);
        node.put("threads", 1);
        if (results.size() == 1) {
            node.setAll((ObjectNode) results.get(0));
        } else {
            node.put("episodes", suite.episodes().size());
            node.set("policies", results);
        }
        node.put("totalWallSeconds", (System.nanoTime() - started) / 1e9);
        if (common.json) {
            out.println(Json.compact(node));
        } else {
            Table table = new Table("policy", "episodes", "placements", "trimmedMean", "mean", "wall");
            for (JsonNode result : results) {
                table.add(result.get("policy").asText(), result.get("episodes").asInt(),
                        result.get("placements").asLong(),
                        String.format(Locale.ROOT, "%.5f", result.get("trimmedMean").asDouble()),
                        String.format(Locale.ROOT, "%.3f", result.get("mean").asDouble()),
                        Formats.seconds(result.get("wallSeconds").asDouble()));
            }
            table.print(out);
            if (perEpisode) {
                Table rows = new Table("policy", "episode", "startIndex", "placements", "totalWaitSeconds");
                for (JsonNode result : results) {
                    for (JsonNode episode : result.get("perEpisode")) {
                        rows.add(result.get("policy").asText(), episode.get("episode").asInt(),
                                episode.get("startIndex").asInt(), episode.get("placements").asInt(),
                                episode.get("totalWaitSeconds").asLong());
                    }
                }
                rows.print(out);
            }
        }
        out.flush();
        return Main.OK;
    }

    /** One workflow instance through the gates simulator: the run is verified and can be written. */
    private int workflowInstance(LoadedInstance<WorkflowInstance> loaded, PrintWriter out) {
        String policy = policies.get(0);
        WorkflowPolicies.create(policy);
        io.cloudopt.solvers.workflow.WorkflowGreedySolver solver = new io.cloudopt.solvers.workflow.WorkflowGreedySolver(
                policy, () -> WorkflowPolicies.create(policy));
        Solving<WorkflowInstance, ?> solving = Solving.run(loaded, solver,
                new SolveOptions(Duration.ofDays(1), 1, seed, false));
        if (!solving.verified.verified()) {
            throw new CheckFailed("the verifier rejects the run of " + policy + " (a bug): "
                    + solving.verified.violations());
        }
        if (output != null) {
            solving.write(output);
        }
        Map<String, Object> stats = solving.report().stats();
        ObjectNode summary = Json.object();
        summary.put("instance", loaded.name());
        summary.put("policy", policy);
        summary.put("vmCost", (Double) stats.get("vmCost"));
        summary.put("penalty", (Double) stats.get("penalty"));
        summary.put("totalCost", (Double) stats.get("vmCost") + (Double) stats.get("penalty"));
        summary.put("objective", solving.report().objective());
        summary.put("missedDeadlines", (Integer) stats.get("missedDeadlines"));
        summary.put("decisions", (Integer) stats.get("decisions"));
        summary.put("costFloor", io.cloudopt.model.workflow.WorkflowEvaluator.costFloor(loaded.instance()));
        summary.put("verified", true);
        summary.put("seed", seed);
        summary.put("threads", 1);
        if (common.json) {
            out.println(Json.compact(summary));
        } else {
            Table table = new Table("field", "value");
            summary.fields().forEachRemaining(entry -> table.add(entry.getKey(),
                    entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString()));
            if (output != null) {
                table.add("written", output);
            }
            table.print(out);
        }
        out.flush();
        return Main.OK;
    }

    private int workflowSuite(PrintWriter out, PrintWriter err) {
        if (gatesInstances == null) {
            throw InputException.usage("cloudopt simulate workflow needs --gates-instances FILE (a "
                    + "gates_test_instances_<S|M|L>.csv table)");
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw InputException.usage("--gamma must be > 0 (got " + gamma + ")");
        }
        policies.forEach(WorkflowPolicies::create);
        long started = System.nanoTime();
        Path dax = daxDir != null ? daxDir : gatesInstances.toAbsolutePath().resolveSibling("dax");
        List<WorkflowInstance> suite = WorkflowRuns.suite(gatesInstances, gamma, dax);
        ArrayNode results = Json.NODES.arrayNode();
        for (String policy : policies) {
            Progress progress = new Progress(err, "simulate " + policy, suite.size());
            results.add(WorkflowRuns.simulate(suite, policy, progress::update));
            progress.done();
        }
        ObjectNode node = Json.object();
        node.put("problem", "workflow");
        node.put("gatesInstances", gatesInstances.toString());
        node.put("gamma", gamma);
        ProvisioningSimulation.putResults(node, seed, results, started);
        if (common.json) {
            out.println(Json.compact(node));
        } else {
            Table table = new Table("policy", "instances", "vmCost", "penalty", "totalCost", "missed", "decisions",
                    "wall");
            for (JsonNode result : results) {
                JsonNode mean = result.get("mean");
                table.add(result.get("policy").asText(), result.get("instances").size(),
                        String.format(Locale.ROOT, "%.4f", mean.get("vmCost").asDouble()),
                        String.format(Locale.ROOT, "%.4f", mean.get("penalty").asDouble()),
                        String.format(Locale.ROOT, "%.4f", mean.get("totalCost").asDouble()),
                        String.format(Locale.ROOT, "%.2f", mean.get("missedDeadlines").asDouble()),
                        String.format(Locale.ROOT, "%.1f", mean.get("decisions").asDouble()),
                        Formats.seconds(result.get("wallSeconds").asDouble()));
            }
            table.print(out);
            if (perEpisode) {
                Table rows = new Table("policy", "instance", "vmCost", "penalty", "totalCost", "missed", "decisions");
                for (JsonNode result : results) {
                    for (JsonNode row : result.get("instances")) {
                        rows.add(result.get("policy").asText(), row.get("instance").asText(),
                                Formats.number(row.get("vmCost").asDouble()), Formats.number(row.get("penalty").asDouble()),
                                Formats.number(row.get("totalCost").asDouble()), row.get("missedDeadlines").asInt(),
                                row.get("decisions").asInt());
                    }
                }
                rows.print(out);
            }
        }
        out.flush();
        return Main.OK;
    }

    @SuppressWarnings("unchecked")
    private int instance(LoadedInstance<?> loaded, PrintWriter out) {
        if (policies.size() != 1) {
            throw InputException.usage("an instance run takes one --policy (got " + policies + ")");
        }
        if (loaded.problem().id().equals("workflow")) {
            return workflowInstance((LoadedInstance<WorkflowInstance>) loaded, out);
        }
        if (!loaded.problem().id().equals("dvamp")) {
            throw InputException.usage("problem " + loaded.problem().id() + " has no online simulator; use cloudopt "
                    + "solve");
        }
        String policy = policies.get(0);
        LoadedInstance<DvampInstance> dvamp = (LoadedInstance<DvampInstance>) loaded;
        DvampSolution replay = solution == null ? null
                : Solutions.read(solution, DvampProblem.INSTANCE, dvamp.instance()).solution();
        DvampGreedySolver solver = new DvampGreedySolver(policy,
                s -> DvampOnlinePolicies.create(policy,
                        new DvampOnlinePolicies.Settings(s, replay, window, stepTimeLimit)));
        Solving<DvampInstance, ?> solving = Solving.run(dvamp, solver,
                new SolveOptions(Duration.ofDays(1), 1, seed, false));
        if (!solving.verified.verified()) {
            throw new CheckFailed("the verifier rejects the run of " + policy + " (a bug): "
                    + solving.verified.violations());
        }
        if (output != null) {
            solving.write(output);
        }
        ObjectNode document = solving.document(false);
        ObjectNode summary = Json.object();
        summary.put("instance", loaded.name());
        summary.put("policy", policy);
        summary.put("seed", seed);
        summary.put("threads", 1);
        for (String field : List.of("semantics", "objective", "totalWaitSeconds", "placedCount", "failedVmId",
                "allocationRate", "verified", "wallSeconds")) {
            if (document.has(field)) {
                summary.set(field, document.get(field));
            }
        }
        var evaluation = io.cloudopt.model.dvamp.DvampEvaluator.evaluate(dvamp.instance(),
                (io.cloudopt.model.dvamp.DvampSolution) solving.report().solution());
        summary.put("rewardSum", evaluation.rewardSum());
        summary.put("maxWaitSeconds", evaluation.maxWaitSeconds());
        summary.put("meanWaitSeconds", evaluation.meanWaitSeconds());
        if (common.json) {
            out.println(Json.compact(summary));
        } else {
            Table table = new Table("field", "value");
            summary.fields().forEachRemaining(entry -> table.add(entry.getKey(),
                    entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString()));
            if (output != null) {
                table.add("written", output);
            }
            table.print(out);
        }
        out.flush();
        return Main.OK;
    }
}
