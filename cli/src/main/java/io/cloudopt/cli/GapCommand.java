package io.cloudopt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudopt.model.common.AtomicFiles;
import io.cloudopt.model.common.Gaps;
import io.cloudopt.model.common.Instances;
import io.cloudopt.model.common.Json;
import io.cloudopt.model.common.LoadedInstance;
import io.cloudopt.model.common.Sense;
import io.cloudopt.model.common.SolveStatus;
import io.cloudopt.model.common.Termination;
import io.cloudopt.solvers.common.Catalogs;
import io.cloudopt.solvers.common.SolveOptions;
import io.cloudopt.solvers.common.SolveReport;
import io.cloudopt.solvers.common.SolverCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "gap", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve instances with several solvers and print a MIPLIB-style table: objective, bound, "
                + "relative gap, gap to the best bound of any solver, wall time, status and verdict.",
                "Verdicts: Optimal. (proven), Timed out., Feasible., Bound. (a bound only), Suspicious. (better "
                        + "than a proven bound: a bug), Invalid. (rejected by the verifier: a bug).",
                "Exit 1 when any row is Suspicious. or Invalid."})
final class GapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INSTANCE")
    List<Path> files;

    @Option(names = "--solvers", split = ",", paramLabel = "NAME",
            description = "Solvers to compare, comma-separated, or 'all' (default: all of the problem's solvers).")
    List<String> solvers;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows as CSV (atomically).")
    Path csv;

    @Option(names = "--reference", paramLabel = "FILE", description = "Best-known or proven values "
            + "(name,status,value with status opt, best or inf, as MIPLIB .solu): adds gapVsReference = "
            + "(objective − reference)/|reference| per row.")
    Path reference;

    @Mixin
    SolveSettings settings;

    @Mixin
    CommonOptions common;

    /** One table row. */
    record Row(String instance, String solver, SolveStatus status, Termination termination, Double objective,
               Double bound, double relGap, Double gapToBestBound, Double gapVsReference, double wallSeconds,
               boolean verified, String verdict, List<String> violations) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LoadedInstance<?>> instances = files.stream().<LoadedInstance<?>>map(Instances::read).toList();
        SolveOptions options = settings.options();
        java.util.Map<String, Double> references = reference == null ? java.util.Map.of() : References.read(reference);
        List<Row> rows = new ArrayList<>();
        for (LoadedInstance<?> loaded : instances) {
            for (Row row : rowsFor(loaded, options, err)) {
                Double value = references.get(row.instance());
                rows.add(value == null ? row : new Row(row.instance(), row.solver(), row.status(), row.termination(),
                        row.objective(), row.bound(), row.relGap(), row.gapToBestBound(),
                        io.cloudopt.model.common.Gaps.gapVsReference(row.objective(), value), row.wallSeconds(),
                        row.verified(), row.verdict(), row.violations()));
            }
        }
        if (csv != null) {
            AtomicFiles.writeString(csv, toCsv(rows, options));
        }
        if (common.json) {
            ObjectNode node = Json.object();
            node.put("seed", options.seed());
            node.put("threads", options.threads());
            node.put("timeLimitSeconds", options.timeLimitSeconds());
            ArrayNode array = node.putArray("rows");
            rows.forEach(row -> array.add(Json.MAPPER.valueToTree(row)));
            out.println(Json.compact(node));
        } else {
            print(rows, out);
        }
        out.flush();
        boolean bad = rows.stream().anyMatch(row -> row.verdict().equals("Suspicious.") || row.verdict().equals("Invalid."));
        if (bad) {
            throw new CheckFailed("a solver returned an invalid or suspicious result (see the table)");
        }
        return Main.OK;
    }

    static void print(List<Row> rows, PrintWriter out) {
        boolean withReference = rows.stream().anyMatch(row -> row.gapVsReference() != null);
        Table table = withReference
                ? new Table("instance", "solver", "objective", "bound", "relGap", "gapToBest", "vsReference", "wall",
                        "status", "verdict")
                : new Table("instance", "solver", "objective", "bound", "relGap", "gapToBest", "wall", "status",
                        "verdict");
        for (Row row : rows) {
            String relGap = row.bound() == null || row.objective() == null ? "-" : Formats.percent(row.relGap());
            if (withReference) {
                table.add(row.instance(), row.solver(), Formats.number(row.objective()), Formats.number(row.bound()),
                        relGap, Formats.percent(row.gapToBestBound()), Formats.percent(row.gapVsReference()),
                        Formats.seconds(row.wallSeconds()), row.status(), row.verdict());
            } else {
                table.add(row.instance(), row.solver(), Formats.number(row.objective()), Formats.number(row.bound()),
                        relGap, Formats.percent(row.gapToBestBound()), Formats.seconds(row.wallSeconds()), row.status(),
                        row.verdict());
            }
        }
        table.print(out);
    }

    @SuppressWarnings("unchecked")
    private <I, S> List<Row> rowsFor(LoadedInstance<I> loaded, SolveOptions options, PrintWriter err) {
        SolverCatalog<I, S> catalog = (SolverCatalog<I, S>) Catalogs.forProblem(loaded.problem().id());
        List<String> names = solvers == null || solvers.equals(List.of("all")) ? catalog.names() : solvers;
        names.forEach(catalog::create);
        List<Solving<I, S>> solves = new ArrayList<>();
        Progress progress = new Progress(err, "gap " + loaded.name(), names.size());
        for (String name : names) {
            solves.add(Solving.run(loaded, catalog.create(name), options));
            progress.update(solves.size());
        }
        progress.done();
        return rows(loaded, solves);
    }

    /** Rows with verdicts; the best bound is the tightest bound any solver proved. */
    static <I, S> List<Row> rows(LoadedInstance<I> loaded, List<Solving<I, S>> solves) {
        Sense sense = loaded.problem().sense(loaded.instance());
        Double bestBound = null;
        for (Solving<I, S> solving : solves) {
            SolveReport<S> report = solving.report();
            if (report.bound() != null && solving.verified.violations().isEmpty()) {
                bestBound = bestBound == null ? report.bound()
                        : sense == Sense.MINIMIZE ? Math.max(bestBound, report.bound()) : Math.min(bestBound, report.bound());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Solving<I, S> solving : solves) {
            SolveReport<S> report = solving.report();
            Double objective = report.objective();
            String verdict;
            if (!solving.verified.violations().isEmpty()) {
                verdict = "Invalid.";
            } else if (objective != null && bestBound != null
                    && sense.better(objective, bestBound, 1e-6 * Math.max(1.0, Math.abs(bestBound)))) {
                verdict = "Suspicious.";
            } else if (report.solution() == null) {
                verdict = report.bound() != null ? "Bound." : "No solution.";
            } else if (report.status() == SolveStatus.OPTIMAL) {
                verdict = "Optimal.";
            } else if (report.termination() == Termination.TIME_LIMIT
                    || report.termination() == Termination.INTERRUPTED) {
                verdict = "Timed out.";
            } else {
                verdict = "Feasible.";
            }
            Double toBest = objective == null || bestBound == null ? null : Gaps.relGap(objective, bestBound);
            rows.add(new Row(loaded.name(), solving.solver.name(), report.status(), report.termination(), objective,
                    report.bound(), report.relGap(), toBest, null, report.wallSeconds(), solving.verified.verified(), verdict,
                    solving.verified.violations().stream().map(Object::toString).toList()));
        }
        return rows;
    }

    private static String toCsv(List<Row> rows, SolveOptions options) {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("instance", "solver", "status", "termination",
                "objective", "bound", "relGap", "gapToBestBound", "gapVsReference", "wallSeconds", "verified", "verdict",
                "seed", "threads").get();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (Row row : rows) {
                printer.printRecord(row.instance(), row.solver(), row.status(), row.termination(), row.objective(),
                        row.bound(), row.relGap(), row.gapToBestBound(), row.gapVsReference(), row.wallSeconds(),
                        row.verified(),
                        row.verdict(), options.seed(), options.threads());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
