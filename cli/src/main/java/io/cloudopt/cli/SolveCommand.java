package io.cloudopt.cli;

import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.common.Solutions;
import io.cloudopt.solvers.common.Catalogs;
import io.cloudopt.solvers.common.ModelExporter;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.Solver;
import io.cloudopt.solvers.common.SolverCatalog;
import io.cloudopt.solvers.provisioning.ProvisioningSolvers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve an instance file with one solver; the solution is checked by the independent verifier "
                + "before it is reported or written.",
                "Exit 0 with a verified solution, 1 when none was found or the verifier rejects it, 2 for bad input."})
final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "Instance file (.json or .json.gz).")
    Path instanceFile;

    @Option(names = "--solver", description = "Solver name (default: the problem's exact solver). "
            + "'cloudopt solvers' lists them.")
    String solverName;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the solution file (atomically).")
    Path output;

    @Option(names = "--mps", paramLabel = "FILE", description = "Export the MILP model (.mps, .mps.gz or .lp) of "
            + "a MILP solver before solving.")
    Path mps;

    @Option(names = "--sol", paramLabel = "FILE", description = "Also write a MIPLIB-style .sol file (=obj= and "
            + "the solution's decisions).")
    Path sol;

    @Option(names = "--slo-bound", paramLabel = "split|plain", description = "provisioning milp-static and cpsat: the "
            + "SLO decomposition; plain is the per-stage union bound without the shared service term (§7).")
    String sloBound;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "provisioning: a solver parameter, repeatable "
            + "(milp-rolling windowPeriods, stepLimitSeconds; milp-rolling and oracle dominance=cost|period).")
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    @Mixin
    SolveSettings settings;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedInstance<?> loaded = Instances.read(instanceFile);
        return solve(loaded, out);
    }

    /** The catalog's solver; provisioning solvers take {@code --slo-bound} and {@code --param}. */
    @SuppressWarnings("unchecked")
    private <I, S> Solver<I, S> create(SolverCatalog<I, S> catalog, String name) {
        if (sloBound != null) {
            if (!List.of("split", "plain").contains(sloBound)) {
                throw io.cloudopt.model.common.InputException.usage("--slo-bound must be split or plain (got \""
                        + sloBound + "\")");
            }
            params.put("sloBound", sloBound);
        }
        if (params.isEmpty()) {
            return catalog.create(name);
        }
        if (!catalog.problem().id().equals("provisioning")) {
            throw io.cloudopt.model.common.InputException.usage("--param and --slo-bound are for provisioning solvers; "
                    + catalog.problem().id() + " solvers take none");
        }
        catalog.create(name);
        try {
            return (Solver<I, S>) ProvisioningSolvers.create(name, params);
        } catch (IllegalArgumentException e) {
            throw io.cloudopt.model.common.InputException.usage("bad solver parameter for " + name + ": "
                    + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private <I, S> int solve(LoadedInstance<I> loaded, PrintWriter out) {
        SolverCatalog<I, S> catalog = (SolverCatalog<I, S>) Catalogs.forProblem(loaded.problem().id());
        String name = solverName == null ? catalog.exact() : solverName;
        Solver<I, S> solver = create(catalog, name);
        if (mps != null) {
            if (!(solver instanceof ModelExporter<?>)) {
                throw io.cloudopt.model.common.InputException.usage("--mps needs a MILP solver; \"" + name
                        + "\" builds no MILP model");
            }
            ((ModelExporter<I>) solver).exportModel(loaded.instance(), settings.options(), mps);
        }
        Solving<I, S> solving = Solving.run(loaded, solver, settings.options());
        SolveReport<S> report = solving.report();
        boolean ok = solving.verified.verified();
        if (ok && output != null) {
            solving.write(output);
        }
        if (ok && sol != null) {
            Solutions.writeSol(sol, report.objective(), solving.problem().solValues(loaded.instance(), report.solution()));
        }
        if (common.json) {
            out.println(Json.compact(solving.document(true)));
        } else {
            Table table = new Table("field", "value");
            table.add("instance", loaded.name());
            table.add("solver", solver.name());
            table.add("status", report.status() + " (" + report.termination() + ")");
            table.add("objective", Formats.number(report.objective()));
            table.add("bound", Formats.number(report.bound()));
            table.add("relGap", report.bound() == null ? "-" : Formats.percent(report.relGap()));
            table.add("wall", Formats.seconds(report.wallSeconds()));
            table.add("verified", ok ? "yes" : report.solution() == null ? "no solution" : "NO");
            if (ok && output != null) {
                table.add("written", output);
            }
            table.print(out);
        }
        if (report.solution() == null) {
            throw new CheckFailed(solver.name() + " found no solution (" + report.status() + ", "
                    + report.termination() + ")");
        }
        if (!ok) {
            StringBuilder text = new StringBuilder("the verifier rejects the solution of " + solver.name()
                    + " (a bug; nothing written):");
            solving.verified.violations().forEach(violation -> text.append("\n  ").append(violation));
            throw new CheckFailed(text.toString());
        }
        return Main.OK;
    }
}
