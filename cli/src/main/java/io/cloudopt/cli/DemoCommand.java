package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.instances.Samples;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.solvers.common.Catalogs;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolverCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve the bundled sample instances of every problem with the problem's greedy and exact "
                + "solver and print the gap table, with each sample's reference value (opt = proven optimum, "
                + "best = best known).", "Exit 1 when a result is invalid, suspicious, or misses a proven optimum."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--time-limit", defaultValue = "10s", converter = DurationConverter.class,
            description = "Limit per solve (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--problem", description = "Only this problem's samples.")
    String problem;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SolveOptions options = new SolveOptions(timeLimit, 1, 1L, false);
        List<GapCommand.Row> rows = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> problems = problem == null ? Samples.problems().stream().filter(DemoCommand::hasSolvers).toList()
                : List.of(problem);
        int total = problems.stream().mapToInt(id -> Samples.list(id).size()).sum();
        Progress progress = new Progress(err, "demo", total);
        int done = 0;
        for (String id : problems) {
            Map<String, Samples.Reference> expected = Samples.references(id);
            for (Samples.Sample sample : Samples.list(id)) {
                LoadedInstance<?> loaded = Samples.read(sample);
                List<GapCommand.Row> sampleRows = solve(loaded, options);
                rows.addAll(sampleRows);
                Samples.Reference reference = expected.get(loaded.name());
                references.add(reference == null ? "-" : reference.status() + " " + Formats.number(reference.objective()));
                check(sampleRows, reference, failures);
                progress.update(++done);
            }
        }
        progress.done();
        if (common.json) {
            ObjectNode node = Json.object();
            node.put("seed", options.seed());
            node.put("threads", options.threads());
            node.put("timeLimitSeconds", options.timeLimitSeconds());
            ArrayNode array = node.putArray("rows");
            rows.forEach(row -> array.add(Json.MAPPER.valueToTree(row)));
            ArrayNode failed = node.putArray("failures");
            failures.forEach(failed::add);
            out.println(Json.compact(node));
        } else {
            out.println("cloudopt demo: bundled samples, greedy and exact solver per problem (seed 1, 1 thread, "
                    + Formats.seconds(options.timeLimitSeconds()) + " limit)");
            out.println();
            GapCommand.print(rows, out);
            out.println();
            Table table = new Table("instance", "reference");
            for (int i = 0, r = 0; i < references.size(); i++) {
                table.add(rows.get(r).instance(), references.get(i));
                String instance = rows.get(r).instance();
                while (r < rows.size() && rows.get(r).instance().equals(instance)) {
                    r++;
                }
            }
            table.print(out);
        }
        out.flush();
        if (!failures.isEmpty()) {
            throw new CheckFailed(String.join("\n", failures));
        }
        return Main.OK;
    }

    /** Problems whose samples have no solvers yet (provisioning) are left out of the demo. */
    private static boolean hasSolvers(String problemId) {
        return Catalogs.all().stream().anyMatch(catalog -> catalog.problem().id().equals(problemId));
    }

    @SuppressWarnings("unchecked")
    private static <I, S> List<GapCommand.Row> solve(LoadedInstance<I> loaded, SolveOptions options) {
        SolverCatalog<I, S> catalog = (SolverCatalog<I, S>) Catalogs.forProblem(loaded.problem().id());
        List<Solving<I, S>> solves = new ArrayList<>();
        for (String name : List.of(catalog.heuristic(), catalog.exact())) {
            solves.add(Solving.run(loaded, catalog.create(name), options));
        }
        return GapCommand.rows(loaded, solves);
    }

    /** A proven reference must be met by every OPTIMAL row and never beaten. */
    private static void check(List<GapCommand.Row> rows, Samples.Reference reference, List<String> failures) {
        for (GapCommand.Row row : rows) {
            if (row.verdict().equals("Invalid.") || row.verdict().equals("Suspicious.")) {
                failures.add(row.instance() + " " + row.solver() + ": " + row.verdict() + " " + row.violations());
            }
            if (reference == null || row.objective() == null) {
                continue;
            }
            double tolerance = 1e-6 * Math.max(1.0, Math.abs(reference.objective()));
            if (reference.proven() && row.verdict().equals("Optimal.")
                    && Math.abs(row.objective() - reference.objective()) > tolerance) {
                failures.add(row.instance() + " " + row.solver() + ": optimum " + Formats.number(row.objective())
                        + " differs from the proven reference " + Formats.number(reference.objective()));
            }
        }
    }
}
