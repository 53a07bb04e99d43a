package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cloudopt.model.common.Json;
import io.cloudopt.solvers.common.Catalogs;
import io.cloudopt.solvers.common.SolverCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "solvers", mixinStandardHelpOptions = true,
        description = "List the solvers of every problem (or of one), with the defaults of solve, gap and demo.")
final class SolversCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PROBLEM")
    String problem;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SolverCatalog<?, ?>> catalogs = problem == null ? Catalogs.all() : List.of(Catalogs.forProblem(problem));
        ArrayNode rows = Json.NODES.arrayNode();
        Table table = new Table("problem", "solver", "default", "description");
        for (SolverCatalog<?, ?> catalog : catalogs) {
            for (SolverCatalog.Entry<?, ?> entry : catalog.entries()) {
                String role = entry.name().equals(catalog.exact()) ? "exact"
                        : entry.name().equals(catalog.heuristic()) ? "heuristic" : "";
                table.add(catalog.problem().id(), entry.name(), role, entry.description());
                rows.addObject().put("problem", catalog.problem().id()).put("solver", entry.name())
                        .put("default", role).put("description", entry.description());
            }
        }
        if (common.json) {
            out.println(Json.compact(rows));
        } else {
            table.print(out);
        }
        out.flush();
        return Main.OK;
    }
}
