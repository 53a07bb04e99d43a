package io.cloudopt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.instances.Samples;
import io.cloudopt.model.common.InputException;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.model.provisioning.ProvisioningInstance;
import io.cloudopt.model.provisioning.ProvisioningOutcome;
import io.cloudopt.model.provisioning.ProvisioningPolicies;
import io.cloudopt.model.provisioning.ProvisioningSimulator;
import io.cloudopt.model.provisioning.ProvisioningSolution;
import io.cloudopt.model.provisioning.ProvisioningValidation;
import io.cloudopt.solvers.common.Catalogs;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.provisioning.ProvisioningPolicySolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cloudopt simulate provisioning --instance FILE|SAMPLE --policy P[,Q…]}: each policy runs on the
 * seeded day, its run goes through the verifier as a plan (a rejected run is a bug: exit 1), and the
 * metrics are printed. The rule-based policies of §9 run online in the model's simulator; any other
 * name is looked up in the solvers module's provisioning catalog (the solver-backed plans
 * {@code milp-static}, {@code milp-rolling}, {@code oracle} once it has one) and executed as a plan.
 */
final class ProvisioningSimulation {
    /** The fields of one policy's result, in output order. */
    static final List<String> FIELDS = List.of("policy", "costUsd", "vmCostUsd", "faasCostUsd", "p50LatencyMs",
            "p99LatencyMs", "requests", "violationFraction", "sloMet", "vmToFaasOverflow", "faasColdStarts",
            "verified", "wallSeconds");

    private ProvisioningSimulation() {
    }

    /** The instance named by {@code --instance}: an existing file, else a bundled provisioning sample. */
    @SuppressWarnings("unchecked")
    static LoadedInstance<ProvisioningInstance> load(String instance) {
        LoadedInstance<?> loaded;
        if (Files.exists(Path.of(instance))) {
            loaded = Instances.read(Path.of(instance));
        } else {
            Optional<Samples.Sample> sample = Samples.find("provisioning", instance);
            if (sample.isEmpty()) {
                throw InputException.usage("--instance " + instance + ": no such file and no bundled provisioning "
                        + "sample; the bundled ones are " + Samples.list("provisioning").stream()
                        .map(s -> s.fileName().replace(".json", "")).toList());
            }
            loaded = Samples.read(sample.get());
        }
        if (!loaded.problem().id().equals("provisioning")) {
            throw InputException.usage("--instance " + instance + " is a " + loaded.problem().id()
                    + " instance, not a provisioning one");
        }
        return (LoadedInstance<ProvisioningInstance>) loaded;
    }

    /**
     * Runs every policy and prints the results. JSON: {@code problem, instance, instanceSha256, seed,
     * threads}, then the {@link #FIELDS} of the policy when there is one, else {@code policies: [{…}, …]},
     * and {@code totalWallSeconds}.
     */
    static int run(LoadedInstance<ProvisioningInstance> loaded, List<String> policies, Long seedOption,
                   String vmType, Duration timeLimit, Path output, boolean json, PrintWriter out, PrintWriter err) {
        if (output != null && policies.size() != 1) {
            throw InputException.usage("-o writes the run of one policy; got " + policies.size() + " policies");
        }
        ProvisioningInstance instance = loaded.instance();
        String file = loaded.file() == null ? loaded.name() : loaded.file().toString();
        List<Solver<ProvisioningInstance, ProvisioningSolution>> solvers = new ArrayList<>();
        for (String policy : policies) {
            ProvisioningValidation.requireVmTypesFor(instance, policy, file);
            solvers.add(solver(policy, instance, vmType));
        }
        long seed = seedOption != null ? seedOption : instance.simulation().seed();
        long started = System.nanoTime();
        Progress progress = new Progress(err, "simulate provisioning", policies.size());
        ArrayNode results = Json.NODES.arrayNode();
        for (int k = 0; k < policies.size(); k++) {
            results.add(simulate(loaded, policies.get(k), solvers.get(k), seed, timeLimit, output));
            progress.update(k + 1);
        }
        progress.done();
        ObjectNode node = Json.object();
        node.put("problem", "provisioning");
        node.put("instance", loaded.name());
        node.put("instanceSha256", loaded.sha256());
        putResults(node, seed, results, started);
        if (json) {
            out.println(Json.compact(node));
        } else {
            Table table = new Table("policy", "costUsd", "vmCostUsd", "faasCostUsd", "p50 ms", "p99 ms", "requests",
                    "violations", "sloMet", "overflow", "wall");
            for (JsonNode result : results) {
                table.add(result.get("policy").asText(), usd(result.get("costUsd")), usd(result.get("vmCostUsd")),
                        usd(result.get("faasCostUsd")), ms(result.get("p50LatencyMs")), ms(result.get("p99LatencyMs")),
                        result.get("requests").asLong(), Formats.percent(result.get("violationFraction").asDouble()),
                        result.get("sloMet").asBoolean(), result.get("vmToFaasOverflow").asLong(),
                        Formats.seconds(result.get("wallSeconds").asDouble()));
            }
            table.print(out);
            if (output != null) {
                out.println("written: " + output);
            }
        }
        out.flush();
        return Main.OK;
    }

    /** A rule-based policy of the model, else a solver of the provisioning catalog; bad input when neither. */
    @SuppressWarnings("unchecked")
    static Solver<ProvisioningInstance, ProvisioningSolution> solver(String policy, ProvisioningInstance instance,
                                                                    String vmType) {
        if (ProvisioningPolicies.NAMES.contains(policy)) {
            ProvisioningPolicies.create(policy, instance, vmType);
            return new ProvisioningPolicySolver(policy, vmType);
        }
        Optional<SolverCatalog<?, ?>> catalog = Catalogs.all().stream()
                .filter(c -> c.problem().id().equals("provisioning")).findFirst();
        if (catalog.isPresent() && catalog.get().names().contains(policy)) {
            return ((SolverCatalog<ProvisioningInstance, ProvisioningSolution>) catalog.get()).create(policy);
        }
        List<String> names = new ArrayList<>(ProvisioningPolicies.NAMES);
        catalog.ifPresent(c -> names.addAll(c.names()));
        throw InputException.usage("unknown provisioning policy \"" + policy + "\"; expected one of "
                + String.join(", ", names));
    }

    private static ObjectNode simulate(LoadedInstance<ProvisioningInstance> loaded, String policy,
                                       Solver<ProvisioningInstance, ProvisioningSolution> solver, long seed,
                                       Duration timeLimit, Path output) {
        long started = System.nanoTime();
        Solving<ProvisioningInstance, ProvisioningSolution> solving = Solving.run(loaded, solver,
                new SolveOptions(timeLimit, 1, seed, false));
        if (!solving.verified.verified()) {
            throw new CheckFailed("the verifier rejects the run of " + policy + " (a bug): "
                    + solving.verified.violations());
        }
        if (output != null) {
            solving.write(output);
        }
        ProvisioningSolution solution = solving.report().solution();
        Object p50 = solving.report().stats().get("p50LatencyMs");
        ProvisioningOutcome outcome = solution.recorded();
        if (outcome == null || !(p50 instanceof Double)) {
            ProvisioningSimulator.Run run = ProvisioningSimulator.run(loaded.instance(), solution, solution.seed());
            outcome = run.outcome();
            p50 = run.p50LatencyMs();
        }
        ObjectNode result = Json.object();
        result.put("policy", policy);
        result.put("costUsd", outcome.costUsd());
        result.put("vmCostUsd", outcome.vmCostUsd());
        result.put("faasCostUsd", outcome.faasCostUsd());
        result.put("p50LatencyMs", (Double) p50);
        result.put("p99LatencyMs", outcome.p99LatencyMs());
        result.put("requests", outcome.requests());
        result.put("violationFraction", outcome.violationFraction());
        result.put("sloMet", outcome.sloMet());
        result.put("vmToFaasOverflow", outcome.vmToFaasOverflow());
        result.put("faasColdStarts", outcome.faasColdStarts());
        result.put("verified", true);
        result.put("wallSeconds", (System.nanoTime() - started) / 1e9);
        return result;
    }

    /**
     * The tail of a simulate report: {@code seed}, {@code threads} (1), the one policy's fields inlined or
     * {@code policies: […]}, and {@code totalWallSeconds} since {@code startedNanos}.
     */
    static void putResults(ObjectNode node, long seed, ArrayNode results, long startedNanos) {
        node.put("seed", seed);
        node.put("threads", 1);
        if (results.size() == 1) {
            node.setAll((ObjectNode) results.get(0));
        } else {
            node.set("policies", results);
        }
        node.put("totalWallSeconds", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String usd(JsonNode value) {
        return String.format(Locale.ROOT, "%.4f", value.asDouble());
    }

    private static String ms(JsonNode value) {
        return String.format(Locale.ROOT, "%.1f", value.asDouble());
    }
}
