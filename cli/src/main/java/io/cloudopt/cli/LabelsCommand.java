package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.cli.dvamp.DvampLabelWriter;
import io.cloudopt.cli.dvamp.DvampRuns;
import io.cloudopt.model.common.AtomicFiles;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.common.Versions;
import io.cloudopt.model.dvamp.DvampEpisode;
import io.cloudopt.model.dvamp.DvampInstance;
import io.cloudopt.model.dvamp.DvampPolicy;
import io.cloudopt.model.dvamp.DvampProblem;
import io.cloudopt.model.dvamp.DvampRun;
import io.cloudopt.model.dvamp.DvampSemantics;
import io.cloudopt.model.dvamp.DvampSolution;
import io.cloudopt.model.dvamp.DvampWorkload;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.model.rescheduling.ReschedulingInstance;
import io.cloudopt.model.workflow.WorkflowInstance;
import io.cloudopt.model.workflow.WorkflowLabelReplay;
import io.cloudopt.model.workflow.WorkflowLabels;
import io.cloudopt.model.rescheduling.ReschedulingLabels;
import io.cloudopt.model.rescheduling.ReschedulingSolution;
import io.cloudopt.model.dvamp.SpaneProtocol;
import io.cloudopt.solvers.dvamp.DvampLookaheadPolicy;
import io.cloudopt.solvers.dvamp.DvampOnlinePolicies;
import io.cloudopt.solvers.provisioning.ProvisioningLabels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "labels", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write expert labels for learned policies: one JSON line per decision (labels.jsonl) and a "
                + "manifest.json (format, instances with hashes, expert, seed, threads, counts).",
                "  cloudopt labels INSTANCE… --expert ff -o DIR",
                "  cloudopt labels dvamp --trace FILE --starts FILE --pms 5 --episodes 10 --expert balance -o DIR"})
final class LabelsCommand implements Callable<Integer> {
    static final String FORMAT = "cloudopt-labels/1";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INSTANCE|PROBLEM")
    List<String> targets;

    @Option(names = "--expert", required = true, paramLabel = "POLICY",
            description = "dvamp: the policy whose decisions are labelled (ff, bf, balance, wf, random, ilp-step, "
                    + "lookahead, replay with --solution); rescheduling: the solver whose plan is labelled (greedy, "
                    + "cpsat, milp-agg, timefold, …); workflow: the policy (bestfit, prolis, reuse-first, new48, rollout); "
                    + "provisioning: the planner (oracle, milp-rolling).")
    String expert;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(names = "--solution", paramLabel = "FILE",
            description = "With --expert replay: the offline solution (e.g. of cpsat) whose slots are executed.")
    Path solution;

    @Option(names = "--clairvoyant", description = "dvamp: add the head's lifetime and per-node running end times "
            + "to the state (SPANE's observation has none).")
    boolean clairvoyant;

    @Option(names = "--trace", paramLabel = "FILE", description = "dvamp dataset run: the lifetime CSV.")
    Path trace;

    @Option(names = "--starts", paramLabel = "FILE", description = "dvamp dataset run: the start-index CSV.")
    Path starts;

    @Option(names = "--pms", defaultValue = "5", description = "dvamp dataset run: PMs (default: ${DEFAULT-VALUE}).")
    int pms;

    @Option(names = "--episodes", paramLabel = "K", description = "dvamp dataset run: first K start indices.")
    Integer episodes;

    @Option(names = "--features", defaultValue = "default", paramLabel = "default|full",
            description = "rescheduling: add the per-PM and per-VM feature matrices with full (default: ${DEFAULT-VALUE}).")
    String features;

    @Mixin
    SolveSettings settings;

    @Option(names = "--window", defaultValue = "20",
            description = "dvamp lookahead: VMs in each look-ahead model, head included (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--step-time-limit", defaultValue = "1s", converter = DurationConverter.class,
            description = "dvamp lookahead: time limit of each look-ahead solve (default: ${DEFAULT-VALUE}).")
    java.time.Duration stepTimeLimit;

    @Mixin
    CommonOptions common;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder lines = new StringBuilder();
        DvampLabelWriter writer = new DvampLabelWriter(lines, clairvoyant);
        ArrayNode instances = Json.NODES.arrayNode();
        boolean dataset = targets.size() == 1 && targets.get(0).equals("dvamp") && !Files.exists(Path.of("dvamp"));
        if (dataset) {
            if (trace == null || starts == null) {
                throw InputException.usage("cloudopt labels dvamp needs --trace FILE and --starts FILE");
            }
            DvampPolicy policy = DvampOnlinePolicies.create(expert,
                    new DvampOnlinePolicies.Settings(settings.seed, null, window, stepTimeLimit));
            DvampRuns.Suite suite = DvampRuns.suite(trace, starts, pms, 40, 90, 10, 40, episodes, done -> { });
            Progress progress = new Progress(err, "labels", suite.episodes().size());
            for (SpaneProtocol.Episode episode : suite.episodes()) {
                DvampWorkload workload = suite.protocol().workload(episode);
                DvampRun run = writer.episode(suite.episodeName(episode), suite.traceSha256(), episode.index(), workload,
                        DvampSemantics.SPANE, true, DvampEpisode.placements(episode.placements()), policy,
                        p -> expertInfo(p));
                instances.addObject().put("name", suite.episodeName(episode)).put("sha256", suite.traceSha256())
                        .put("trace", trace.toString()).put("startIndex", episode.startIndex())
                        .put("episode", episode.index()).put("decisions", run.placedCount())
                        .put("totalWaitSeconds", run.totalWaitSeconds());
                progress.update(episode.index() + 1);
            }
            progress.done();
        } else {
            List<LoadedInstance<?>> loaded = new ArrayList<>();
            for (String target : targets) {
                loaded.add(Instances.read(Path.of(target)));
            }
            String problemId = loaded.get(0).problem().id();
            for (int e = 0; e < loaded.size(); e++) {
                if (!loaded.get(e).problem().id().equals(problemId)) {
                    throw InputException.usage("one labels run takes instances of one problem (" + targets.get(0)
                            + " is " + problemId + ", " + targets.get(e) + " is " + loaded.get(e).problem().id() + ")");
                }
            }
            if (problemId.equals("rescheduling")) {
                return rescheduling(loaded, lines, instances, out);
            }
            if (problemId.equals("workflow")) {
                return workflow(loaded, lines, instances, out);
            }
            if (problemId.equals("provisioning")) {
                return provisioning(loaded, lines, instances, out);
            }
            for (int e = 0; e < loaded.size(); e++) {
                LoadedInstance<DvampInstance> dvamp = (LoadedInstance<DvampInstance>) loaded.get(e);
                DvampInstance instance = dvamp.instance();
                if (solution != null && loaded.size() > 1) {
                    throw InputException.usage("--solution goes with one instance file (got " + loaded.size() + ")");
                }
                DvampSolution replay = solution == null ? null
                        : Solutions.read(solution, DvampProblem.INSTANCE, instance).solution();
                DvampPolicy policy = DvampOnlinePolicies.create(expert,
                        new DvampOnlinePolicies.Settings(settings.seed, replay, window, stepTimeLimit));
                DvampRun run = writer.episode(dvamp.name(), dvamp.sha256(), e, DvampWorkload.of(instance),
                        instance.semantics(), instance.departures(), instance.episode(), policy, p -> expertInfo(p));
                instances.addObject().put("name", dvamp.name()).put("sha256", dvamp.sha256())
                        .put("file", targets.get(e)).put("episode", e).put("decisions", run.placedCount())
                        .put("objective", DvampProblem.INSTANCE.objective(instance,
                                DvampProblem.fromRun(instance, run, expert)));
            }
        }
        return finish("dvamp", lines, writer.lines(), instances, out);
    }

    private int finish(String problem, StringBuilder lines, long lineCount, ArrayNode instances, PrintWriter out) {
        ObjectNode manifest = Json.object();
        manifest.put("format", FORMAT);
        manifest.put("problem", problem);
        manifest.put("createdBy", Versions.plain());
        ObjectNode expertNode = manifest.putObject("expert");
        expertNode.put("name", expert);
        if (problem.equals("dvamp")) {
            expertNode.put("clairvoyant", clairvoyant);
        } else if (problem.equals("workflow")) {
            expertNode.put("simulator", "gates");
        } else if (problem.equals("provisioning")) {
            expertNode.put("timeLimitSeconds", settings.options().timeLimitSeconds());
            manifest.put("actionSetForm", "per-stage");
        } else {
            expertNode.put("features", features);
            expertNode.put("timeLimitSeconds", settings.options().timeLimitSeconds());
        }
        manifest.put("seed", settings.seed);
        manifest.put("threads", settings.threads);
        manifest.set("instances", instances);
        ObjectNode counts = manifest.putObject("counts");
        counts.put("episodes", instances.size());
        counts.put("lines", lineCount);
        manifest.put("labels", "labels.jsonl");
        AtomicFiles.writeString(output.resolve("labels.jsonl"), lines.toString());
        AtomicFiles.write(output.resolve("manifest.json"), Json.pretty(manifest));
        if (common.json) {
            out.println(Json.compact(manifest));
        } else {
            out.println("wrote " + lineCount + " labels of " + instances.size() + " episode(s) to "
                    + output.resolve("labels.jsonl") + " (manifest: " + output.resolve("manifest.json") + ")");
        }
        out.flush();
        return Main.OK;
    }

    /**
     * Rescheduling: the expert is a solver; its verified plan is encoded as VMR2L-style actions,
     * padded with no-ops to max(k, plan length) (problems/rescheduling.md §10).
     */
    @SuppressWarnings("unchecked")
    private int rescheduling(List<LoadedInstance<?>> loaded, StringBuilder lines, ArrayNode instances,
                             PrintWriter out) {
        if (solution != null) {
            throw InputException.usage("--solution is for dvamp's replay expert; rescheduling labels solve with "
                    + "--expert SOLVER");
        }
        long count = 0;
        for (int e = 0; e < loaded.size(); e++) {
            LoadedInstance<ReschedulingInstance> instance = (LoadedInstance<ReschedulingInstance>) loaded.get(e);
            Solving<ReschedulingInstance, ?> solving = Solving.run(instance, expert, settings.options());
            if (!solving.verified.verified()) {
                throw new CheckFailed("the expert " + expert + " gave no verified plan for " + instance.name() + ": "
                        + solving.report().status() + " " + solving.verified.violations());
            }
            ReschedulingSolution plan = (ReschedulingSolution) solving.report().solution();
            ObjectNode expertNode = Json.object();
            expertNode.put("name", expert);
            expertNode.put("status", solving.report().status().name());
            expertNode.put("relGap", solving.report().relGap());
            List<ObjectNode> episode = ReschedulingLabels.episode(instance.instance(), plan.plan(),
                    features.equals("full") ? ReschedulingLabels.Features.FULL : ReschedulingLabels.Features.DEFAULT,
                    new ReschedulingLabels.Header(instance.name(), instance.sha256(), e, expertNode));
            for (ObjectNode line : episode) {
                lines.append(Json.compact(line)).append('\n');
            }
            count += episode.size();
            instances.addObject().put("name", instance.name()).put("sha256", instance.sha256())
                    .put("file", targets.get(e)).put("episode", e).put("decisions", episode.size())
                    .put("objective", solving.report().objective());
        }
        return finish("rescheduling", lines, count, instances, out);
    }

    /**
     * Workflow: the expert is a policy run in the gates simulator (bestfit, prolis, reuse-first,
     * new48, rollout); each episode is checked by replay before anything is written.
     */
    @SuppressWarnings("unchecked")
    private int workflow(List<LoadedInstance<?>> loaded, StringBuilder lines, ArrayNode instances, PrintWriter out) {
        long count = 0;
        for (int e = 0; e < loaded.size(); e++) {
            LoadedInstance<WorkflowInstance> instance = (LoadedInstance<WorkflowInstance>) loaded.get(e);
            WorkflowLabels.Episode episode = WorkflowLabels.episode(instance.instance(), expert,
                    new WorkflowLabels.Header(instance.name(), instance.sha256(), e));
            List<String> problems = WorkflowLabelReplay.check(instance.instance(), episode.lines());
            if (!problems.isEmpty()) {
                throw new CheckFailed("the labels of " + instance.name() + " do not replay: " + problems.get(0));
            }
            for (ObjectNode line : episode.lines()) {
                lines.append(Json.compact(line)).append('\n');
            }
            count += episode.lines().size();
            instances.addObject().put("name", instance.name()).put("sha256", instance.sha256())
                    .put("file", targets.get(e)).put("episode", e).put("decisions", episode.lines().size())
                    .put("objective", episode.outcome().totalCost());
        }
        return finish("workflow", lines, count, instances, out);
    }

    /**
     * Provisioning: the expert ({@code oracle} or {@code milp-rolling}) plans the day; each period start is
     * one line (problems/provisioning.md §10), checked by replay before anything is written.
     */
    @SuppressWarnings("unchecked")
    private int provisioning(List<LoadedInstance<?>> loaded, StringBuilder lines, ArrayNode instances,
                             PrintWriter out) {
        if (!List.of("oracle", "milp-rolling").contains(expert)) {
            throw InputException.usage("provisioning labels take --expert oracle or milp-rolling (got \"" + expert
                    + "\")");
        }
        long count = 0;
        for (int e = 0; e < loaded.size(); e++) {
            LoadedInstance<ProvisioningInstance> instance = (LoadedInstance<ProvisioningInstance>) loaded.get(e);
            Solving<ProvisioningInstance, ?> solving = Solving.run(instance, expert, settings.options());
            if (!solving.verified.verified()) {
                throw new CheckFailed("the expert " + expert + " gave no verified plan for " + instance.name() + ": "
                        + solving.report().status() + " " + solving.verified.violations());
            }
            ObjectNode expertNode = Json.object();
            expertNode.put("name", expert);
            expertNode.put("status", solving.report().status().name());
            expertNode.put("relGap", solving.report().relGap());
            ProvisioningLabels.Episode episode = ProvisioningLabels.episode(instance.instance(),
                    (ProvisioningSolution) solving.report().solution(),
                    ProvisioningLabels.expertRates(instance.instance(), expert, settings.seed), settings.seed,
                    new ProvisioningLabels.Header(instance.name(), instance.sha256(), e, expertNode));
            List<String> problems = ProvisioningLabels.check(instance.instance(), episode.lines(), episode.encoding(),
                    settings.seed);
            if (!problems.isEmpty()) {
                throw new CheckFailed("the labels of " + instance.name() + " do not replay: " + problems.get(0));
            }
            for (ObjectNode line : episode.lines()) {
                lines.append(Json.compact(line)).append('\n');
            }
            count += episode.lines().size();
            ObjectNode entry = instances.addObject().put("name", instance.name()).put("sha256", instance.sha256())
                    .put("file", targets.get(e)).put("episode", e).put("decisions", episode.lines().size())
                    .put("objective", episode.run().outcome().costUsd())
                    .put("expertObjective", episode.expert().outcome().costUsd());
            entry.set("actionRadix", episode.encoding().toJson());
        }
        return finish("provisioning", lines, count, instances, out);
    }

    /** The line's {@code expert}: the policy, and for the look-ahead its window solve's status and gap. */
    private ObjectNode expertInfo(DvampPolicy policy) {
        ObjectNode node = Json.object();
        node.put("name", policy.name());
        if (policy instanceof DvampLookaheadPolicy lookahead) {
            node.put("status", lookahead.lastStatus().name());
            node.put("relGap", lookahead.lastRelGap());
        }
        return node;
    }
}
