package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.common.Problem;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.model.common.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a solution file against its instance with the independent verifier and recompute its "
                + "objective.", "Exit 0 when valid, 1 when a rule is broken, 2 for bad input."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE")
    Path instanceFile;

    @Parameters(index = "1", paramLabel = "SOLUTION")
    Path solutionFile;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return verify(Instances.read(instanceFile), spec.commandLine().getOut());
    }

    @SuppressWarnings("unchecked")
    private <I, S> int verify(LoadedInstance<I> loaded, PrintWriter out) {
        Problem<I, S> problem = (Problem<I, S>) loaded.problem();
        Solutions.Read<S> read = Solutions.read(solutionFile, problem, loaded.instance());
        List<Violation> violations = new ArrayList<>(problem.verify(loaded.instance(), read.solution()));
        double objective = problem.objective(loaded.instance(), read.solution());
        Double claimed = read.envelope().objective();
        if (claimed != null && Math.abs(claimed - objective) > 1e-6 * Math.max(1.0, Math.abs(objective))) {
            violations.add(new Violation("objective", "$.objective", Formats.number(claimed)
                    + " but the evaluator gives " + Formats.number(objective)));
        }
        Double bound = read.envelope().bound();
        if (bound != null && problem.sense(loaded.instance()).better(objective, bound, 1e-6 * Math.max(1.0,
                Math.abs(bound)))) {
            violations.add(new Violation("bound", "$.bound", "objective " + Formats.number(objective)
                    + " is better than the claimed bound " + Formats.number(bound)));
        }
        List<String> warnings = new ArrayList<>();
        if (!read.envelope().instanceSha256().equals(loaded.sha256())) {
            warnings.add("instanceSha256 differs from the instance file's (" + loaded.sha256().substring(0, 12)
                    + "…): the solution may belong to another version of the instance");
        }
        if (!read.envelope().instance().equals(loaded.name())) {
            warnings.add("instance name \"" + read.envelope().instance() + "\" differs from \"" + loaded.name() + "\"");
        }
        if (common.json) {
            ObjectNode node = Json.object();
            node.put("instance", loaded.name());
            node.put("valid", violations.isEmpty());
            node.put("objective", objective);
            ArrayNode list = node.putArray("violations");
            violations.forEach(v -> list.addObject().put("rule", v.rule()).put("location", v.location())
                    .put("message", v.message()));
            ArrayNode warn = node.putArray("warnings");
            warnings.forEach(warn::add);
            out.println(Json.compact(node));
        } else {
            warnings.forEach(warning -> out.println("warning: " + warning));
            out.println((violations.isEmpty() ? "valid" : "INVALID") + ": " + solutionFile + " for " + loaded.name()
                    + ", objective " + Formats.number(objective));
            violations.forEach(violation -> out.println("  " + violation));
        }
        out.flush();
        if (!violations.isEmpty()) {
            throw new CheckFailed(violations.size() + " rule(s) broken in " + solutionFile);
        }
        return Main.OK;
    }
}
